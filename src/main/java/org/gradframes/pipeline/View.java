package org.gradframes.pipeline;

import java.util.Locale;

/** How much of a program's graph the frames draw: every operation, or a node per statement, or the finest that reads. */
public enum View {
  /** Every operation a node: the finest drawing. */
  OPS,
  /** One node per statement, edges from the variables it uses, each labelled with its slope. */
  STATEMENTS,
  /**
   * For programs shaped like neural networks: a node per neuron and per other statement, the weights on the
   * edges and the biases in the boxes (see {@link org.gradframes.graph.Neurons} for which statements are neurons).
   */
  NETWORK,
  /** The finest view whose frames meet the text-size contract on a 1920×1080 slide. */
  AUTO;

  /** The lower-case name {@code --view} takes and {@code trace.json} records. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
