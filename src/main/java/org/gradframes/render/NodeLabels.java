package org.gradframes.render;

import java.util.ArrayList;
import java.util.List;
import org.gradframes.autodiff.BackwardPass;
import org.gradframes.autodiff.NodeState;
import org.gradframes.autodiff.Snapshot;
import org.gradframes.graph.Graph;
import org.gradframes.graph.Node;
import org.gradframes.layout.Size;

/** The text lines of every node in every frame, laid out by the theme, and the one box size that fits them all. */
public final class NodeLabels {
  private final Graph graph;
  private final BackwardPass pass;
  private final Theme theme;
  private final int precision;
  private final double[] values;
  private final Size[] sizes;

  /** Prepares the labels of {@code snapshots}, numbers with {@code precision} significant digits. */
  public NodeLabels(Graph graph, BackwardPass pass, List<Snapshot> snapshots, Theme theme, int precision) {
    this.graph = graph;
    this.pass = pass;
    this.theme = theme;
    this.precision = precision;
    this.values = pass.values();
    this.sizes = new Size[graph.size()];
    for (int i = 0; i < graph.size(); i++) {
      sizes[i] = fit(i, snapshots);
    }
  }

  /** The box size of node {@code index}, the same in every frame. */
  public Size size(int index) {
    return sizes[index];
  }

  /** One line of a node label. */
  record Line(String text, double size, boolean bold, String colorKey) {}

  /** The lines of node {@code index} in {@code snapshot}: title, value, then gradient (constants: title only). */
  List<Line> lines(int index, Snapshot snapshot) {
    Node node = graph.node(index);
    List<Line> lines = new ArrayList<>();
    lines.add(new Line(title(node), theme.number("node.title.size"), true, "node.text"));
    if (node instanceof Node.Constant) {
      return lines;
    }
    double lineSize = theme.number("node.line.size");
    lines.add(new Line(fill(theme.text("label.value"), node, snapshot), lineSize, false, "node.text"));
    String state = snapshot.nodeState(index).key();
    lines.add(new Line(fill(gradTemplate(snapshot.nodeState(index)), node, snapshot), lineSize, false,
        "state." + state + ".grad"));
    return lines;
  }

  private String gradTemplate(NodeState state) {
    return switch (state) {
      case PENDING -> theme.text("label.grad.pending");
      case PARTIAL -> theme.text("label.grad.partial");
      default -> theme.text("label.grad");
    };
  }

  private String title(Node node) {
    String template;
    if (node instanceof Node.Input) {
      template = theme.text("label.input");
    } else if (node instanceof Node.Constant) {
      template = theme.text("label.constant");
    } else {
      template = node.name() != null ? theme.text("label.named-op") : theme.text("label.op");
    }
    return fill(template, node, null);
  }

  private String fill(String template, Node node, Snapshot snapshot) {
    String op = node instanceof Node.Operation o ? o.op().symbol() : "";
    String text = template
        .replace("{name}", node.name() == null ? op : node.name())
        .replace("{op}", op)
        .replace("{value}", number(values[node.index()]));
    if (snapshot != null) {
      text = text
          .replace("{grad}", number(snapshot.gradient(node.index())))
          .replace("{received}", Integer.toString(snapshot.received(node.index())))
          .replace("{expected}", Integer.toString(pass.expectedContributions(node.index())));
    }
    return text;
  }

  String number(double value) {
    return NumberText.format(value, precision);
  }

  private Size fit(int index, List<Snapshot> snapshots) {
    double width = 0;
    double height = 0;
    for (Snapshot snapshot : snapshots) {
      List<Line> lines = lines(index, snapshot);
      height = Math.max(height, textHeight(lines));
      for (Line line : lines) {
        width = Math.max(width, Fonts.width(line.text(), line.size(), line.bold()));
      }
    }
    return new Size(Math.ceil(width + 2 * theme.number("node.padding.x")),
        Math.ceil(height + 2 * theme.number("node.padding.y")));
  }

  /** The height the lines take: each line 1.2 of its size, with the theme's gap between lines. */
  double textHeight(List<Line> lines) {
    double height = theme.number("node.line.gap") * (lines.size() - 1);
    for (Line line : lines) {
      height += line.size() * LINE_HEIGHT;
    }
    return height;
  }

  static final double LINE_HEIGHT = 1.2;
}
