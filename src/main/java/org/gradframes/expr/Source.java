package org.gradframes.expr;

import java.util.List;
import java.util.Objects;

/** The text of one program and the name it is reported under (a file path, {@code <stdin>}, ...). */
public record Source(String name, String text) {
  public Source {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(text, "text");
  }

  /** Returns line {@code n} (from 1) without its line terminator, or "" past the end. */
  public String line(int n) {
    List<String> lines = text.lines().toList();
    return n >= 1 && n <= lines.size() ? lines.get(n - 1) : "";
  }
}
