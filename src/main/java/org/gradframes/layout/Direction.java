package org.gradframes.layout;

/** The direction in which values flow across the picture. */
public enum Direction {
  /** Inputs on the left, the output on the right. */
  LR,
  /** Inputs at the top, the output at the bottom. */
  TB
}
