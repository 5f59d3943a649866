package org.gradframes.render;

import java.util.ArrayList;
import java.util.List;
import org.gradframes.autodiff.BackwardPass;
import org.gradframes.autodiff.Snapshot;
import org.gradframes.graph.Edge;
import org.gradframes.graph.Graph;
import org.gradframes.graph.Node;
import org.gradframes.layout.EdgePath;
import org.gradframes.layout.Layout;
import org.gradframes.layout.NodeBox;
import org.gradframes.layout.Point;

/** Paints the frames of one program: the same layout and canvas for every frame, the state of each snapshot. */
public final class Painter {
  private static final double ARROW_HALF_WIDTH = 0.45;

  private final Graph graph;
  private final Layout layout;
  private final NodeLabels labels;
  private final Theme theme;
  private final List<String> captions;
  private final double[] values;
  private final double width;
  private final double height;
  private final double offsetX;
  private final double offsetY;

  /** Prepares the canvas that fits the layout and the widest caption. */
  public Painter(Graph graph, BackwardPass pass, Layout layout, NodeLabels labels, Theme theme,
      List<String> captions) {
    this.graph = graph;
    this.layout = layout;
    this.labels = labels;
    this.theme = theme;
    this.captions = List.copyOf(captions);
    this.values = pass.values();
    double margin = theme.number("margin");
    double captionWidth = 0;
    for (String caption : captions) {
      captionWidth = Math.max(captionWidth, Fonts.width(caption, theme.number("caption.size"), false));
    }
    double content = Math.ceil(Math.max(layout.width(), captionWidth));
    this.width = content + 2 * margin;
    this.height = Math.ceil(layout.height() + theme.number("caption.gap")
        + theme.number("caption.size") * NodeLabels.LINE_HEIGHT) + 2 * margin;
    this.offsetX = margin + (content - layout.width()) / 2;
    this.offsetY = margin;
  }

  /** The canvas width in points, the same for every frame. */
  public double width() {
    return width;
  }

  /** The canvas height in points, the same for every frame. */
  public double height() {
    return height;
  }

  /** The caption of frame {@code frame}. */
  public String caption(int frame) {
    return captions.get(frame);
  }

  /** Frame {@code frame}, showing {@code snapshot}, as an SVG document. */
  public String svg(int frame, Snapshot snapshot) {
    return SvgWriter.write(scene(frame, snapshot));
  }

  /** Frame {@code frame}, showing {@code snapshot}, as a PNG image at {@code scale} pixels per point. */
  public byte[] png(int frame, Snapshot snapshot, double scale) {
    return PngWriter.write(scene(frame, snapshot), scale);
  }

  Scene scene(int frame, Snapshot snapshot) {
    List<Scene.Group> groups = new ArrayList<>();
    for (Edge e : graph.edges()) {
      groups.add(edge(e, snapshot));
    }
    for (Node node : graph.nodes()) {
      groups.add(node(node, snapshot));
    }
    groups.add(captionGroup(captions.get(frame)));
    return new Scene(width, height, theme.text("background"), theme.text("font.family"), captions.get(frame),
        groups);
  }

  private Scene.Group edge(Edge e, Snapshot snapshot) {
    String state = snapshot.edgeState(e.index()).key();
    String color = theme.text("edge." + state + ".stroke");
    double strokeWidth = theme.number("edge." + state + ".width");
    EdgePath path = layout.edges().get(e.index());
    List<Point> points = new ArrayList<>();
    for (Point p : path.spline()) {
      points.add(shift(p));
    }
    Point end = points.get(points.size() - 1);
    Point tip = shift(path.tip());
    List<Scene.Shape> shapes = List.of(new Scene.Curve(points, color, strokeWidth),
        new Scene.Polygon(arrowhead(end, tip), color));
    String title = Captions.display(graph.node(e.from())) + " → " + Captions.display(graph.node(e.to()));
    return new Scene.Group("edge-" + e.index(), "edge " + state, title, shapes);
  }

  private static List<Point> arrowhead(Point base, Point tip) {
    double dx = tip.x() - base.x();
    double dy = tip.y() - base.y();
    return List.of(tip, new Point(base.x() - dy * ARROW_HALF_WIDTH, base.y() + dx * ARROW_HALF_WIDTH),
        new Point(base.x() + dy * ARROW_HALF_WIDTH, base.y() - dx * ARROW_HALF_WIDTH));
  }

  private Scene.Group node(Node node, Snapshot snapshot) {
    int i = node.index();
    String state = snapshot.nodeState(i).key();
    NodeBox box = layout.nodes().get(i);
    List<Scene.Shape> shapes = new ArrayList<>();
    shapes.add(new Scene.Box(box.left() + offsetX, box.top() + offsetY, box.width(), box.height(),
        theme.number("node.radius"), theme.text("state." + state + ".fill"), theme.text("state." + state + ".stroke"),
        theme.number("state." + state + ".width")));
    List<NodeLabels.Line> lines = labels.lines(i, snapshot);
    double y = box.centerY() + offsetY - labels.textHeight(lines) / 2;
    double gap = theme.number("node.line.gap");
    for (NodeLabels.Line line : lines) {
      double baseline = y + line.size() * 0.93;
      shapes.add(new Scene.Text(box.centerX() + offsetX, baseline, line.text(), line.size(), line.bold(),
          theme.text(line.colorKey()), Scene.Anchor.MIDDLE));
      y += line.size() * NodeLabels.LINE_HEIGHT + gap;
    }
    return new Scene.Group("node-" + node.id(), "node " + state, tooltip(node, snapshot), shapes);
  }

  private String tooltip(Node node, Snapshot snapshot) {
    int i = node.index();
    String text = Captions.display(node) + ": value " + labels.number(values[i]);
    return switch (snapshot.nodeState(i)) {
      case CONSTANT -> text + ", a constant";
      case PENDING -> text + ", gradient not known yet";
      case PARTIAL -> text + ", gradient so far " + labels.number(snapshot.gradient(i));
      default -> text + ", gradient " + labels.number(snapshot.gradient(i));
    };
  }

  private Scene.Group captionGroup(String caption) {
    double size = theme.number("caption.size");
    double y = offsetY + layout.height() + theme.number("caption.gap") + size * 0.93;
    return new Scene.Group("caption", "caption", null, List.of(new Scene.Text(theme.number("margin"), y, caption,
        size, false, theme.text("caption.text"), Scene.Anchor.START)));
  }

  private Point shift(Point p) {
    return new Point(p.x() + offsetX, p.y() + offsetY);
  }
}
