package org.gradframes.graph;

import org.gradframes.expr.Position;
import org.gradframes.expr.SourceException;

/** A program whose graph has more nodes than the limit, at the first node past it. */
public final class GraphTooLargeException extends SourceException {
  private static final long serialVersionUID = 1L;
  private final int limit;

  /** The graph passes {@code limit} nodes at {@code position}, in the statement of {@code statement}. */
  public GraphTooLargeException(Position position, int limit, String statement) {
    super(position, "the graph has more than " + limit + " nodes, the most gradframes lays out; it passes that here,"
        + " in '" + statement + "'.");
    this.limit = limit;
  }

  /** The most nodes the graph may have. */
  public int limit() {
    return limit;
  }
}
