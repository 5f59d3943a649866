package org.gradframes.expr;

import java.util.Objects;

/** A program that cannot be compiled or evaluated, with the place in the source that is at fault. */
public class SourceException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final Position position;

  public SourceException(Position position, String message) {
    super(message);
    this.position = Objects.requireNonNull(position, "position");
  }

  public Position position() {
    return position;
  }
}
