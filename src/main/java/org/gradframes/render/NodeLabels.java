package org.gradframes.render;

import java.util.ArrayList;
import java.util.List;
import org.gradframes.autodiff.FrameKind;
import org.gradframes.autodiff.NodeState;
import org.gradframes.autodiff.ParameterUpdate;
import org.gradframes.autodiff.Snapshot;
import org.gradframes.autodiff.Walkthrough;
import org.gradframes.graph.Graph;
import org.gradframes.graph.Node;
import org.gradframes.layout.Size;

/** The text lines of every node in every frame, laid out by the theme, and the one box size that fits them all. */
public final class NodeLabels {
  static final double LINE_HEIGHT = 1.2;

  private final Graph graph;
  private final Walkthrough walk;
  private final Theme theme;
  private final Notation notation;
  private final Size[] sizes;

  /** Prepares the labels of every frame of {@code walk}, numbers with {@code precision} significant digits. */
  public NodeLabels(Graph graph, Walkthrough walk, Theme theme, int precision) {
    this.graph = graph;
    this.walk = walk;
    this.theme = theme;
    this.notation = new Notation(graph, precision);
    this.sizes = new Size[graph.size()];
    for (int i = 0; i < graph.size(); i++) {
      sizes[i] = fit(i);
    }
  }

  /** The box size of node {@code index}, the same in every frame. */
  public Size size(int index) {
    return sizes[index];
  }

  /** One line of a node label, in rich-text markup. */
  record Line(String text, double size, boolean bold, boolean gradient) {}

  /** The lines of node {@code index} in {@code frame}: title, value, then gradient (constants: title only). */
  List<Line> lines(int index, Snapshot frame) {
    Node node = graph.node(index);
    List<Line> lines = new ArrayList<>();
    lines.add(new Line(title(node, frame), theme.number("node.title.size"), true, false));
    if (node instanceof Node.Constant) {
      return lines;
    }
    double lineSize = theme.number("node.line.size");
    lines.add(new Line(fill(valueTemplate(index, frame), node, frame), lineSize, false, false));
    boolean forward = frame.kind() == FrameKind.INPUTS || frame.kind() == FrameKind.EVALUATE;
    NodeState gradState = forward ? NodeState.PENDING : frame.nodeState(index);
    lines.add(new Line(fill(gradTemplate(gradState), node, frame), lineSize, false, true));
    return lines;
  }

  private String valueTemplate(int index, Snapshot frame) {
    if (!frame.valueKnown(index)) {
      return theme.text("label.value.pending");
    }
    return update(index, frame) != null ? theme.text("label.value.update") : theme.text("label.value");
  }

  private String gradTemplate(NodeState state) {
    return switch (state) {
      case PENDING -> theme.text("label.grad.pending");
      case PARTIAL -> theme.text("label.grad.partial");
      default -> theme.text("label.grad");
    };
  }

  private static ParameterUpdate update(int index, Snapshot frame) {
    if (frame.kind() != FrameKind.UPDATE) {
      return null;
    }
    for (ParameterUpdate u : frame.updates()) {
      if (u.node() == index) {
        return u;
      }
    }
    return null;
  }

  private String title(Node node, Snapshot frame) {
    String template;
    if (node instanceof Node.Input) {
      template = theme.text("label.input");
    } else if (node instanceof Node.Constant) {
      template = theme.text("label.constant");
    } else {
      template = node.name() != null ? theme.text("label.named-op") : theme.text("label.op");
    }
    return fill(template, node, frame);
  }

  private String fill(String template, Node node, Snapshot frame) {
    int i = node.index();
    String op = node instanceof Node.Operation o ? o.op().symbol() : "";
    ParameterUpdate update = update(i, frame);
    StringBuilder out = new StringBuilder();
    int at = 0;
    while (at < template.length()) {
      int open = template.indexOf('{', at);
      int close = open < 0 ? -1 : template.indexOf('}', open);
      if (close < 0) {
        out.append(template, at, template.length());
        break;
      }
      out.append(template, at, open);
      String key = template.substring(open + 1, close);
      switch (key) {
        case "name" -> out.append(node.name() == null ? op : Notation.name(node.name()));
        case "op" -> out.append(op);
        case "formula" -> out.append(node instanceof Node.Operation ? notation.formula(i) : op);
        case "before" -> out.append(update == null ? "" : number(update.before()));
        case "value" -> out.append(number(frame.value(i)));
        case "grad" -> out.append(number(frame.gradient(i)));
        case "received" -> out.append(frame.received(i));
        case "expected" -> out.append(walk.epochs().get(Math.min(frame.epoch(), walk.epochs().size()) - 1).pass()
            .expectedContributions(i));
        default -> out.append(template, open, close + 1);
      }
      at = close + 1;
    }
    return out.toString();
  }

  String number(double value) {
    return notation.number(value);
  }

  private Size fit(int index) {
    double width = 0;
    double height = 0;
    for (Snapshot frame : walk.frames()) {
      List<Line> lines = lines(index, frame);
      height = Math.max(height, textHeight(lines));
      for (Line line : lines) {
        width = Math.max(width, RichText.width(line.text(), line.size(), line.bold()));
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
}
