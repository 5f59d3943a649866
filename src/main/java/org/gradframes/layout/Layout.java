package org.gradframes.layout;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;
import org.gradframes.graph.Edge;
import org.gradframes.graph.Graph;

/** Where every node and edge of a graph is drawn; computed once per program and shared by all its frames. */
public record Layout(double width, double height, List<NodeBox> nodes, List<EdgePath> edges) {
  /** The gap between nodes of one rank, and between ranks, in inches. */
  private static final String SPACING = "nodesep=0.3, ranksep=0.55";

  public Layout {
    nodes = List.copyOf(nodes);
    edges = List.copyOf(edges);
  }

  /**
   * Lays {@code graph} out with Graphviz; {@code sizeOf} gives each node's size by index.
   *
   * @throws LayoutException when the engine is missing or fails
   */
  public static Layout compute(Graph graph, IntFunction<Size> sizeOf, Direction direction, Engine engine) {
    List<Size> sizes = new ArrayList<>();
    for (int i = 0; i < graph.size(); i++) {
      sizes.add(sizeOf.apply(i));
    }
    String plain = GraphvizRunner.plain(dot(graph, sizes, direction), engine);
    return PlainFormat.parse(plain, graph);
  }

  /** The DOT text Graphviz lays out: fixed-size boxes named {@code n0}, {@code n1}, ... in source order. */
  static String dot(Graph graph, List<Size> sizes, Direction direction) {
    StringBuilder dot = new StringBuilder();
    dot.append("digraph G {\n");
    dot.append("  graph [rankdir=").append(direction.name()).append(", ").append(SPACING).append(", ordering=in];\n");
    dot.append("  node [shape=box, fixedsize=true, label=\"\", margin=0];\n");
    dot.append("  edge [arrowsize=1];\n");
    for (int i = 0; i < graph.size(); i++) {
      Size s = sizes.get(i);
      dot.append(String.format(Locale.ROOT, "  n%d [width=%.4f, height=%.4f];%n", i, s.width() / 72, s.height() / 72));
    }
    for (Edge e : graph.edges()) {
      dot.append("  n").append(e.from()).append(" -> n").append(e.to()).append(";\n");
    }
    dot.append("}\n");
    return dot.toString();
  }
}
