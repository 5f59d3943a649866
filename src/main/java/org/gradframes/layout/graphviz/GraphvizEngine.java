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
  private static final double NODESEP = 0.3;
  private static final double RANKSEP = 0.55;
  /** With edge labels, which stand between ranks as boxes of their own, the ranks can be closer. */
  private static final double LABELLED_NODESEP = 0.25;
  private static final double LABELLED_RANKSEP = 0.3;

  private static String spacing(boolean labelled, double extra) {
    return String.format(Locale.ROOT, "nodesep=%.2f, ranksep=%.3f", labelled ? LABELLED_NODESEP : NODESEP,
        (labelled ? LABELLED_RANKSEP : RANKSEP) + extra);
  }
  /**
   * Room kept around a label's box, in points: Graphviz routes other edges around the box it is given, so the
   * label's box grown by this keeps every other line clear of the label as drawn: 7 pt keeps them 5 pt clear
   * (GeometryContract's CLEAR) where 3 pt left 128 lines in 631 drawings nearer.
   */
  static final double LABEL_MARGIN = 7;

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
    Layout layout = run(request, 0);
    double extra = extraRankSeparation(layout, request);
    if (extra > 0) {
      layout = run(request, extra);
    }
    int[] meeting = meeting(layout, request);
    if (meeting[0] == 0 && meeting[1] == 0 && meeting[2] == 0) {
      return layout;
    }
    Layout wider = run(request, extra + WIDER);
    return java.util.Arrays.compare(meeting(wider, request), meeting) < 0 ? wider : layout;
  }

  /**
   * How many edges run along one line with an edge of another source, how many run too close to one to follow
   * apart ({@link Tracks#CLOSE}), and how many run along the border of a node not their own ({@link Tracks#HUG}).
   */
  private static int[] meeting(Layout layout, LayoutRequest request) {
    return new int[] {Tracks.together(layout, request.graph(), Tracks.NEAR),
        Tracks.together(layout, request.graph(), Tracks.CLOSE), Tracks.hugging(layout, request.graph())};
  }

  /**
   * How much wider the gaps between ranks are made, in inches, when edges of different sources still run along one
   * line, or too close to follow apart: in a narrow gap Graphviz lays a long leg along the gap's border, where its
   * neighbours' legs run too, and in a wider one {@link Legs} can redraw it as a curve of its own. The layout is kept
   * only if fewer edges meet, or as many and fewer run too close.
   */
  private static final double WIDER = 0.3;

  private Layout run(LayoutRequest request, double extra) {
    return PlainFormat.parse(GraphvizRunner.plain(dot(request, extra), program()), request.graph(),
        request.direction());
  }

  /**
   * How much further apart, in inches, the ranks of {@code layout} may stand at no cost to the size it is shown at:
   * a layout much wider than a slide's picture (much taller, across) has room along its ranks, and with labels, which
   * stand as ranks of their own, the gaps between ranks are narrow, so that a label's leg to a far port runs nearly
   * across and meets its neighbours'. Zero when the layout has no such leg or no room.
   */
  static double extraRankSeparation(Layout layout, LayoutRequest request) {
    if (!request.labelled()) {
      return 0;
    }
    boolean down = request.direction() == org.gradframes.layout.Direction.TB;
    double across = down ? layout.width() : layout.height();
    double along = down ? layout.height() : layout.width();
    java.util.SortedSet<Long> ranks = new java.util.TreeSet<>();
    for (org.gradframes.layout.NodeBox box : layout.nodes()) {
      ranks.add(Math.round(down ? box.centerY() : box.centerX()));
    }
    boolean flat = false;
    for (org.gradframes.layout.EdgePath path : layout.edges()) {
      List<org.gradframes.layout.Point> s = path.spline();
      for (int i = 3; i < s.size(); i += 3) {
        double run = Math.abs(down ? s.get(i).x() - s.get(i - 3).x() : s.get(i).y() - s.get(i - 3).y());
        double rise = Math.abs(down ? s.get(i).y() - s.get(i - 3).y() : s.get(i).x() - s.get(i - 3).x());
        flat |= run > FLAT * rise;
      }
    }
    // Labels double the number of gaps between the ranks of nodes.
    int gaps = 2 * Math.max(1, ranks.size() - 1);
    double room = down ? across / PICTURE_RATIO - along : across * PICTURE_RATIO - along;
    if (!flat || room <= 0) {
      return 0;
    }
    return Math.min(MAX_EXTRA, room / gaps / 72);
  }

  /** A leg that runs this many times further across than along the ranks is flat. */
  private static final double FLAT = 6;
  /** The width over the height of a slide's picture above a caption of a few lines (1920 by about 800). */
  private static final double PICTURE_RATIO = 2.4;
  /** The most the gap between ranks grows, in inches. */
  private static final double MAX_EXTRA = 0.6;

  /** The DOT text Graphviz lays out: fixed-size boxes named {@code n0}, {@code n1}, ... in source order. */
  static String dot(LayoutRequest request) {
    return dot(request, 0);
  }

  /** The DOT text, with the gap between ranks grown by {@code extra} inches. */
  static String dot(LayoutRequest request, double extra) {
    Graph graph = request.graph();
    List<Size> sizes = request.nodes();
    List<Size> labels = request.labels();
    boolean down = request.direction() == org.gradframes.layout.Direction.TB;
    StringBuilder dot = new StringBuilder();
    dot.append("digraph G {\n");
    dot.append("  graph [rankdir=").append(request.direction().name()).append(", ")
        .append(spacing(request.labelled(), extra)).append(", ordering=in];\n");
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
        // A leg runs into its label at the middle of the side facing its source, and out at the middle of the
        // other: one that reached a corner and ran on under the label looked like it ended there, and a
        // neighbour's line through the gap seemed to be the label's.
        dot.append("  n").append(e.from()).append(" -> l").append(e.index()).append(down ? ":n" : ":w")
            .append(" [arrowhead=none];\n");
        dot.append("  l").append(e.index()).append(down ? ":s" : ":e").append(" -> n").append(e.to()).append(head)
            .append(";\n");
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
