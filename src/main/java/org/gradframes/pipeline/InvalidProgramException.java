package org.gradframes.pipeline;

import java.util.Objects;
import org.gradframes.expr.Position;
import org.gradframes.expr.Source;

/** A program that cannot be compiled or evaluated, with the place in its source that is at fault. */
public final class InvalidProgramException extends GradframesException {
  private static final long serialVersionUID = 1L;
  private final transient Source source;
  private final Position position;

  InvalidProgramException(Source source, Position position, Message message, Throwable cause) {
    super(message, cause);
    this.source = Objects.requireNonNull(source, "source");
    this.position = Objects.requireNonNull(position, "position");
  }

  /** The program's source. */
  public Source source() {
    return source;
  }

  /** Where in the source the program is wrong (line and column from 1). */
  public Position position() {
    return position;
  }
}
