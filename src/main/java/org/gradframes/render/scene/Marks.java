package org.gradframes.render.scene;

import java.util.List;

/**
 * What a drawing marks beyond the graph and its captions: the variables whose paths to the output are drawn
 * emphasised (everything else dimmed), whether each frame says "Step k of N", and whether it has a key of what the
 * colours mean.
 */
public record Marks(List<String> highlight, boolean stepLabel, boolean legend) {
  /** No highlight, no step label, no legend. */
  public static final Marks NONE = new Marks(List.of(), false, false);

  public Marks {
    highlight = List.copyOf(highlight);
  }
}
