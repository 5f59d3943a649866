package org.gradframes.render;

import java.util.ArrayList;
import java.util.List;
import org.gradframes.autodiff.EdgeState;
import org.gradframes.autodiff.FrameKind;
import org.gradframes.autodiff.NodeState;
import org.gradframes.autodiff.ParameterUpdate;
import org.gradframes.autodiff.Snapshot;
import org.gradframes.autodiff.Walkthrough;
import org.gradframes.graph.Edge;
import org.gradframes.graph.Graph;
import org.gradframes.graph.Node;
import org.gradframes.layout.EdgePath;
import org.gradframes.layout.Layout;
import org.gradframes.layout.NodeBox;
import org.gradframes.layout.Point;

/** Paints the frames of one program: the same layout and canvas for every frame, the state of each snapshot. */
public final class Painter {
  /** The most caption lines a picture shows; captions.txt and trace.json have them all. */
  static final int MAX_CAPTION_LINES = 8;
  private static final double ARROW_HALF_WIDTH = 0.45;
  private static final double CAPTION_LINE = 1.3;

  private final Graph graph;
  private final Walkthrough walk;
  private final Layout layout;
  private final NodeLabels labels;
  private final EdgeLabels edgeLabels;
  private final Theme theme;
  private final List<List<String>> captions;
  private final boolean captionBelow;
  private final Notation notation;
  private final Styles styles;
  private final int captionLines;
  private final Canvas.Placement placement;
  private final double offsetX;
  private final double offsetY;

  /** Prepares the canvas that fits the layout and, below it, the widest and longest caption. */
  public Painter(Graph graph, Walkthrough walk, Layout layout, NodeLabels labels, EdgeLabels edgeLabels,
      Theme theme, List<List<String>> captions, CaptionMode captionMode, int precision, Canvas canvas) {
    this.graph = graph;
    this.walk = walk;
    this.layout = layout;
    this.labels = labels;
    this.edgeLabels = edgeLabels;
    this.theme = theme;
    this.captions = List.copyOf(captions);
    this.captionBelow = captionMode == CaptionMode.BELOW;
    this.notation = new Notation(graph, precision);
    this.styles = new Styles(theme);
    double margin = theme.number("margin");
    double captionWidth = 0;
    int lines = 0;
    if (captionBelow) {
      for (List<String> caption : captions) {
        for (String line : shown(caption)) {
          captionWidth = Math.max(captionWidth, RichText.width(line, theme.number("caption.size"), false));
        }
        lines = Math.max(lines, shown(caption).size());
      }
    }
    this.captionLines = lines;
    double content = Math.ceil(Math.max(layout.width(), captionWidth));
    double captionHeight = lines == 0 ? 0
        : theme.number("caption.gap") + lines * theme.number("caption.size") * CAPTION_LINE;
    this.placement = canvas.place(content + 2 * margin, Math.ceil(layout.height() + captionHeight) + 2 * margin);
    this.offsetX = margin + (content - layout.width()) / 2;
    this.offsetY = margin;
  }

  /** The lines of a caption that fit in a picture. */
  private static List<String> shown(List<String> caption) {
    if (caption.size() <= MAX_CAPTION_LINES) {
      return caption;
    }
    List<String> lines = new ArrayList<>(caption.subList(0, MAX_CAPTION_LINES - 1));
    lines.add("… and " + (caption.size() - MAX_CAPTION_LINES + 1) + " more (see captions.txt or trace.json)");
    return lines;
  }

  /** The canvas width in points, the same for every frame. */
  public double width() {
    return placement.width();
  }

  /** The canvas height in points, the same for every frame. */
  public double height() {
    return placement.height();
  }

  /** Frame {@code frame} as an SVG document. */
  public String svg(int frame) {
    return SvgWriter.write(scene(frame, true));
  }

  /** What a node group shows: equal keys, equal SVG text. */
  private record NodeKey(int node, NodeState state, double value, boolean known, double gradient, int received,
      boolean forward, boolean update, double before) {}

  /** What an edge group shows: equal keys, equal SVG text. */
  private record EdgeKey(int edge, EdgeState state, String label) {}

  private final java.util.Map<NodeKey, String> nodeSvg = new java.util.concurrent.ConcurrentHashMap<>();
  private final java.util.Map<EdgeKey, String> edgeSvg = new java.util.concurrent.ConcurrentHashMap<>();

