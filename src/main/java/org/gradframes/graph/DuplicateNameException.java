package org.gradframes.graph;

import org.gradframes.expr.Position;
import org.gradframes.expr.SourceException;

/** A name defined by two statements. */
public final class DuplicateNameException extends SourceException {
  private static final long serialVersionUID = 1L;

  public DuplicateNameException(Position position, String message) {
    super(position, message);
  }
}
