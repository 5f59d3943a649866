package org.gradframes.expr;

import java.util.Objects;

/**
 * One line {@code name = expression}; the position is the name's. A scalar statement that a vector statement
 * expanded to keeps the vector statement's right side as {@code written} ({@code p @ z} for
 * {@code p[1]*z[1] + p[2]*z[2]}), so that a header too narrow for the expansion can show what the program says;
 * otherwise {@code written} is null.
 */
public record Statement(String name, Expr value, Position position, Expr written) {
  public Statement {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(position, "position");
  }

  /** A statement as the program writes it. */
  public Statement(String name, Expr value, Position position) {
    this(name, value, position, null);
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
