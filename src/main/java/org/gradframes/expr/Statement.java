package org.gradframes.expr;

import java.util.Objects;

/** One line {@code name = expression}; the position is the name's. */
public record Statement(String name, Expr value, Position position) {
  public Statement {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(position, "position");
  }

  /** Whether the right side is a number literal, with or without a minus sign: an input. */
  public boolean isInput() {
    return value instanceof Expr.Literal
        || (value instanceof Expr.Negation n && n.operand() instanceof Expr.Literal);
  }

  /** The value of an input statement. */
  public double inputValue() {
    if (value instanceof Expr.Literal l) {
      return l.value();
    }
    if (value instanceof Expr.Negation n && n.operand() instanceof Expr.Literal l) {
      return -l.value();
    }
    throw new IllegalStateException(name + " is not an input");
  }
}
