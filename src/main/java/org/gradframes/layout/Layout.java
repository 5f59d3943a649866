package org.gradframes.layout;

import java.util.List;

/** Where every node and edge of a graph is drawn, in points; computed once per program and shared by all its frames. */
public record Layout(double width, double height, List<NodeBox> nodes, List<EdgePath> edges) {
  public Layout {
    nodes = List.copyOf(nodes);
    edges = List.copyOf(edges);
  }
}
