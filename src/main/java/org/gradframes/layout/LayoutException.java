package org.gradframes.layout;

/** Graphviz could not lay the graph out (the engine is missing or failed). */
public final class LayoutException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public LayoutException(String message, Throwable cause) {
    super(message, cause);
  }

  public LayoutException(String message) {
    super(message);
  }
}
