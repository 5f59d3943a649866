package org.gradframes.layout.graphviz;

import java.util.List;
import java.util.Locale;
import org.gradframes.graph.Edge;
import org.gradframes.graph.Graph;
import org.gradframes.layout.Layout;
import org.gradframes.layout.LayoutEngine;
import org.gradframes.layout.LayoutRequest;
import org.gradframes.layout.Size;

/**
 * Layout with an installed Graphviz program: the graph written as DOT text of fixed-size boxes (an edge label as a
 * box of its own between its ends), laid out by a process of its own, and read back from its plain output.
 */
abstract class GraphvizEngine implements LayoutEngine {
  /** The gap between nodes of one rank, and between ranks, in inches. */
  private static final String SPACING = "nodesep=0.3, ranksep=0.55";
  /** With edge labels, which stand between ranks as boxes of their own, the ranks can be closer. */
  private static final String LABELLED_SPACING = "nodesep=0.25, ranksep=0.3";
  /**
   * Room kept around a label's box, in points: Graphviz routes other edges around the box it is given, so the
   * label's box grown by this keeps every other line clear of the label as drawn.
   */
  static final double LABEL_MARGIN = 3;

  /** Each layout is a process of its own, with files of its own: layouts on several threads share nothing. */
  @Override
  public boolean concurrent() {
    return true;
  }

  @Override
  public Layout layout(LayoutRequest request) {
    if (!available()) {
      throw new org.gradframes.layout.LayoutException(unavailableReason());
    }
    String plain = GraphvizRunner.plain(dot(request), program());
    return PlainFormat.parse(plain, request.graph());
  }

  /** The DOT text Graphviz lays out: fixed-size boxes named {@code n0}, {@code n1}, ... in source order. */
  static String dot(LayoutRequest request) {
    Graph graph = request.graph();
    List<Size> sizes = request.nodes();
    List<Size> labels = request.labels();
    boolean down = request.direction() == org.gradframes.layout.Direction.TB;
    StringBuilder dot = new StringBuilder();
    dot.append("digraph G {\n");
    dot.append("  graph [rankdir=").append(request.direction().name()).append(", ")
        .append(request.labelled() ? LABELLED_SPACING : SPACING).append(", ordering=in];\n");
    dot.append("  node [shape=box, fixedsize=true, label=\"\", margin=0];\n");
    dot.append("  edge [arrowsize=1];\n");
    for (int i = 0; i < graph.size(); i++) {
      Size s = sizes.get(i);
      dot.append(String.format(Locale.ROOT, "  n%d [width=%.4f, height=%.4f%s];%n", i, s.width() / 72,
          s.height() / 72, ports(graph.inputs(i).size())));
    }
    for (Edge e : graph.edges()) {
      Size label = labels.get(e.index());
      String head = graph.inputs(e.to()).size() < 2 ? "" : ":a" + e.argument() + (down ? ":n" : ":w");
      if (label == null) {
        dot.append("  n").append(e.from()).append(" -> n").append(e.to()).append(head).append(";\n");
      } else {
        dot.append(String.format(Locale.ROOT, "  l%d [width=%.4f, height=%.4f];%n", e.index(),
            (label.width() + 2 * LABEL_MARGIN) / 72, (label.height() + 2 * LABEL_MARGIN) / 72));
        dot.append("  n").append(e.from()).append(" -> l").append(e.index()).append(" [arrowhead=none];\n");
        dot.append("  l").append(e.index()).append(" -> n").append(e.to()).append(head).append(";\n");
      }
    }
    dot.append("}\n");
    return dot.toString();
  }

  /**
   * A node of several arguments is a record of one empty field per argument, in order (across the box top to bottom
   * left to right, down it left to right), so that each argument's edge ends at a place of its own on the box: edges
   * into one box never meet before it.
   */
  private static String ports(int arguments) {
    if (arguments < 2) {
      return "";
    }
    StringBuilder label = new StringBuilder();
    for (int a = 0; a < arguments; a++) {
      label.append(a == 0 ? "" : "|").append("<a").append(a).append('>');
    }
    return ", shape=record, label=\"" + label + "\"";
  }

  /** The Graphviz program that lays out: {@code dot}. */
  abstract String program();
}
