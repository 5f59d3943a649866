package org.gradframes.render.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Text with subscripts and superscripts, written with the markup {@code x_{1}} and {@code y^{(1)}}. Names from a
 * program hold only letters, digits and '_', so they cannot form markup themselves.
 */
public final class RichText {
  /** Characters with a sub- and superscript form; the comma between indices ({@code h₁,₃}) has none and stays. */
  private static final String SUBSCRIPT_FROM = "0123456789()+-−=,";
  private static final String SUBSCRIPT_TO = "₀₁₂₃₄₅₆₇₈₉₍₎₊₋₋₌,";
  private static final String SUPERSCRIPT_TO = "⁰¹²³⁴⁵⁶⁷⁸⁹⁽⁾⁺⁻⁻⁼,";

  private RichText() {}

  /** Where a run sits: on the line, below it or above it. */
  public enum Script { NORMAL, SUB, SUPER }

  /** A stretch of text in one script. */
  public record Run(String text, Script script) {}

  private static final int CACHE_LIMIT = 20_000;
  private static final java.util.Map<String, List<Run>> RUNS = new java.util.concurrent.ConcurrentHashMap<>();
  private static final java.util.Map<String, String> PLAIN = new java.util.concurrent.ConcurrentHashMap<>();

  /** Splits marked-up text into runs; labels repeat from frame to frame, so recent ones are kept. */
  public static List<Run> runs(String markup) {
    List<Run> runs = RUNS.get(markup);
    if (runs == null) {
      if (RUNS.size() > CACHE_LIMIT) {
        RUNS.clear();
      }
      runs = List.copyOf(parse(markup));
      RUNS.put(markup, runs);
    }
    return runs;
  }

  private static List<Run> parse(String markup) {
    List<Run> runs = new ArrayList<>();
    StringBuilder normal = new StringBuilder();
    int i = 0;
    while (i < markup.length()) {
      char c = markup.charAt(i);
      int close = markup.indexOf('}', i);
      if ((c == '_' || c == '^') && i + 1 < markup.length() && markup.charAt(i + 1) == '{' && close > i) {
        flush(normal, runs);
        runs.add(new Run(markup.substring(i + 2, close), c == '_' ? Script.SUB : Script.SUPER));
        i = close + 1;
      } else {
        normal.append(c);
        i++;
      }
    }
    flush(normal, runs);
    return runs;
  }

  private static void flush(StringBuilder normal, List<Run> runs) {
    if (normal.length() > 0) {
      runs.add(new Run(normal.toString(), Script.NORMAL));
      normal.setLength(0);
    }
  }

  /** The text as plain Unicode: sub- and superscripts as their Unicode characters where all have one. */
  public static String plain(String markup) {
    String plain = PLAIN.get(markup);
    if (plain == null) {
      if (PLAIN.size() > CACHE_LIMIT) {
        PLAIN.clear();
      }
      plain = toPlain(markup);
      PLAIN.put(markup, plain);
    }
    return plain;
  }

  private static String toPlain(String markup) {
    StringBuilder out = new StringBuilder();
    for (Run run : runs(markup)) {
      switch (run.script()) {
        case NORMAL -> out.append(run.text());
        case SUB -> out.append(convert(run.text(), SUBSCRIPT_TO, "_"));
        case SUPER -> out.append(convert(run.text(), SUPERSCRIPT_TO, "^"));
      }
    }
    return out.toString();
  }

  private static String convert(String text, String to, String marker) {
    StringBuilder out = new StringBuilder();
    boolean slot = false;
    for (char c : text.toCharArray()) {
      // A number marked as a slot (a live page's) converts as the number would; its slot's name stays as it is.
      if (c == Slots.OPEN || c == Slots.SEPARATOR || c == Slots.CLOSE || slot) {
        slot = c == Slots.OPEN || slot && c != Slots.SEPARATOR;
        out.append(c);
        continue;
      }
      int at = SUBSCRIPT_FROM.indexOf(c);
      if (at < 0) {
        return marker + text;
      }
      out.append(to.charAt(at));
    }
    return out.toString();
  }

  /** The size of a sub- or superscript relative to the text around it. */
  public static final double SCRIPT_SCALE = 0.7;

  /** The advance width of marked-up text at {@code size}. */
  public static double width(String markup, double size, boolean bold) {
    double width = 0;
    for (Run run : runs(Slots.strip(markup))) {
      width += Fonts.width(run.text(), run.script() == Script.NORMAL ? size : size * SCRIPT_SCALE, bold);
    }
    return width;
  }

  /**
   * The text cut to {@code maxWidth} at {@code size}, an ellipsis marking the cut: a name or label of any length
   * makes a box of bounded size. Text that fits is returned as it is.
   */
  public static String clip(String markup, double size, boolean bold, double maxWidth) {
    if (width(markup, size, bold) <= maxWidth) {
      return markup;
    }
    // A cut text is no longer one whose numbers can be written again: its slots go.
    markup = Slots.strip(markup);
    double room = maxWidth - Fonts.width("…", size, bold);
    StringBuilder out = new StringBuilder();
    for (Run run : runs(markup)) {
      double runSize = run.script() == Script.NORMAL ? size : size * SCRIPT_SCALE;
      double width = Fonts.width(run.text(), runSize, bold);
      if (width > room) {
        out.append(marked(run, prefix(run.text(), runSize, bold, room)));
        break;
      }
      out.append(marked(run, run.text()));
      room -= width;
    }
    return out.append('…').toString();
  }

  /** The longest start of {@code text} (whole code points) no wider than {@code room}: a binary search. */
  private static String prefix(String text, double size, boolean bold, double room) {
    int low = 0;
    int high = text.codePointCount(0, text.length());
    while (low < high) {
      int middle = (low + high + 1) >>> 1;
      if (Fonts.width(text.substring(0, text.offsetByCodePoints(0, middle)), size, bold) <= room) {
        low = middle;
      } else {
        high = middle - 1;
      }
    }
    return text.substring(0, text.offsetByCodePoints(0, low));
  }

  private static String marked(Run run, String text) {
    if (text.isEmpty()) {
      return "";
    }
    return switch (run.script()) {
      case NORMAL -> text;
      case SUB -> "_{" + text + "}";
      case SUPER -> "^{" + text + "}";
    };
  }

  /** How far a run's baseline sits below the line's baseline (negative: above). */
  public static double shift(Script script, double size) {
    return switch (script) {
      case NORMAL -> 0;
      case SUB -> 0.22 * size;
      case SUPER -> -0.38 * size;
    };
  }
}
