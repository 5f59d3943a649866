package org.gradframes.render.text;

import java.util.ArrayList;
import java.util.List;

/**
 * The subscript rule of {@link Notation#name}: {@code x1} as x_{1}, {@code x1w1} as x_{1}w_{1}, {@code h1_3} as
 * h_{1,3}; an element of a vector or a matrix, {@code h[2]} or {@code W1[2,1]}, as its variable's name by the same
 * rule followed by its index in brackets: h[2], W_{1}[2,1]. A subscripted index would make {@code b1[1]} read as
 * b₁₁ and {@code W2[1,3]} as W₂₁,₃.
 */
final class Subscripts {
  private Subscripts() {}

  /** {@code name} in rich-text markup, with the subscripts {@link Notation#name} describes. */
  static String write(String name) {
    int bracket = name.indexOf('[');
    if (bracket > 0 && name.endsWith("]")) {
      return write(name.substring(0, bracket)) + name.substring(bracket);
    }
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < name.length()) {
      int start = i;
      while (i < name.length() && !isDigit(name.charAt(i)) && name.charAt(i) != '_') {
        i++;
      }
      if (i == start) {
        return out.append(name, start, name.length()).toString();
      }
      out.append(name, start, i);
      List<String> parts = new ArrayList<>();
      i = digits(name, i, parts);
      while (i + 1 < name.length() && name.charAt(i) == '_' && name.charAt(i + 1) != '_') {
        i = isDigit(name.charAt(i + 1)) ? digits(name, i + 1, parts) : word(name, i + 1, parts);
      }
      if (!parts.isEmpty()) {
        out.append("_{").append(String.join(",", parts)).append('}');
      }
      if (i < name.length() && name.charAt(i) == '_') {
        return out.append(name, i, name.length()).toString();
      }
    }
    return out.toString();
  }

  /** Adds the digits from {@code from} to {@code parts} (if any); returns where they end. */
  private static int digits(String name, int from, List<String> parts) {
    int i = from;
    while (i < name.length() && isDigit(name.charAt(i))) {
      i++;
    }
    if (i > from) {
      parts.add(name.substring(from, i));
    }
    return i;
  }

  /** Adds the letters and digits from {@code from} up to the next underscore to {@code parts}. */
  private static int word(String name, int from, List<String> parts) {
    int i = from;
    while (i < name.length() && name.charAt(i) != '_') {
      i++;
    }
    parts.add(name.substring(from, i));
    return i;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
