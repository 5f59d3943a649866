package org.gradframes.render.scene;

import java.util.Locale;

/**
 * How the nodes and edges of the ops view are drawn. Every style shows the same frames and captions, in every
 * format; only the pictures of the nodes and edges differ.
 */
public enum DrawingStyle {
  /** A box per node with its name, value and gradient, and the chain rule on the edges. */
  BOXES,
  /**
   * The look of the CS231n notes: small gates with the operation, the value above each wire and the gradient that
   * flows back along it below, in two colours.
   */
  CIRCUIT,
  /**
   * The look of micrograd's {@code draw_dot}: a record per value ({@code name | data | grad}), fed by a separate
   * operation node.
   */
  MICROGRAD;

  /** The name {@code --style} takes: {@code circuit}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
