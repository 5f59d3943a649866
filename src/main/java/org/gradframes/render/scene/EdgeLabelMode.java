package org.gradframes.render.scene;

/** What the edges say during the backward pass. */
public enum EdgeLabelMode {
  /** Nothing. */
  NONE,
  /** The local derivative of the consumer with respect to that input, as a formula and its number. */
  LOCAL,
  /** The contribution that travels back along the edge: upstream gradient times local derivative. */
  FLOW
}
