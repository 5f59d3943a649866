package org.gradframes.render.scene;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.gradframes.autodiff.EdgeState;
import org.gradframes.autodiff.FrameKind;
import org.gradframes.autodiff.NodeState;
import org.gradframes.autodiff.Snapshot;
import org.gradframes.autodiff.Walkthrough;
import org.gradframes.graph.Edge;
import org.gradframes.graph.Graph;
import org.gradframes.graph.Node;
import org.gradframes.layout.EdgePath;
import org.gradframes.layout.Layout;
import org.gradframes.layout.NodeBox;
import org.gradframes.layout.Point;
import org.gradframes.render.text.Notation;
import org.gradframes.render.text.RichText;
import org.gradframes.render.text.Slots;
import org.gradframes.render.theme.Theme;
import org.gradframes.render.theme.ThemeKey;

/**
 * The frames of one program drawn as scenes: the same layout and canvas for every frame, the state of each frame.
 * A node or edge that looks as it did in an earlier frame is the same group object again.
 */
public final class Drawing {
  private final Graph graph;
  private final Walkthrough walk;
  private final Layout layout;
  private final NodeLabels labels;
  private final EdgeLabels edgeLabels;
  private final Theme theme;
  private final List<List<String>> captions;
  private final Notation notation;
  private final Styles styles;
  private final Canvas.Placement placement;
  private final double offsetX;
  private final double offsetY;
  private final Map<Object, Scene.Group> groups;
  private final Shown visible;
  /** The frames drawn, by their number among all the walk's frames, in order. */
  private final List<Integer> numbers;
  private final List<Snapshot> snapshots;
  private final Highlight highlight;
  /** The caption, step label and key under the graph. */
  private final Band band;
  private final int precision;

  /** Prepares the canvas that fits the layout and, below it, the widest and longest caption. */
  public Drawing(Graph graph, Walkthrough walk, Layout layout, NodeLabels labels, EdgeLabels edgeLabels,
      Theme theme, List<List<String>> captions, CaptionMode captionMode, int precision, Canvas canvas,
      Shown shown) {
    this(graph, walk, layout, labels, edgeLabels, theme, captions, captionMode, precision, canvas, shown,
        Marks.NONE);
  }

  /**
   * Prepares the canvas that fits the layout and, below it, a band of the widest and longest caption, the step
   * label where it overlaps no caption line, and the key of the colours; {@code marks} says which of these to draw
   * and what to highlight.
   */
  public Drawing(Graph graph, Walkthrough walk, Layout layout, NodeLabels labels, EdgeLabels edgeLabels,
      Theme theme, List<List<String>> captions, CaptionMode captionMode, int precision, Canvas canvas,
      Shown shown, Marks marks) {
    this.visible = shown;
    this.highlight = Highlight.of(graph, shown, marks.highlight());
    this.graph = graph;
    this.walk = walk;
    this.groups = new ConcurrentHashMap<>();
    this.numbers = java.util.stream.IntStream.range(0, walk.frames().size()).boxed().toList();
    this.snapshots = walk.frames();
    this.layout = layout;
    this.labels = labels;
    this.edgeLabels = edgeLabels;
    this.theme = theme;
    this.captions = List.copyOf(captions);
    this.notation = new Notation(graph, precision, theme.on(ThemeKey.NAMES_SUBSCRIPTS));
    this.precision = precision;
    this.styles = new Styles(theme);
    double margin = theme.number(ThemeKey.MARGIN);
    this.band = new Band(theme, styles, captions, captionMode == CaptionMode.BELOW, shown.captionLines(),
        marks.stepLabel() && theme.on(ThemeKey.STEP_LABEL) ? new StepLabel(theme, walk.frames().size()) : null,
        marks.legend() ? new Legend(graph, shown, walk.frames(), theme, !marks.highlight().isEmpty()) : null,
        layout.width());
    double content = band.width();
    this.placement = canvas.place(content + 2 * margin, Math.ceil(layout.height() + band.height()) + 2 * margin);
    this.offsetX = margin + (content - layout.width()) / 2;
    this.offsetY = margin;
    DrawingCheck.run(this);
  }

