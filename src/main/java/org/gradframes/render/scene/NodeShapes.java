package org.gradframes.render.scene;

import java.util.ArrayList;
import java.util.List;
import org.gradframes.autodiff.NodeState;
import org.gradframes.autodiff.Snapshot;
import org.gradframes.graph.Node;
import org.gradframes.layout.Layout;
import org.gradframes.layout.NodeBox;
import org.gradframes.layout.Point;
import org.gradframes.render.theme.Theme;
import org.gradframes.render.theme.ThemeKey;

/** The shapes of a node in one frame: a box of lines, a circuit's round gate, or micrograd's record. */
final class NodeShapes {
  private final Layout layout;
  private final NodeLabels labels;
  private final Styles styles;
  private final Theme theme;
  private final double offsetX;
  private final double offsetY;

  NodeShapes(Layout layout, NodeLabels labels, Styles styles, Theme theme, double offsetX, double offsetY) {
    this.layout = layout;
    this.labels = labels;
    this.styles = styles;
    this.theme = theme;
    this.offsetX = offsetX;
    this.offsetY = offsetY;
  }

  /** The shapes of {@code node} as {@code snapshot} shows it, in the drawing style of the labels. */
  List<Scene.Shape> of(Node node, Snapshot snapshot) {
    return labels.style() == DrawingStyle.MICROGRAD ? record(node, snapshot) : box(node, snapshot);
  }

  /** A box with the node's lines; in the circuit style an operation's box is a circle, or a capsule. */
  private List<Scene.Shape> box(Node node, Snapshot snapshot) {
    int i = node.index();
    NodeState nodeState = snapshot.nodeState(i);
    NodeBox box = layout.nodes().get(i);
    // Every gate is round (a circle, or a pill where it says more), so no gate looks like an input's box.
    boolean gate = labels.style() == DrawingStyle.CIRCUIT && node instanceof Node.Operation;
    double radius = gate ? Math.min(box.width(), box.height()) / 2 : theme.number(ThemeKey.NODE_RADIUS);
    List<Scene.Shape> shapes = new ArrayList<>();
    shapes.add(new Scene.Box(box.left() + offsetX, box.top() + offsetY, box.width(), box.height(), radius,
        styles.nodeBox(nodeState)));
    List<NodeLabels.Line> lines = labels.lines(i, snapshot);
    double y = box.centerY() + offsetY - labels.textHeight(lines) / 2;
    double gap = theme.number(ThemeKey.NODE_LINE_GAP);
    for (NodeLabels.Line line : lines) {
      double baseline = y + line.size() * 0.93;
      shapes.add(new Scene.Text(box.centerX() + offsetX, baseline, line.text(), line.size(), line.bold(),
          textStyle(line, nodeState), Scene.Anchor.MIDDLE));
      y += line.size() * NodeLabels.LINE_HEIGHT + gap;
    }
    return shapes;
  }

  /** The paint of a label line: in the circuit style values and gradients take the wires' colours. */
  private Scene.Style textStyle(NodeLabels.Line line, NodeState state) {
    boolean circuit = labels.style() == DrawingStyle.CIRCUIT;
    return switch (line.role()) {
      case GRADIENT -> circuit ? styles.wireGradient() : styles.gradText(state);
      case VALUE -> circuit ? styles.wireValue() : styles.nodeText();
      default -> styles.nodeText();
    };
  }

  /**
   * A micrograd node: the record {@code name | data | grad}, and for an operation its own circle to the left with an
   * arrow into the record, as {@code draw_dot} draws them.
   */
  private List<Scene.Shape> record(Node node, Snapshot snapshot) {
    int i = node.index();
    NodeState state = snapshot.nodeState(i);
    NodeBox box = layout.nodes().get(i);
    double left = box.left() + offsetX;
    double top = box.top() + offsetY;
    double height = box.height();
    double middle = top + height / 2;
    List<Scene.Shape> shapes = new ArrayList<>();
    List<NodeLabels.Line> lines = labels.lines(i, snapshot);
    for (NodeLabels.Line line : lines) {
      if (line.role() == NodeLabels.Role.OPERATION) {
        double width = labels.operationWidth(i);
        shapes.add(new Scene.Box(left, top, width, height, height / 2, styles.nodeBox(state)));
        shapes.add(new Scene.Text(left + width / 2, middle + line.size() * 0.35, line.text(), line.size(), true,
            styles.nodeText(), Scene.Anchor.MIDDLE));
        double from = left + width;
        left = from + labels.operationGap();
        Point end = new Point(left - 1, middle);
        shapes.add(new Scene.Curve(List.of(new Point(from, middle), new Point(from + 1, middle),
            new Point(end.x() - 7, middle), new Point(end.x() - 6, middle)), styles.divider(state)));
        shapes.add(new Scene.Polygon(List.of(end, new Point(end.x() - 8, middle - 4.5),
            new Point(end.x() - 8, middle + 4.5)), styles.tip(state)));
      }
    }
    double[] widths = labels.cellWidths(i);
    double recordWidth = 0;
    for (double w : widths) {
      recordWidth += w;
    }
    shapes.add(new Scene.Box(left, top, recordWidth, height, 2, styles.nodeBox(state)));
    List<NodeLabels.Line> cells = NodeLabels.cells(lines);
    double x = left;
    for (int c = 0; c < cells.size(); c++) {
      NodeLabels.Line cell = cells.get(c);
      shapes.add(new Scene.Text(x + widths[c] / 2, middle + cell.size() * 0.35, cell.text(), cell.size(),
          cell.bold(), textStyle(cell, state), Scene.Anchor.MIDDLE));
      x += widths[c];
      if (c + 1 < cells.size()) {
        shapes.add(new Scene.Curve(List.of(new Point(x, top), new Point(x, top + height / 3),
            new Point(x, top + 2 * height / 3), new Point(x, top + height)), styles.divider(state)));
      }
    }
    return shapes;
  }
}
