package org.gradframes.expr;

import java.util.List;
import java.util.Objects;

/** A parsed program: its source and its statements in order; the last one is the output. */
public record Program(Source source, List<Statement> statements) {
  public Program {
    Objects.requireNonNull(source, "source");
    statements = List.copyOf(statements);
    if (statements.isEmpty()) {
      throw new IllegalArgumentException("a program has at least one statement");
    }
  }

  /** The statement whose value is the program's output. */
  public Statement output() {
    return statements.get(statements.size() - 1);
  }
}
