package org.gradframes.layout;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.gradframes.graph.Graph;

/**
 * What to lay out: a graph, the size of each node's box by index, the size of each edge's label by edge index
 * (null for an edge without one), the direction values flow in, whether a long graph may wrap into rows (or
 * columns) to fit a 16:9 slide, and groups of nodes each to be drawn inside a box of its own (compound nodes), for
 * engines that can; with {@code inlineLabels}, a label is placed on its edge, the edge running through its middle
 * (engines that cannot place it beside the edge).
 */
public record LayoutRequest(Graph graph, List<Size> nodes, List<Size> labels, Direction direction, boolean wrap,
    List<List<Integer>> groups, boolean inlineLabels) {
  public LayoutRequest {
    Objects.requireNonNull(graph, "graph");
    nodes = List.copyOf(nodes);
    labels = Collections.unmodifiableList(new ArrayList<>(labels));
    Objects.requireNonNull(direction, "direction");
    if (nodes.size() != graph.size() || labels.size() != graph.edges().size()) {
      throw new IllegalArgumentException("a size for every node and a label size (or null) for every edge");
    }
    groups = groups.stream().map(List::copyOf).toList();
    boolean[] grouped = new boolean[graph.size()];
    for (List<Integer> group : groups) {
      for (int n : group) {
        if (grouped[n]) {
          throw new IllegalArgumentException("node " + n + " is in two groups");
        }
        grouped[n] = true;
      }
    }
  }

  /** A request with labels beside their edges. */
  public LayoutRequest(Graph graph, List<Size> nodes, List<Size> labels, Direction direction, boolean wrap,
      List<List<Integer>> groups) {
    this(graph, nodes, labels, direction, wrap, groups, false);
  }

  /** A request without groups. */
  public LayoutRequest(Graph graph, List<Size> nodes, List<Size> labels, Direction direction, boolean wrap) {
    this(graph, nodes, labels, direction, wrap, List.of());
  }

  /** A request without wrapping. */
  public LayoutRequest(Graph graph, List<Size> nodes, List<Size> labels, Direction direction) {
    this(graph, nodes, labels, direction, false, List.of());
  }

  /** Whether any edge has a label. */
  public boolean labelled() {
    return labels.stream().anyMatch(Objects::nonNull);
  }
}
