package org.gradframes.pipeline;

import java.util.Objects;

/** An option that is out of its range, that conflicts with another, or that does not apply to the program. */
public final class InvalidOptionException extends GradframesException {
  private static final long serialVersionUID = 1L;
  private final Option option;

  InvalidOptionException(Option option, Message message, Throwable cause) {
    super(message, cause);
    this.option = Objects.requireNonNull(option, "option");
  }

  /** The option at fault. */
  public Option option() {
    return option;
  }
}
