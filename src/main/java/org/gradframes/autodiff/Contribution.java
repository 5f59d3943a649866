package org.gradframes.autodiff;

import java.util.Objects;
import org.gradframes.graph.Edge;

/**
 * What one backward step sends back along one edge: the consumer's gradient ({@code upstream}) times the local
 * derivative of the consumer with respect to that input ({@code local}).
 */
public record Contribution(Edge edge, double upstream, double local, double amount) {
  public Contribution {
    Objects.requireNonNull(edge, "edge");
  }
}
