package org.gradframes.autodiff;

/** What is known of a node's gradient in one frame. */
public enum NodeState {
  /** No contribution has arrived yet. */
  PENDING,
  /** Some but not all contributions have arrived; the gradient shown is a partial sum. */
  PARTIAL,
  /** The gradient is complete and the node's own step is still to come. */
  READY,
  /** The node is taking its step in this frame. */
  ACTIVE,
  /** The gradient is complete and, for an operation, passed on. */
  DONE,
  /** A number constant, or an input that is data: it has a value and no gradient. */
  CONSTANT,
  /** The output does not depend on the node; its gradient is 0. */
  UNUSED;

  /** The lower-case name used in SVG classes and the JSON trace. */
  public String key() {
    return key;
  }

  private final String key = name().toLowerCase(java.util.Locale.ROOT);
}
