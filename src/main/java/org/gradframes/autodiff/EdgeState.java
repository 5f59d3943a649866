package org.gradframes.autodiff;

/** Where an edge is in the backward pass in one frame. */
public enum EdgeState {
  /** No gradient has travelled along the edge yet (or it never will: an edge from a constant). */
  IDLE,
  /** The active node sends a contribution along the edge in this frame. */
  ACTIVE,
  /** A contribution travelled along the edge in an earlier frame. */
  DONE;

  /** The lower-case name used in SVG classes and the JSON trace. */
  public String key() {
    return key;
  }

  private final String key = name().toLowerCase(java.util.Locale.ROOT);
}
