package org.gradframes.cli;

import java.io.PrintWriter;
import org.gradframes.expr.Position;
import org.gradframes.expr.Source;
import org.gradframes.pipeline.Diagnostic;

/** Prints errors and warnings as {@code FILE:LINE:COL: error: MESSAGE}, the source line, and a caret. */
final class Diagnostics {
  private final PrintWriter err;

  Diagnostics(PrintWriter err) {
    this.err = err;
  }

  /** An error or warning at a place in a source. */
  void at(Source source, Position position, String kind, String message) {
    String text = Diagnostic.at(source, position, kind, message);
    for (String line : text.substring(0, text.length() - 1).split("\n", -1)) {
      err.println(line);
    }
    err.flush();
  }

  /** An error about a whole input, with no place in it. */
  void about(String name, String message) {
    err.println(name + ": error: " + message);
    err.flush();
  }
}
