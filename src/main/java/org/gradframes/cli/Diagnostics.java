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
    err.println(line);
    err.println(caret(line, column));
    err.flush();
  }

  /** An error about a whole input, with no place in it. */
  void about(String name, String message) {
    err.println(name + ": error: " + message);
    err.flush();
  }

  /** Spaces (tabs where the line has tabs) up to column {@code column}, then a caret. */
  static String caret(String line, int column) {
    StringBuilder caret = new StringBuilder();
    int[] codePoints = line.codePoints().toArray();
    for (int i = 0; i < column - 1; i++) {
      caret.append(i < codePoints.length && codePoints[i] == '\t' ? '\t' : ' ');
    }
    return caret.append('^').toString();
  }
}
