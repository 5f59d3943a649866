package org.gradframes.expr;

/** Text that does not follow the grammar of the .grad language (or nests deeper than it may). */
public class SyntaxException extends SourceException {
  private static final long serialVersionUID = 1L;

  public SyntaxException(Position position, String message) {
    super(position, message);
  }
}
