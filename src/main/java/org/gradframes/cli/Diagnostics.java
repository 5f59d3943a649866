package org.gradframes.cli;

import java.io.PrintWriter;
import org.gradframes.expr.Position;
import org.gradframes.expr.Source;

/** Prints errors and warnings as {@code FILE:LINE:COL: error: MESSAGE}, the source line, and a caret. */
final class Diagnostics {
  /** Longer source lines are shown as a window around the column. */
  static final int LONGEST_LINE = 100;

  private final PrintWriter err;

  Diagnostics(PrintWriter err) {
    this.err = err;
  }

  /** An error or warning at a place in a source. */
  void at(Source source, Position position, String kind, String message) {
    err.println(source.name() + ":" + position.line() + ":" + position.column() + ": " + kind + ": " + message);
    String line = source.line(position.line());
    int column = position.column();
    int[] points = line.codePoints().toArray();
    if (points.length > LONGEST_LINE) {
      int from = Math.max(0, Math.min(column - 1 - LONGEST_LINE / 2, points.length - LONGEST_LINE));
      int to = Math.min(points.length, from + LONGEST_LINE);
      line = (from > 0 ? "…" : "") + new String(points, from, to - from) + (to < points.length ? "…" : "");
      column = column - from + (from > 0 ? 1 : 0);
    }
    printLine(line, column);
    err.flush();
  }

  /** The line with its control characters escaped, and the caret under the column it points at. */
  private void printLine(String line, int column) {
    StringBuilder shown = new StringBuilder();
    StringBuilder caret = new StringBuilder();
    int[] points = line.codePoints().toArray();
    for (int i = 0; i < points.length; i++) {
      String c = Terminal.isControl(points[i]) ? Terminal.escape(points[i]) : new String(Character.toChars(points[i]));
      shown.append(c);
      if (i < column - 1) {
        caret.append(points[i] == '\t' ? "\t" : " ".repeat(c.codePointCount(0, c.length())));
      }
    }
    for (int i = points.length; i < column - 1; i++) {
      caret.append(' ');
    }
    err.println(shown);
    err.println(caret.append('^'));
  }

  /** An error about a whole input, with no place in it. */
  void about(String name, String message) {
    err.println(name + ": error: " + message);
    err.flush();
  }
}
