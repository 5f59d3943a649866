package org.gradframes.pipeline;

import org.gradframes.expr.Position;
import org.gradframes.expr.Source;

/**
 * An error or warning at a place in a program, worded as compilers word it: {@code FILE:LINE:COL: error: MESSAGE},
 * the source line, and a caret under the column. The command line prints it and the server answers with it.
 */
public final class Diagnostic {
  /** Longer source lines are shown as a window around the column. */
  public static final int LONGEST_LINE = 100;

  private Diagnostic() {}

  /** The three lines, each ending in a newline; control characters of the source are shown escaped. */
  public static String at(Source source, Position position, String kind, String message) {
    String line = source.line(position.line());
    int column = position.column();
    int[] points = line.codePoints().toArray();
    if (points.length > LONGEST_LINE) {
      int from = Math.max(0, Math.min(column - 1 - LONGEST_LINE / 2, points.length - LONGEST_LINE));
      int to = Math.min(points.length, from + LONGEST_LINE);
      line = (from > 0 ? "…" : "") + new String(points, from, to - from) + (to < points.length ? "…" : "");
      column = column - from + (from > 0 ? 1 : 0);
    }
    return source.name() + ":" + position.line() + ":" + position.column() + ": " + kind + ": " + message + "\n"
        + excerpt(line, column);
  }

  /** The line with its control characters escaped, and the caret under the column it points at. */
  private static String excerpt(String line, int column) {
    StringBuilder shown = new StringBuilder();
    StringBuilder caret = new StringBuilder();
    int[] points = line.codePoints().toArray();
    for (int i = 0; i < points.length; i++) {
      String c = isControl(points[i]) ? escape(points[i]) : new String(Character.toChars(points[i]));
      shown.append(c);
      if (i < column - 1) {
        caret.append(points[i] == '\t' ? "\t" : " ".repeat(c.codePointCount(0, c.length())));
      }
    }
    for (int i = points.length; i < column - 1; i++) {
      caret.append(' ');
    }
    return shown + "\n" + caret.append('^') + "\n";
  }

  /**
   * Whether {@code c} acts on a terminal instead of showing (an escape sequence, a carriage return, a bidirectional
   * override); tabs and line ends are kept.
   */
  public static boolean isControl(int c) {
    return c < 0x20 && c != '\t' && c != '\n' || c >= 0x7f && c <= 0x9f || c >= 0x202a && c <= 0x202e
        || c >= 0x2066 && c <= 0x2069 || c == 0x200e || c == 0x200f || c == 0x061c;
  }

  /** How a control character is shown: {@code \x1B} below U+0100, {@code \u202E} above. */
  public static String escape(int c) {
    return c < 0x100 ? String.format("\\x%02X", c) : String.format("\\u%04X", c);
  }
}