  /** {@code whole} with other labels and captions: the same canvas, layout and frames, groups of its own. */
  private Drawing(Drawing whole, NodeLabels labels, EdgeLabels edgeLabels, List<List<String>> captions,
      Notation notation) {
    this.precision = whole.precision;
    this.graph = whole.graph;
    this.walk = whole.walk;
    this.layout = whole.layout;
    this.labels = labels;
    this.edgeLabels = edgeLabels;
    this.theme = whole.theme;
    this.notation = notation;
    this.styles = whole.styles;
    this.highlight = whole.highlight;
    this.band = whole.band;
    this.placement = whole.placement;
    this.offsetX = whole.offsetX;
    this.offsetY = whole.offsetY;
    this.groups = new ConcurrentHashMap<>();
    this.visible = whole.visible;
    this.numbers = whole.numbers;
    this.captions = numbers.stream().map(captions::get).toList();
    this.snapshots = whole.snapshots;
  }

  /**
   * This drawing with every number of a value, gradient or contribution {@link Slots} marked, for a page that
   * writes them again when its inputs change: the same canvas, boxes, lines and text, but for the marks.
   */
  public Drawing marked() {
    List<List<String>> marked = Captions.of(graph, walk, precision, theme.on(ThemeKey.NAMES_SUBSCRIPTS), true);
    return new Drawing(this, labels.marked(), edgeLabels.marked(), marked,
        new Notation(graph, precision, theme.on(ThemeKey.NAMES_SUBSCRIPTS), true));
  }

  /** The frames {@code numbers} of {@code whole}, on its canvas, sharing its groups. */
  private Drawing(Drawing whole, List<Integer> numbers) {
    this.graph = whole.graph;
    this.walk = whole.walk;
    this.layout = whole.layout;
    this.labels = whole.labels;
    this.edgeLabels = whole.edgeLabels;
    this.theme = whole.theme;
    this.notation = whole.notation;
    this.precision = whole.precision;
    this.styles = whole.styles;
    this.placement = whole.placement;
    this.offsetX = whole.offsetX;
    this.offsetY = whole.offsetY;
    this.groups = whole.groups;
    this.visible = whole.visible;
    this.highlight = whole.highlight;
    this.band = whole.band;
    this.numbers = List.copyOf(numbers);
    this.captions = this.numbers.stream()
        .map(n -> whole.captions.get(java.util.Collections.binarySearch(whole.numbers, n))).toList();
    this.snapshots = this.numbers.stream().map(n -> walk.frames().get(n)).toList();
  }

  /**
   * Only the frames {@code numbers} (numbered among all frames, in increasing order), drawn as this drawing draws
   * them: frame {@code i} of the selection is frame {@code numbers.get(i)} here.
   *
   * @throws IllegalArgumentException when a number is not one of this drawing's frames, or they are out of order
   */
  public Drawing select(List<Integer> numbers) {
    for (int i = 0; i < numbers.size(); i++) {
      if (java.util.Collections.binarySearch(this.numbers, numbers.get(i)) < 0
          || i > 0 && numbers.get(i) <= numbers.get(i - 1)) {
        throw new IllegalArgumentException("no frames " + numbers + " among " + this.numbers);
      }
    }
    return new Drawing(this, numbers);
  }

  /** The number of frame {@code frame} among all the walk's frames, which names its files. */
  public int frameNumber(int frame) {
    return numbers.get(frame);
  }

  /** How many frames the walk has, drawn here or not. */
  public int allFrameCount() {
    return walk.frames().size();
  }

  /** The significant digits of the numbers the frames show (from {@code NumberText.decimals}: fixed decimals). */
  public int precision() {
    return precision;
  }

  /** The canvas width in points, the same for every frame. */
  public double width() {
    return placement.width();
  }

  /** The canvas height in points, the same for every frame. */
  public double height() {
    return placement.height();
  }

  /** How many frames there are. */
  public int frameCount() {
    return snapshots.size();
  }

  /** Every frame drawn, in order. */
  public List<Snapshot> frames() {
    return snapshots;
  }

  /** The program's walk through its frames: values, gradients and training. */
  public Walkthrough walk() {
    return walk;
  }

