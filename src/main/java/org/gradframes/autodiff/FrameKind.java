package org.gradframes.autodiff;

/** The kinds of frame in a program's sequence. */
public enum FrameKind {
  /** The finished forward pass: all values, no gradients. */
  FORWARD,
  /** The output's gradient seeded with 1. */
  SEED,
  /** One backward step. */
  BACKWARD;

  /** The lower-case name used in the JSON trace. */
  public String key() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
