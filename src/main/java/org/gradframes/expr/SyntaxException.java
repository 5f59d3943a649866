package org.gradframes.expr;

/** Text that does not follow the grammar of the .grad language. */
public final class SyntaxException extends SourceException {
  private static final long serialVersionUID = 1L;

  public SyntaxException(Position position, String message) {
    super(position, message);
  }
}
