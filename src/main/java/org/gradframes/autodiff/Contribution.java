package org.gradframes.autodiff;

import java.util.Objects;
import org.gradframes.graph.Edge;

/**
 * What one backward step sends back along one edge: the consumer's gradient ({@code upstream}) times the local
 * derivative of the consumer with respect to that input ({@code local}). The input receives it as its contribution
 * number {@code path} of {@code paths}, and its gradient is {@code sum} once it has been added.
 */
public record Contribution(Edge edge, double upstream, double local, double amount, int path, int paths,
    double sum) {
  public Contribution {
    Objects.requireNonNull(edge, "edge");
    if (path < 1 || path > paths) {
      throw new IllegalArgumentException("contribution " + path + " of " + paths);
    }
  }

  /** The node that receives the contribution: the edge's source. */
  public int to() {
    return edge.from();
  }

  /** The node that takes the step and sends the contribution: the edge's target. */
  public int from() {
    return edge.to();
  }
}