  public Graph graph() {
    return graph;
  }

  public Layout layout() {
    return layout;
  }

  public Theme theme() {
    return theme;
  }

  /** The paints of the theme, by selector. */
  public Styles styles() {
    return styles;
  }

  /** How many frames' captions are cut to the lines the picture shows (none when they are not in the picture). */
  public int cutCaptions() {
    return band.cut();
  }

  /** The lines of frame {@code frame}'s caption, in rich-text markup. */
  public List<String> captionLines(int frame) {
    return captions.get(frame);
  }

  /** The caption of frame {@code frame} as plain text, lines separated by newlines. */
  public String caption(int frame) {
    return Captions.plain(captions.get(frame));
  }

  /** The lines of node {@code index}'s label in frame {@code frame}, in rich-text markup. */
  public List<NodeLabels.Line> nodeLines(int index, int frame) {
    return labels.lines(index, snapshots.get(frame));
  }

  /** The last frame of the backward pass (the last seed or backward frame), or the last frame when there is none. */
  public int lastBackwardFrame() {
    int last = frameCount() - 1;
    for (int i = 0; i < frameCount(); i++) {
      FrameKind kind = snapshots.get(i).kind();
      if (kind == FrameKind.BACKWARD || kind == FrameKind.SEED) {
        last = i;
      }
    }
    return last;
  }

  /** The smallest text of frame {@code frame}, in points of the canvas: its smallest line, as the canvas scales it. */
  public double smallestText(int frame) {
    double smallest = Double.POSITIVE_INFINITY;
    for (Scene.Group group : scene(frame).groups()) {
      for (Scene.Shape shape : group.shapes()) {
        if (shape instanceof Scene.Text text) {
          smallest = Math.min(smallest, text.size());
        }
      }
    }
    return smallest * placement.scale();
  }

  /** Frame {@code frame} as a scene. */
  public Scene scene(int frame) {
    Snapshot snapshot = snapshots.get(frame);
    List<Scene.Group> shown = new ArrayList<>();
    for (Edge e : graph.edges()) {
      if (!visible.edge(e.index())) {
        continue;
      }
      Integer weight = visible.weight(e.index());
      EdgeKey key = new EdgeKey(e.index(), snapshot.edgeState(e.index()), edgeLabels.text(e, snapshot),
          weight == null ? Double.NaN : snapshot.value(weight), weight == null ? Double.NaN : snapshot.gradient(weight),
          weight == null ? null : snapshot.nodeState(weight), weight == null ? 0 : snapshot.received(weight));
      shown.add(groups.computeIfAbsent(key, k -> edge(e, key)));
    }
    for (Node node : graph.nodes()) {
      if (!visible.node(node.index())) {
        continue;
      }
      NodeLabels.Key key = labels.key(node.index(), snapshot);
      shown.add(groups.computeIfAbsent(key, k -> node(node, snapshot, key)));
    }
    shown.addAll(band.groups(captions.get(frame), numbers.get(frame), theme.number(ThemeKey.MARGIN),
        offsetY + layout.height()));
    String caption = Captions.plain(captions.get(frame));
    return new Scene(placement.width(), placement.height(), placement.scale(), placement.dx(), placement.dy(),
        styles.background(), theme.text(ThemeKey.FONT_FAMILY), caption.split("\n")[0], caption, shown);
  }

  /** What an edge group shows: equal keys, equal groups. */
  private record EdgeKey(int edge, EdgeState state, String label, double weight, double weightGradient,
      NodeState weightState, int weightReceived) {}

