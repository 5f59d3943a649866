package org.gradframes.layout;

import java.util.List;

/**
 * Where every node and edge of a graph is drawn, in points, and the box of each group of nodes the request asked
 * for (by group index); computed once per program and shared by all its frames.
 */
public record Layout(double width, double height, List<NodeBox> nodes, List<EdgePath> edges, List<NodeBox> groups) {
  public Layout {
    nodes = List.copyOf(nodes);
    edges = List.copyOf(edges);
    groups = List.copyOf(groups);
  }

  /** A layout without group boxes. */
  public Layout(double width, double height, List<NodeBox> nodes, List<EdgePath> edges) {
    this(width, height, nodes, edges, List.of());
  }
}
