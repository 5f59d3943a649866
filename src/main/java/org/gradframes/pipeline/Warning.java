package org.gradframes.pipeline;

import java.util.Objects;
import org.gradframes.expr.Position;

/** Something a render noticed but rendered anyway, at a place in the program. */
public record Warning(Position position, String message) {
  public Warning {
    Objects.requireNonNull(position, "position");
    Objects.requireNonNull(message, "message");
  }
}
