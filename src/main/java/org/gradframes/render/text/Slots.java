package org.gradframes.render.text;

/**
 * Numbers that a page fills in again when its inputs change: in a marked text each number is wrapped as
 * {@code OPEN slot SEPARATOR number CLOSE}, where the slot names the quantity the number is (the value of node 3,
 * the gradient of node 3 after its second contribution, the amount sent along edge 5), so that a live page writes
 * the new number in its place. The markers are private-use characters a program's text cannot hold; measuring a
 * marked text measures it as if they were not there.
 */
public final class Slots {
  /** Opens a slot; its name follows. */
  public static final char OPEN = '\uE000';
  /** Ends a slot's name; the number as written follows. */
  public static final char SEPARATOR = '\uE001';
  /** Closes a slot. */
  public static final char CLOSE = '\uE002';

  private Slots() {}

  /** {@code text}, the number that {@code slot} names, marked as that slot's. */
  static String mark(String slot, String text) {
    return OPEN + slot + SEPARATOR + text + CLOSE;
  }

  /** Whether {@code text} holds a slot. */
  public static boolean marked(String text) {
    return text.indexOf(OPEN) >= 0;
  }

  /** {@code text} as it reads: each slot replaced by the number written in it. */
  public static String strip(String text) {
    if (!marked(text)) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    boolean name = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == OPEN) {
        name = true;
      } else if (c == SEPARATOR) {
        name = false;
      } else if (c != CLOSE && !name) {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** The value of node {@code node} (in the forward pass). */
  public static String value(int node) {
    return "v" + node;
  }

  /** The gradient of node {@code node} once it has received {@code received} contributions (the output's: 1). */
  public static String gradient(int node, int received) {
    return "g" + node + "." + received;
  }

  /** The gradient that flows into the consumer of edge {@code edge} before it sends it back along the edge. */
  public static String upstream(int edge) {
    return "u" + edge;
  }

  /** The local derivative along edge {@code edge}. */
  public static String local(int edge) {
    return "l" + edge;
  }

  /** The contribution sent back along edge {@code edge}: upstream times local. */
  public static String amount(int edge) {
    return "a" + edge;
  }
}
