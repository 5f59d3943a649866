package org.gradframes.layout;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.gradframes.graph.Graph;

/**
 * What to lay out: a graph, the size of each node's box by index, the size of each edge's label by edge index
 * (null for an edge without one), the direction values flow in, and whether a long graph may wrap into rows (or
 * columns) to fit a 16:9 slide, for engines that can.
 */
public record LayoutRequest(Graph graph, List<Size> nodes, List<Size> labels, Direction direction, boolean wrap) {
  public LayoutRequest {
    Objects.requireNonNull(graph, "graph");
    nodes = List.copyOf(nodes);
    labels = Collections.unmodifiableList(new ArrayList<>(labels));
    Objects.requireNonNull(direction, "direction");
    if (nodes.size() != graph.size() || labels.size() != graph.edges().size()) {
      throw new IllegalArgumentException("a size for every node and a label size (or null) for every edge");
    }
  }

  /** A request without wrapping. */
  public LayoutRequest(Graph graph, List<Size> nodes, List<Size> labels, Direction direction) {
    this(graph, nodes, labels, direction, false);
  }

  /** Whether any edge has a label. */
  public boolean labelled() {
    return labels.stream().anyMatch(Objects::nonNull);
  }
}
