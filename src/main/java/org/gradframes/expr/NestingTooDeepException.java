package org.gradframes.expr;

/** A program nested deeper than the limit (parentheses, minus signs, powers), at the token past it. */
public final class NestingTooDeepException extends SyntaxException {
  private static final long serialVersionUID = 1L;
  private final int limit;

  public NestingTooDeepException(Position position, int limit) {
    super(position, "Expression is nested more than " + limit + " levels deep.");
    this.limit = limit;
  }

  /** The deepest nesting allowed. */
  public int limit() {
    return limit;
  }
}
