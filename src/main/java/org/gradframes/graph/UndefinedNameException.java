package org.gradframes.graph;

import org.gradframes.expr.Position;
import org.gradframes.expr.SourceException;

/** A name used before any statement defines it. */
public final class UndefinedNameException extends SourceException {
  private static final long serialVersionUID = 1L;

  public UndefinedNameException(Position position, String message) {
    super(position, message);
  }
}
