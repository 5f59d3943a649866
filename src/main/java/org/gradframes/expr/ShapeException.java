package org.gradframes.expr;

/** Vectors and matrices combined in a way their shapes do not allow, such as {@code W @ x} with too few columns. */
public final class ShapeException extends SourceException {
  private static final long serialVersionUID = 1L;

  public ShapeException(Position position, String message) {
    super(position, message);
  }
}
