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
  /** With edge labels, which stand between ranks as boxes of their own, the ranks can be closer. */
  private static final String LABELLED_SPACING = "nodesep=0.25, ranksep=0.3";

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
    return compute(graph, sizeOf, e -> null, direction, engine);
  }

  /**
   * Lays {@code graph} out with room on each edge for a label of the size {@code labelSizeOf} gives by edge index
   * (null: no label).
   *
   * @throws LayoutException when the engine is missing or fails
   */
  public static Layout compute(Graph graph, IntFunction<Size> sizeOf, IntFunction<Size> labelSizeOf,
      Direction direction, Engine engine) {
    List<Size> sizes = new ArrayList<>();
    for (int i = 0; i < graph.size(); i++) {
      sizes.add(sizeOf.apply(i));
    }
    List<Size> labels = new ArrayList<>();
    for (Edge e : graph.edges()) {
      labels.add(labelSizeOf.apply(e.index()));
    }
    String plain = GraphvizRunner.plain(dot(graph, sizes, labels, direction), engine);
    return PlainFormat.parse(plain, graph);
  }

  /** The DOT text Graphviz lays out: fixed-size boxes named {@code n0}, {@code n1}, ... in source order. */
  static String dot(Graph graph, List<Size> sizes, List<Size> labels, Direction direction) {
    boolean labelled = labels.stream().anyMatch(s -> s != null);
    StringBuilder dot = new StringBuilder();
    dot.append("digraph G {\n");
    dot.append("  graph [rankdir=").append(direction.name()).append(", ").append(labelled ? LABELLED_SPACING : SPACING)
        .append(", ordering=in];\n");
    dot.append("  node [shape=box, fixedsize=true, label=\"\", margin=0];\n");
    dot.append("  edge [arrowsize=1];\n");
    for (int i = 0; i < graph.size(); i++) {
      Size s = sizes.get(i);
      dot.append(String.format(Locale.ROOT, "  n%d [width=%.4f, height=%.4f];%n", i, s.width() / 72, s.height() / 72));
    }
    for (Edge e : graph.edges()) {
      Size label = labels.get(e.index());
      if (label == null) {
        dot.append("  n").append(e.from()).append(" -> n").append(e.to()).append(";\n");
      } else {
        dot.append(String.format(Locale.ROOT, "  l%d [width=%.4f, height=%.4f];%n", e.index(), label.width() / 72,
            label.height() / 72));
        dot.append("  n").append(e.from()).append(" -> l").append(e.index()).append(" [arrowhead=none];\n");
        dot.append("  l").append(e.index()).append(" -> n").append(e.to()).append(";\n");
      }
    }
    dot.append("}\n");
    return dot.toString();
  }
}