  private Scene.Group edge(Edge e, EdgeKey key) {
    // An edge whose weight an update changes is drawn as active, as the weight's own node would be.
    EdgeState edgeState = key.weightState() == NodeState.ACTIVE ? EdgeState.ACTIVE : key.state();
    EdgePath path = layout.edges().get(e.index());
    List<Point> points = new ArrayList<>();
    for (Point p : path.spline()) {
      points.add(shift(p));
    }
    // The engine ends lines on the node's box; the line is carried on to the shape drawn there: a round gate's or
    // a rounded corner's gap, or to a micrograd operation's oval, which can be far inside the node's box.
    boolean oval = labels.style() == DrawingStyle.MICROGRAD && graph.node(e.to()) instanceof Node.Operation;
    Outline target = outline(e.to(), true);
    Point tip = target.arrowInto(points, shift(path.tip()), oval ? Double.POSITIVE_INFINITY : target.rounding());
    Outline source = outline(e.from(), false);
    points = source.startOn(points, source.rounding());
    List<Scene.Shape> shapes = new ArrayList<>();
    shapes.add(new Scene.Curve(points, styles.edgeLine(edgeState)));
    shapes.add(new Scene.Polygon(Outline.arrowhead(points.get(points.size() - 1), tip,
        styles.edgeLine(edgeState).strokeWidth()), styles.edgeHead(edgeState)));
    for (Point junction : junctions().getOrDefault(e.index(), List.of())) {
      shapes.add(new Scene.Polygon(Outline.dot(shift(junction), JUNCTION * styles.edgeLine(EdgeState.DONE)
          .strokeWidth()), styles.edgeHead(edgeState)));
    }
    String text = key.label();
    String title = RichText.plain(notation.ref(e.from())) + " → " + RichText.plain(notation.ref(e.to()));
    Integer weight = visible.weight(e.index());
    if (weight != null) {
      title = title + ", weight " + RichText.plain(notation.ref(weight)) + " = "
          + notation.number(key.weight(), Slots.value(weight)) + (key.weightState() == NodeState.PENDING ? ""
          : ", gradient " + notation.number(key.weightGradient(), Slots.gradient(weight, key.weightReceived())));
    }
    if (text != null && path.label() != null && labels.style() == DrawingStyle.CIRCUIT) {
      String[] wire = EdgeLabels.wireLines(text);
      shapes.addAll(wireTexts(points, path.label(), wire));
      title = title + ": value " + RichText.plain(wire[0]) + (wire[1].isEmpty() ? ""
          : ", gradient along it " + RichText.plain(wire[1]));
    } else if (text != null && path.label() != null) {
      NodeBox box = path.label();
      shapes.add(new Scene.Box(box.left() + offsetX, box.top() + offsetY, box.width(), box.height(), 4,
          styles.labelBox(edgeState)));
      double size = edgeLabels.textSize();
      shapes.add(new Scene.Text(box.centerX() + offsetX, box.centerY() + offsetY + size * 0.35, text, size, false,
          styles.labelText(), Scene.Anchor.MIDDLE));
      title = title + ": " + RichText.plain(text);
    }
    boolean dim = highlight.dimEdge(e.index());
    return new Scene.Group("edge-" + e.index(), "edge " + edgeState.key() + (dim ? " dim" : ""), title, null,
        dim ? dimmed(shapes) : shapes, key);
  }

  /**
   * The outline of node {@code node} as drawn: where its edges start and, with {@code target}, where arrows into it
   * end. A micrograd operation's arrows end on its oval, which fills only the left of the node's box, and its edges
   * leave from its record; a circuit's gate is round.
   */
  private Outline outline(int node, boolean target) {
    NodeBox box = layout.nodes().get(node);
    double left = box.left() + offsetX;
    double top = box.top() + offsetY;
    boolean operation = graph.node(node) instanceof Node.Operation;
    if (labels.style() == DrawingStyle.MICROGRAD) {
      if (operation && target) {
        return new Outline(left, top, labels.operationWidth(node), box.height(), box.height() / 2);
      }
      double from = operation ? labels.operationWidth(node) + labels.operationGap() : 0;
      double width = 0;
      for (double w : labels.cellWidths(node)) {
        width += w;
      }
      return new Outline(left + from, top, width, box.height(), 2);
    }
    boolean gate = labels.style() == DrawingStyle.CIRCUIT && operation;
    double radius = gate ? Math.min(box.width(), box.height()) / 2 : theme.number(ThemeKey.NODE_RADIUS);
    return new Outline(left, top, box.width(), box.height(), radius);
  }

