package org.gradframes.cli;

import java.io.PrintWriter;
import java.io.Writer;

/**
 * Text bound for a terminal, made harmless: a control character in a program or a file name (an escape sequence
 * that retitles or clears the terminal, a carriage return that overwrites the line, a bidirectional override) is
 * shown as {@code \x1B} or {@code \u202E} instead of acting.
 */
final class Terminal {
  private Terminal() {}

  /** Whether {@code c} acts on a terminal instead of showing; tabs and line ends are kept. */
  static boolean isControl(int c) {
    return org.gradframes.pipeline.Diagnostic.isControl(c);
  }

  /** How a control character is shown: {@code \x1B} below U+0100, {@code \u202E} above. */
  static String escape(int c) {
    return org.gradframes.pipeline.Diagnostic.escape(c);
  }

  /** {@code text} with every control character but tab and newline escaped. */
  static String visible(String text) {
    if (text.codePoints().noneMatch(Terminal::isControl)) {
      return text;
    }
    StringBuilder out = new StringBuilder();
    text.codePoints().forEach(c -> {
      if (isControl(c)) {
        out.append(escape(c));
      } else {
        out.appendCodePoint(c);
      }
    });
    return out.toString();
  }

  /**
   * A name, such as a file's, on one line: its control characters escaped, and its tabs and line ends too, so that a
   * file named {@code "a\nb.grad:1:1: error: …"} cannot print a line of its own.
   */
  static String oneLine(String name) {
    StringBuilder out = new StringBuilder();
    name.codePoints().forEach(c -> out.append(isControl(c) || c == '\n' || c == '\t' ? escape(c)
        : new String(Character.toChars(c))));
    return out.toString();
  }

  /** A writer that escapes what it passes on to {@code out}, so that nothing printed can act on the terminal. */
  static PrintWriter escaping(PrintWriter out) {
    return new PrintWriter(new Writer() {
      @Override
      public void write(char[] buffer, int offset, int length) {
        String text = new String(buffer, offset, length);
        out.write(text.equals(System.lineSeparator()) ? text : visible(text));
      }

      @Override
      public void flush() {
        out.flush();
      }

      @Override
      public void close() {
        out.flush();
      }
    }, true);
  }
}
