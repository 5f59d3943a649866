package org.gradframes.render.format;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gradframes.graph.Edge;
import org.gradframes.graph.Graph;
import org.gradframes.graph.Node;
import org.gradframes.layout.EdgePath;
import org.gradframes.layout.Layout;
import org.gradframes.layout.NodeBox;
import org.gradframes.layout.Point;
import org.gradframes.render.scene.Drawing;
import org.gradframes.render.scene.NodeLabels;
import org.gradframes.render.text.RichText;

/**
 * Writes the graph as Graphviz DOT with every position pinned, labelled with the last frame's values and
 * gradients, to keep editing in Graphviz: {@code neato -n2 -Tsvg program.dot} draws it where gradframes did.
 */
public final class DotFormat implements Format {
  @Override
  public String name() {
    return "dot";
  }

  @Override
  public String summary() {
    return "the graph as Graphviz DOT with every position pinned, NAME.dot";
  }

  @Override
  public Phase phase() {
    return Phase.DECK;
  }

  @Override
  public void write(Deck deck, FileSink sink) throws IOException {
    String program = deck.info().program();
    Drawing drawing = deck.drawing();
    Texts.write(sink, program + ".dot", write(program, drawing.graph(), drawing.layout(), drawing,
        drawing.lastBackwardFrame()));
  }

  private static String write(String program, Graph graph, Layout layout, Drawing drawing, int last) {
    StringBuilder dot = new StringBuilder();
    dot.append("// gradframes: ").append(program.replace("\n", " ")).append(" (positions in points; draw with neato -n2)\n");
    dot.append("digraph ").append(quote(program)).append(" {\n");
    dot.append(String.format(Locale.ROOT, "  graph [bb=\"0,0,%.2f,%.2f\"];\n", layout.width(), layout.height()));
    dot.append("  node [shape=box, style=\"rounded\", fontname=\"Liberation Sans\", fixedsize=true];\n");
    for (Node node : graph.nodes()) {
      NodeBox box = layout.nodes().get(node.index());
      List<String> lines = new ArrayList<>();
      for (NodeLabels.Line line : drawing.nodeLines(node.index(), last)) {
        lines.add(RichText.plain(line.text()));
      }
      dot.append("  ").append(quote(node.id())).append(String.format(Locale.ROOT,
          " [pos=\"%.2f,%.2f!\", width=%.4f, height=%.4f, label=%s%s];\n", box.centerX(),
          layout.height() - box.centerY(), box.width() / 72, box.height() / 72, quote(String.join("\n", lines)),
          drawing.dimmed(node.index()) ? dim(drawing, ".node." + drawing.frames().get(last).nodeState(node.index())
              .key() + ".dim .box", ".node.dim .text") : ""));
    }
    for (Edge e : graph.edges()) {
      EdgePath path = layout.edges().get(e.index());
      List<String> points = new ArrayList<>();
      for (Point p : path.spline()) {
        points.add(String.format(Locale.ROOT, "%.2f,%.2f", p.x(), layout.height() - p.y()));
      }
      String end = String.format(Locale.ROOT, "e,%.2f,%.2f ", path.tip().x(), layout.height() - path.tip().y());
      dot.append("  ").append(quote(graph.node(e.from()).id())).append(" -> ").append(quote(graph.node(e.to()).id()))
          .append(" [pos=\"").append(end).append(String.join(" ", points)).append('"')
          .append(drawing.dimmedEdge(e.index()) ? dim(drawing, ".edge." + drawing.frames().get(last)
              .edgeState(e.index()).key() + ".dim .line", null) : "").append("];\n");
    }
    dot.append("}\n");
    return dot.toString();
  }

  /** The colours of a node or edge off the highlighted paths ({@code --highlight}): its dimmed paints. */
  private static String dim(Drawing drawing, String shape, String text) {
    var rules = drawing.styles().rules();
    String colours = ", color=" + quote(rules.get(shape).stroke());
    return text == null ? colours : colours + ", fontcolor=" + quote(rules.get(text).fill());
  }

  /** A DOT string literal. */
  static String quote(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
  }
}