  private Scene.Group node(Node node, Snapshot snapshot, NodeLabels.Key key) {
    int i = node.index();
    List<Scene.Shape> shapes = new NodeShapes(layout, labels, styles, theme, offsetX, offsetY).of(node, snapshot);
    String description = node.computed()
        ? RichText.plain(notation.ref(i)) + " = " + RichText.plain(notation.formula(i))
        : node instanceof Node.Input ? "input" : "constant";
    boolean dim = highlight.dimNode(i);
    return new Scene.Group("node-" + node.id(), "node " + snapshot.nodeState(i).key() + (dim ? " dim" : ""),
        tooltip(node, snapshot), description, dim ? dimmed(shapes) : shapes, key);
  }

  /**
   * A wire's value above it and the gradient that flowed back along it below, where the wire passes its label's
   * place (the layout puts the label on the wire, or beside it).
   */
  private List<Scene.Shape> wireTexts(List<Point> wire, NodeBox label, String[] lines) {
    Point center = new Point(label.centerX() + offsetX, label.centerY() + offsetY);
    double[] at = Spline.nearest(wire, center);
    double size = edgeLabels.textSize();
    double half = EdgeLabels.WIRE_GAP / 2;
    Scene.Style[] paints = {styles.wireValue(), styles.wireGradient()};
    List<Scene.Shape> shapes = new ArrayList<>();
    for (int k = 0; k < 2; k++) {
      if (lines[k].isEmpty()) {
        continue;
      }
      if (at[2] > 0) {
        // A wire running down: the value left of it, the gradient right of it.
        double width = RichText.width(lines[k], size, false);
        double x = k == 0 ? at[0] - half - width : at[0] + half;
        shapes.add(new Scene.Text(x, at[1] + 0.35 * size, lines[k], size, false, paints[k], Scene.Anchor.START));
      } else {
        double y = k == 0 ? at[1] - half - 0.25 * size : at[1] + half + 0.8 * size;
        shapes.add(new Scene.Text(at[0], y, lines[k], size, false, paints[k], Scene.Anchor.MIDDLE));
      }
    }
    return shapes;
  }

  private String tooltip(Node node, Snapshot snapshot) {
    int i = node.index();
    String text = RichText.plain(notation.ref(i)) + ": value "
        + (snapshot.valueKnown(i) ? notation.number(snapshot.value(i), Slots.value(i)) : "not known yet");
    String gradient = notation.number(snapshot.gradient(i), Slots.gradient(i, snapshot.received(i)));
    return switch (snapshot.nodeState(i)) {
      case CONSTANT -> text + (node instanceof Node.Input ? ", data, no gradient" : ", a constant");
      case PENDING -> text + ", gradient not known yet";
      case PARTIAL -> text + ", gradient so far " + gradient;
      default -> text + ", gradient " + gradient;
    };
  }

  /** The shapes of a group off the highlighted paths, each painted with its paint dimmed. */
  private List<Scene.Shape> dimmed(List<Scene.Shape> shapes) {
    List<Scene.Shape> dimmed = new ArrayList<>();
    for (Scene.Shape shape : shapes) {
      dimmed.add(shape.withStyle(styles.dim(shape.style())));
    }
    return dimmed;
  }

  /** Whether node {@code index} is drawn dimmed, off the paths of the highlighted variables. */
  public boolean dimmed(int node) {
    return highlight.dimNode(node);
  }

  /** Whether edge {@code index} is drawn dimmed, off the paths of the highlighted variables. */
  public boolean dimmedEdge(int index) {
    return highlight.dimEdge(index);
  }

  /** Whether edge {@code index} is drawn in the frames. */
  public boolean edgeShown(int index) {
    return visible.edge(index);
  }

  /** A junction dot's radius, in widths of a line not taking part in the step: one size on every line. */
  private static final double JUNCTION = 2.2;
  private Map<Integer, List<Point>> junctions;

  /** Where edges of one source part ways, by the edge whose group draws the dot; found once. */
  private synchronized Map<Integer, List<Point>> junctions() {
    if (junctions == null) {
      junctions = Junctions.of(graph, layout, visible::edge);
    }
    return junctions;
  }

  private Point shift(Point p) {
    return new Point(p.x() + offsetX, p.y() + offsetY);
  }
}