  private Scene.Group writtenNode(Node node, Snapshot s) {
    int i = node.index();
    double before = Double.NaN;
    boolean update = false;
    for (ParameterUpdate u : s.updates()) {
      if (u.node() == i) {
        before = u.before();
        update = true;
      }
    }
    boolean forward = s.kind() == FrameKind.INPUTS || s.kind() == FrameKind.EVALUATE;
    NodeKey key = new NodeKey(i, s.nodeState(i), s.value(i), s.valueKnown(i), s.gradient(i), s.received(i), forward,
        update, before);
    String text = nodeSvg.get(key);
    if (text == null) {
      text = SvgWriter.group(node(node, s));
      nodeSvg.put(key, text);
    }
    return Scene.Group.written(text);
  }

  private Scene.Group writtenEdge(Edge e, Snapshot s) {
    EdgeKey key = new EdgeKey(e.index(), s.edgeState(e.index()), edgeLabels.text(e, s));
    String text = edgeSvg.get(key);
    if (text == null) {
      text = SvgWriter.group(edge(e, s));
      edgeSvg.put(key, text);
    }
    return Scene.Group.written(text);
  }

  /** Frame {@code frame} as a PNG image at {@code scale} pixels per point. */
  public byte[] png(int frame, double scale) {
    return PngWriter.write(scene(frame), scale);
  }

  /**
   * Every frame as one looping animated GIF at {@code scale}, {@code delayMillis} per frame; frames are painted
   * a few at a time in parallel and handed to the writer in order.
   */
  public byte[] gif(double scale, int delayMillis) {
    int count = walk.frames().size();
    int batch = Math.max(2, Runtime.getRuntime().availableProcessors());
    java.awt.image.BufferedImage[] painted = new java.awt.image.BufferedImage[count];
    return GifWriter.write(count, i -> {
      if (painted[i] == null) {
        int end = Math.min(count, i + batch);
        java.util.stream.IntStream.range(i, end).parallel().forEach(j -> painted[j] = PngWriter.image(scene(j), scale));
      }
      java.awt.image.BufferedImage image = painted[i];
      painted[i] = null;
      return image;
    }, delayMillis);
  }

  /** Every frame as a page of one vector PDF. */
  public byte[] pdf() {
    List<Scene> scenes = new ArrayList<>();
    for (int i = 0; i < walk.frames().size(); i++) {
      scenes.add(scene(i));
    }
    return PdfWriter.write(scenes);
  }

  /** A self-contained HTML page that steps through every frame; {@code made} holds SVG frames already made (or nulls). */
  public String html(String title, int delayMillis, List<String> made) {
    List<String> svgs = new ArrayList<>();
    List<String> plain = new ArrayList<>();
    for (int i = 0; i < walk.frames().size(); i++) {
      svgs.add(made.get(i) != null ? made.get(i) : svg(i));
      plain.add(caption(i));
    }
    return HtmlWriter.write(title, svgs, plain, theme.text("background"), theme.text("caption.text"),
        theme.text("font.family"), delayMillis);
  }

  /** The graph as Graphviz DOT with the layout's positions and the labels of the last backward frame. */
  public String dot(String program) {
    Snapshot last = walk.frames().get(walk.frames().size() - 1);
    for (Snapshot frame : walk.frames()) {
      if (frame.kind() == FrameKind.BACKWARD || frame.kind() == FrameKind.SEED) {
        last = frame;
      }
    }
    return DotWriter.write(program, graph, layout, labels, last);
  }

  /** The caption of frame {@code frame} as plain text, lines separated by newlines. */
  public String caption(int frame) {
    return Captions.plain(captions.get(frame));
  }

  Scene scene(int frame) {
    return scene(frame, false);
  }

  /** Frame {@code frame}; {@code written}: its nodes and edges as SVG text, reused from earlier frames. */
  private Scene scene(int frame, boolean written) {
    Snapshot snapshot = walk.frames().get(frame);
    List<Scene.Group> groups = new ArrayList<>();
    for (Edge e : graph.edges()) {
      groups.add(written ? writtenEdge(e, snapshot) : edge(e, snapshot));
    }
    for (Node node : graph.nodes()) {
      groups.add(written ? writtenNode(node, snapshot) : node(node, snapshot));
    }
    if (captionLines > 0) {
      groups.add(captionGroup(captions.get(frame)));
    }
    String caption = Captions.plain(captions.get(frame));
    return new Scene(placement.width(), placement.height(), placement.scale(), placement.dx(), placement.dy(),
        styles.background(), theme.text("font.family"), styles.root(), styles.css(), caption.split("\n")[0], caption,
        groups);
  }

