package org.gradframes.autodiff;

/** The kinds of frame in a program's sequence. */
public enum FrameKind {
  /** Only the inputs and constants are known (the first frame when forward steps are shown). */
  INPUTS,
  /** One node is evaluated from its inputs. */
  EVALUATE,
  /** The finished forward pass: all values, no gradients. */
  FORWARD,
  /** The output's gradient seeded with 1. */
  SEED,
  /** One backward step (or, stepping by level, the steps of one level). */
  BACKWARD,
  /** Gradient descent updates the parameters. */
  UPDATE;

  /** The lower-case name used in the JSON trace. */
  public String key() {
    return key;
  }

  private final String key = name().toLowerCase(java.util.Locale.ROOT);
}