  private Scene.Group edge(Edge e, Snapshot snapshot) {
    EdgeState edgeState = snapshot.edgeState(e.index());
    String state = edgeState.key();
    EdgePath path = layout.edges().get(e.index());
    List<Point> points = new ArrayList<>();
    for (Point p : path.spline()) {
      points.add(shift(p));
    }
    List<Scene.Shape> shapes = new ArrayList<>();
    shapes.add(new Scene.Curve(points, styles.edgeLine(edgeState)));
    shapes.add(new Scene.Polygon(arrowhead(points.get(points.size() - 1), shift(path.tip()),
        styles.edgeLine(edgeState).strokeWidth()), styles.edgeHead(edgeState)));
    String text = edgeLabels.text(e, snapshot);
    String title = RichText.plain(notation.ref(e.from())) + " → " + RichText.plain(notation.ref(e.to()));
    if (text != null && path.label() != null) {
      NodeBox box = path.label();
      shapes.add(new Scene.Box(box.left() + offsetX, box.top() + offsetY, box.width(), box.height(), 4,
          styles.labelBox(edgeState)));
      double size = edgeLabels.textSize();
      shapes.add(new Scene.Text(box.centerX() + offsetX, box.centerY() + offsetY + size * 0.35, text, size, false,
          styles.labelText(), Scene.Anchor.MIDDLE));
      title = title + ": " + RichText.plain(text);
    }
    return new Scene.Group("edge-" + e.index(), "edge " + state, title, null, shapes);
  }

  /** An arrowhead from the end of a line to the target; it widens with the line so thick lines keep a head. */
  private static List<Point> arrowhead(Point base, Point tip, double lineWidth) {
    double dx = tip.x() - base.x();
    double dy = tip.y() - base.y();
    double length = Math.hypot(dx, dy);
    double half = length == 0 ? 0 : Math.max(ARROW_HALF_WIDTH, lineWidth * 1.3 / length);
    return List.of(tip, new Point(base.x() - dy * half, base.y() + dx * half),
        new Point(base.x() + dy * half, base.y() - dx * half));
  }

  private Scene.Group node(Node node, Snapshot snapshot) {
    int i = node.index();
    NodeState nodeState = snapshot.nodeState(i);
    NodeBox box = layout.nodes().get(i);
    List<Scene.Shape> shapes = new ArrayList<>();
    shapes.add(new Scene.Box(box.left() + offsetX, box.top() + offsetY, box.width(), box.height(),
        theme.number("node.radius"), styles.nodeBox(nodeState)));
    List<NodeLabels.Line> lines = labels.lines(i, snapshot);
    double y = box.centerY() + offsetY - labels.textHeight(lines) / 2;
    double gap = theme.number("node.line.gap");
    for (NodeLabels.Line line : lines) {
      double baseline = y + line.size() * 0.93;
      Scene.Style style = line.gradient() ? styles.gradText(nodeState) : styles.nodeText();
      shapes.add(new Scene.Text(box.centerX() + offsetX, baseline, line.text(), line.size(), line.bold(), style,
          Scene.Anchor.MIDDLE));
      y += line.size() * NodeLabels.LINE_HEIGHT + gap;
    }
    String description = node instanceof Node.Operation
        ? RichText.plain(notation.ref(i)) + " = " + RichText.plain(notation.formula(i))
        : node instanceof Node.Input ? "input" : "constant";
    return new Scene.Group("node-" + node.id(), "node " + nodeState.key(), tooltip(node, snapshot), description,
        shapes);
  }

  private String tooltip(Node node, Snapshot snapshot) {
    int i = node.index();
    String text = RichText.plain(notation.ref(i)) + ": value "
        + (snapshot.valueKnown(i) ? labels.number(snapshot.value(i)) : "not known yet");
    return switch (snapshot.nodeState(i)) {
      case CONSTANT -> text + ", a constant";
      case PENDING -> text + ", gradient not known yet";
      case PARTIAL -> text + ", gradient so far " + labels.number(snapshot.gradient(i));
      default -> text + ", gradient " + labels.number(snapshot.gradient(i));
    };
  }

  private Scene.Group captionGroup(List<String> caption) {
    double size = theme.number("caption.size");
    double y = offsetY + layout.height() + theme.number("caption.gap") + size * 0.93;
    List<Scene.Shape> shapes = new ArrayList<>();
    for (String line : shown(caption)) {
      shapes.add(new Scene.Text(theme.number("margin"), y, line, size, false, styles.captionText(),
          Scene.Anchor.START));
      y += size * CAPTION_LINE;
    }
    return new Scene.Group("caption", "caption", null, null, shapes);
  }

  private Point shift(Point p) {
    return new Point(p.x() + offsetX, p.y() + offsetY);
  }
}
