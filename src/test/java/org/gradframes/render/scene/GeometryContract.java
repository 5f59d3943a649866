package org.gradframes.render.scene;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.gradframes.graph.Edge;
import org.gradframes.graph.Graph;
import org.gradframes.layout.Point;
import org.gradframes.render.text.RichText;

/**
 * The geometric contract of a drawing, checked on its scenes, the shapes every format paints: every arrow ends on
 * its target's shape and starts on its source's; no edge label covers a box or another label; every label is on
 * its own edge and nearer it than any other edge; a boxed label has its own line running through its middle and no
 * other line within {@link #CLEAR} of it; no two edges of different sources run together along one line.
 */
public final class GeometryContract {
  /** How far an arrow's tip, or an edge's start, may be from the outline of its node's shape, in points. */
  static final double TOUCH = 1;
  /** How far a label may be from its own edge, in points. */
  static final double ON_EDGE = 2;
  /** How far a boxed label's centre may be from its own line, which runs into the box and out of it. */
  static final double CENTRED = 1;
  /**
   * How far from the middle of a boxed label's side its line may run into it, as a share of half the side: further
   * out, the line is seen to end at the label's corner.
   */
  static final double ENTRY = 0.5;
  /** How near another edge's line may come to a boxed label, in points: nearer, the eye may take it for its line. */
  static final double CLEAR = 5;
  /**
   * How long an arrowhead may be, in points: every head is drawn from where its line ends to its tip, and one far
   * longer or shorter than its neighbours' (a head carried on along a box's side, a head squeezed into a gap) draws
   * the eye or hides the direction.
   */
  static final double HEAD_SHORTEST = 4;
  static final double HEAD_LONGEST = 15;
  /** How far a line may cut into a node other than its own two, in points: a corner grazed is not a way through. */
  static final double INSIDE = 2;
  /** How long a straight run must be to be seen as a line the eye carries on, in points. */
  static final double RUN = 8;
  /**
   * The widest gap the eye carries a line across, in points, when another edge's line goes on along it after the
   * first has turned.
   */
  static final double CONTINUED = 30;
  /** How near a node's border a line of another node's runs along it, in points, and for how long at most. */
  static final double HUG = 4;
  static final double ALONG = 20;
  /**
   * How near a node's side a line running straight at it may turn aside, in points: nearer, it ends where that
   * node's arrowheads (10 pt long) are drawn.
   */
  static final double POINTED = 16;
  /** How near that node's arrowheads must end for the line to be taken for one of them, in points. */
  static final double AMONG = 24;
  /** The least angle a line turns by that the eye sees as a turn, in degrees. */
  static final double TURN = 30;
  /** A gap narrower than this, in points, is a line touching or crossing another, which the other rules judge. */
  static final double CROSSING = 4;
  /** How far off a turned line's line another may go on and still seem to go on along it, in points. */
  static final double IN_LINE = 3;
  /** How long two edges of different sources may run along one line, in points. */
  static final double TOGETHER = 10;
  /** How far apart two lines may be and still be one line to the eye, in points. */
  private static final double SAME_LINE = 1;
  /** Overlaps smaller than this, in points, are rounding: the boxes touch. */
  private static final double OVERLAP = 0.5;
  private static final double PARALLEL = 0.03;
  private static final int SAMPLES = 16;

  /** The kinds of broken promise. */
  public enum Kind {
    ARROW_MISSES_TARGET, EDGE_NOT_FROM_SOURCE, LABEL_OVER_BOX, LABEL_OVER_LABEL, LABEL_OFF_EDGE,
    LABEL_NEARER_ANOTHER_EDGE, LABEL_NOT_ON_ITS_LINE, LABEL_TOUCHED_BY_ANOTHER_EDGE, EDGES_RUN_TOGETHER,
    ARROWHEAD_OUT_OF_SIZE, EDGE_THROUGH_BOX, LABEL_ENTERED_AT_SIDE,
    /**
     * Measured, not yet held: a line that turns where another edge's goes on along it. Counted by the census
     * ({@link #measure}); {@link #check} and {@link #enforce} leave it out until every drawing keeps it.
     */
    LINE_CONTINUED_BY_ANOTHER(false),
    /** Measured, not yet held: a line that runs along the border of a node other than its own two. */
    LINE_ALONG_A_BOX(false),
    /**
     * Measured, not yet held: a line that runs straight at the side of a node other than its own two and turns
     * aside just before it, where that node's arrowheads are drawn: it reads as one of them.
     */
    LINE_TURNS_AT_A_BOX(false);

    private final boolean held;

    Kind() {
      this(true);
    }

    Kind(boolean held) {
      this.held = held;
    }

    /** Whether every drawing keeps this promise, so that a drawing that breaks it fails its test. */
    public boolean held() {
      return held;
    }
  }

  /** One broken promise, said in words. */
  public record Violation(Kind kind, String what) {
    @Override
    public String toString() {
      return kind + ": " + what;
    }
  }

  private GeometryContract() {}

  /**
   * Drawings of more nodes than this are not checked as they are made ({@link #enforce}): the network sample's 486
   * operations take seconds to check, and GeometryContractTest checks it on its own.
   */
  static final int ENFORCED_NODES = 150;
  private static final ThreadLocal<Boolean> SUSPENDED = ThreadLocal.withInitial(() -> false);

  /**
   * Throws an AssertionError naming every violation of {@code drawing}; every drawing the tests make comes here as
   * it is made (the surefire configuration names this class), unless it is larger than {@link #ENFORCED_NODES} or
   * made by {@link #suspended}.
   */
  public static void enforce(Drawing drawing) {
    if (SUSPENDED.get() || drawing.graph().size() > ENFORCED_NODES) {
      return;
    }
    List<Violation> violations = check(drawing);
    if (!violations.isEmpty()) {
      throw new AssertionError("the drawing breaks its geometric contract:\n  "
          + String.join("\n  ", violations.stream().map(Violation::toString).toList()));
    }
  }

  /** What {@code drawing} returns, the drawings it makes not checked as they are made (the caller checks them). */
  public static <T> T suspended(java.util.function.Supplier<T> drawing) {
    SUSPENDED.set(true);
    try {
      return drawing.get();
    } finally {
      SUSPENDED.set(false);
    }
  }

  /** Every violation of {@code drawing} of a promise every drawing keeps, over all its frames, each named once. */
  public static List<Violation> check(Drawing drawing) {
    return measure(drawing).stream().filter(v -> v.kind().held()).toList();
  }

  /** Every violation of {@code drawing}, of the promises held and of those only measured. */
  public static List<Violation> measure(Drawing drawing) {
    return new Checker(drawing).run();
  }

  /** A drawn node: its shapes' outlines, the first one where arrows end, the last one where edges start. */
  private record Shape(String name, List<Outline> boxes) {
    Outline target() {
      return boxes.get(0);
    }

    Outline source() {
      return boxes.get(boxes.size() - 1);
    }
  }

  /** A rounded rectangle. */
  record Outline(double x, double y, double width, double height, double radius) {
    static Outline of(Scene.Box b) {
      return new Outline(b.x(), b.y(), b.width(), b.height(), Math.min(b.radius(), Math.min(b.width(),
          b.height()) / 2));
    }

    /** The signed distance of {@code p} from the outline: negative inside. */
    double signed(Point p) {
      double qx = Math.abs(p.x() - (x + width / 2)) - (width / 2 - radius);
      double qy = Math.abs(p.y() - (y + height / 2)) - (height / 2 - radius);
      return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - radius;
    }

    /** How far this shape and the rectangle {@code r} are apart: negative where they overlap, by how much. */
    double apart(Rect r) {
      Rect core = new Rect(x + radius, y + radius, x + width - radius, y + height - radius);
      return core.apart(r) - radius;
    }
  }

  /** An axis-aligned rectangle by its corners. */
  record Rect(double x0, double y0, double x1, double y1) {
    /** The gap between the two rectangles, or minus the depth of their overlap. */
    double apart(Rect o) {
      double dx = Math.max(o.x0 - x1, x0 - o.x1);
      double dy = Math.max(o.y0 - y1, y0 - o.y1);
      if (dx < 0 && dy < 0) {
        return Math.max(dx, dy);
      }
      return Math.hypot(Math.max(dx, 0), Math.max(dy, 0));
    }

    boolean contains(Point p) {
      return p.x() >= x0 && p.x() <= x1 && p.y() >= y0 && p.y() <= y1;
    }

    Rect grown(double by) {
      return new Rect(x0 - by, y0 - by, x1 + by, y1 + by);
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "[%.1f,%.1f %.1fx%.1f]", x0, y0, x1 - x0, y1 - y0);
    }
  }

  /** A drawn edge: its line as straight pieces (the arrowhead's included) and its labels over all frames. */
  private record Line(Edge edge, String name, List<Point> points, Rect bounds, List<Rect> labels, double slack) {
    /** Whether the label is a box the line runs through, rather than a wire's numbers beside it. */
    boolean boxed() {
      return slack == 0;
    }
  }

  private static final class Checker {
    private final Drawing drawing;
    private final Graph graph;
    private final Map<Integer, Shape> nodes = new LinkedHashMap<>();
    private final Map<Integer, Line> lines = new LinkedHashMap<>();
    private final Set<Violation> found = new LinkedHashSet<>();

    Checker(Drawing drawing) {
      this.drawing = drawing;
      this.graph = drawing.graph();
    }

    List<Violation> run() {
      collect();
      for (Line line : lines.values()) {
        arrow(line);
        labels(line);
        through(line);
      }
      together();
      continued();
      return new ArrayList<>(found);
    }

    private void collect() {
      Map<Scene.Group, Boolean> seen = new IdentityHashMap<>();
      Map<Integer, List<Rect>> labels = new LinkedHashMap<>();
      Map<Integer, Scene.Group> edgeGroups = new LinkedHashMap<>();
      Set<Integer> wires = new LinkedHashSet<>();
      for (int f = 0; f < drawing.frameCount(); f++) {
        for (Scene.Group group : drawing.scene(f).groups()) {
          if (seen.put(group, Boolean.TRUE) != null) {
            continue;
          }
          if (group.id() != null && group.id().startsWith("node-")) {
            nodeShape(group);
          } else if (group.id() != null && group.id().startsWith("edge-")) {
            int e = Integer.parseInt(group.id().substring(5));
            edgeGroups.putIfAbsent(e, group);
            if (group.shapes().stream().anyMatch(s -> s instanceof Scene.Text)
                && group.shapes().stream().noneMatch(s -> s instanceof Scene.Box)) {
              wires.add(e);
            }
            List<Rect> mine = labels.computeIfAbsent(e, k -> new ArrayList<>());
            for (Rect r : labelRects(group)) {
              if (!mine.contains(r)) {
                mine.add(r);
              }
            }
          }
        }
      }
      for (Map.Entry<Integer, Scene.Group> entry : edgeGroups.entrySet()) {
        Edge edge = graph.edges().get(entry.getKey());
        // A wire's numbers are drawn above and below it (or beside it), half the wire gap away, by design.
        double slack = wires.contains(edge.index()) ? EdgeLabels.WIRE_GAP / 2 : 0;
        lines.put(edge.index(), line(edge, entry.getValue(), labels.get(edge.index()), slack));
      }
    }

    private void nodeShape(Scene.Group group) {
      String id = group.id().substring(5);
      int index = -1;
      for (org.gradframes.graph.Node n : graph.nodes()) {
        if (n.id().equals(id)) {
          index = n.index();
          break;
        }
      }
      if (nodes.containsKey(index)) {
        return;
      }
      List<Outline> boxes = new ArrayList<>();
      for (Scene.Shape s : group.shapes()) {
        if (s instanceof Scene.Box b) {
          boxes.add(Outline.of(b));
        }
      }
      nodes.put(index, new Shape(id, boxes));
    }

    /** The rectangles of an edge group's label: its box, or the boxes of a wire's numbers. */
    private static List<Rect> labelRects(Scene.Group group) {
      List<Rect> rects = new ArrayList<>();
      for (Scene.Shape s : group.shapes()) {
        if (s instanceof Scene.Box b) {
          rects.add(new Rect(b.x(), b.y(), b.x() + b.width(), b.y() + b.height()));
          return rects;
        }
      }
      for (Scene.Shape s : group.shapes()) {
        if (s instanceof Scene.Text t) {
          double width = RichText.width(t.text(), t.size(), t.bold());
          double x0 = t.anchor() == Scene.Anchor.MIDDLE ? t.x() - width / 2 : t.x();
          rects.add(new Rect(x0, t.y() - 0.75 * t.size(), x0 + width, t.y() + 0.2 * t.size()));
        }
      }
      return rects;
    }

    private Line line(Edge edge, Scene.Group group, List<Rect> labels, double slack) {
      Scene.Curve curve = null;
      Scene.Polygon head = null;
      for (Scene.Shape s : group.shapes()) {
        if (s instanceof Scene.Curve c && curve == null) {
          curve = c;
        } else if (s instanceof Scene.Polygon p && head == null) {
          head = p;
        }
      }
      List<Point> points = flatten(curve.points());
      points.add(head.points().get(0));
      Point tip = head.points().get(0);
      double length = Math.hypot(tip.x() - (head.points().get(1).x() + head.points().get(2).x()) / 2,
          tip.y() - (head.points().get(1).y() + head.points().get(2).y()) / 2);
      if (length < HEAD_SHORTEST || length > HEAD_LONGEST) {
        found.add(new Violation(Kind.ARROWHEAD_OUT_OF_SIZE, String.format(Locale.ROOT,
            "edge-%d (%s → %s): its arrowhead is %.1f pt long", edge.index(), graph.node(edge.from()).id(),
            graph.node(edge.to()).id(), length)));
      }
      double x0 = Double.POSITIVE_INFINITY;
      double y0 = Double.POSITIVE_INFINITY;
      double x1 = Double.NEGATIVE_INFINITY;
      double y1 = Double.NEGATIVE_INFINITY;
      for (Point p : points) {
        x0 = Math.min(x0, p.x());
        y0 = Math.min(y0, p.y());
        x1 = Math.max(x1, p.x());
        y1 = Math.max(y1, p.y());
      }
      String name = "edge-" + edge.index() + " (" + graph.node(edge.from()).id() + " → " + graph.node(edge.to()).id()
          + ")";
      return new Line(edge, name, points, new Rect(x0, y0, x1, y1), labels, slack);
    }

    private void arrow(Line line) {
      Point tip = line.points().get(line.points().size() - 1);
      Shape target = nodes.get(line.edge().to());
      double off = target.target().signed(tip);
      if (Math.abs(off) > TOUCH) {
        found.add(new Violation(Kind.ARROW_MISSES_TARGET, String.format(Locale.ROOT,
            "%s: the arrow ends %.1f pt %s %s's outline, at (%.1f, %.1f)", line.name(), Math.abs(off),
            off > 0 ? "outside" : "inside", target.name(), tip.x(), tip.y())));
      }
      Shape source = nodes.get(line.edge().from());
      Point start = line.points().get(0);
      double from = source.source().signed(start);
      if (Math.abs(from) > TOUCH) {
        found.add(new Violation(Kind.EDGE_NOT_FROM_SOURCE, String.format(Locale.ROOT,
            "%s: the line starts %.1f pt %s %s's outline, at (%.1f, %.1f)", line.name(), Math.abs(from),
            from > 0 ? "outside" : "inside", source.name(), start.x(), start.y())));
      }
    }

    private void labels(Line line) {
      for (Rect label : line.labels()) {
        for (Map.Entry<Integer, Shape> node : nodes.entrySet()) {
          for (Outline box : node.getValue().boxes()) {
            double apart = box.apart(label);
            if (apart < -OVERLAP) {
              found.add(new Violation(Kind.LABEL_OVER_BOX, String.format(Locale.ROOT,
                  "%s: its label %s covers %s by %.1f pt", line.name(), label, node.getValue().name(), -apart)));
            }
          }
        }
        for (Line other : lines.values()) {
          if (other.edge().index() <= line.edge().index()) {
            continue;
          }
          for (Rect r : other.labels()) {
            double apart = label.apart(r);
            if (apart < -OVERLAP) {
              found.add(new Violation(Kind.LABEL_OVER_LABEL, String.format(Locale.ROOT,
                  "%s and %s: their labels overlap by %.1f pt", line.name(), other.name(), -apart)));
            }
          }
        }
        if (line.boxed()) {
          boxed(line, label);
        }
        double own = distance(label, line.points());
        if (own > ON_EDGE + line.slack()) {
          found.add(new Violation(Kind.LABEL_OFF_EDGE, String.format(Locale.ROOT,
              "%s: its label %s is %.1f pt from its line", line.name(), label, own)));
        }
        for (Line other : lines.values()) {
          if (other == line || other.bounds().apart(label) > own) {
            continue;
          }
          double d = distance(label, other.points());
          if (d <= own) {
            found.add(new Violation(Kind.LABEL_NEARER_ANOTHER_EDGE, String.format(Locale.ROOT,
                "%s: its label %s is %.1f pt from %s, %.1f pt from its own line", line.name(), label, d,
                other.name(), own)));
          }
        }
      }
    }

    /** A boxed label: its own line through its middle, no other line within {@link #CLEAR} of it. */
    private void boxed(Line line, Rect label) {
      Point centre = new Point((label.x0() + label.x1()) / 2, (label.y0() + label.y1()) / 2);
      double off = Double.POSITIVE_INFINITY;
      for (int i = 1; i < line.points().size(); i++) {
        off = Math.min(off, segment(centre, line.points().get(i - 1), line.points().get(i)));
      }
      if (off > CENTRED) {
        found.add(new Violation(Kind.LABEL_NOT_ON_ITS_LINE, String.format(Locale.ROOT,
            "%s: its line passes %.1f pt from the middle of its label %s", line.name(), off, label)));
      }
      entered(line, label);
      for (Line other : lines.values()) {
        if (other == line || other.bounds().apart(label) > CLEAR) {
          continue;
        }
        double d = distance(label, other.points());
        if (d < CLEAR) {
          found.add(new Violation(Kind.LABEL_TOUCHED_BY_ANOTHER_EDGE, String.format(Locale.ROOT,
              "%s: %s %s its label %s", line.name(), other.name(),
              d == 0 ? "runs through" : String.format(Locale.ROOT, "passes %.1f pt from", d), label)));
        }
      }
    }

    /**
     * Where a line runs into its boxed label: within the middle half of the side it crosses. A line that reaches the
     * label at a corner and runs on under the label to its middle looks, where it is seen, like a line ending at the
     * corner, and a neighbouring label's line may then seem to be the one that runs through it.
     */
    private void entered(Line line, Rect label) {
      List<Point> points = line.points();
      for (int i = 1; i < points.size(); i++) {
        Point a = points.get(i - 1);
        Point b = points.get(i);
        if (label.contains(a) || !label.contains(b)) {
          continue;
        }
        // Halve the piece until the point where it enters is found to a hundredth of a point.
        Point out = a;
        Point in = b;
        while (out.distance(in) > 0.01) {
          Point mid = new Point((out.x() + in.x()) / 2, (out.y() + in.y()) / 2);
          if (label.contains(mid)) {
            in = mid;
          } else {
            out = mid;
          }
        }
        double cx = (label.x0() + label.x1()) / 2;
        double cy = (label.y0() + label.y1()) / 2;
        double dx = Math.min(Math.abs(in.x() - label.x0()), Math.abs(in.x() - label.x1()));
        double dy = Math.min(Math.abs(in.y() - label.y0()), Math.abs(in.y() - label.y1()));
        // The side crossed is the one the point lies nearest; its offset is measured along that side.
        double off = dy <= dx ? Math.abs(in.x() - cx) / ((label.x1() - label.x0()) / 2)
            : Math.abs(in.y() - cy) / ((label.y1() - label.y0()) / 2);
        if (off > ENTRY) {
          found.add(new Violation(Kind.LABEL_ENTERED_AT_SIDE, String.format(Locale.ROOT,
              "%s: its line runs into its label %s at (%.1f, %.1f), %.0f%% of the way from the side's middle to its end",
              line.name(), label, in.x(), in.y(), 100 * off)));
        }
        return;
      }
    }

    /**
     * A line that turns where another edge's line, from another node into another node, goes on straight along it a
     * short gap further: the eye carries the first line across the gap, into the wrong node.
     */
    private void continued() {
      Map<Line, List<Point[]>> runs = new LinkedHashMap<>();
      for (Line line : lines.values()) {
        runs.put(line, runs(line.points()));
      }
      for (Map.Entry<Line, List<Point[]>> a : runs.entrySet()) {
        List<Point[]> own = a.getValue();
        for (int i = 0; i + 1 < own.size(); i++) {
          // The run ends where the line turns: it goes on in another direction.
          Point from = own.get(i)[0];
          Point turn = own.get(i)[1];
          double length = from.distance(turn);
          if (length < RUN) {
            continue;
          }
          double ux = (turn.x() - from.x()) / length;
          double uy = (turn.y() - from.y()) / length;
          // A turn the eye sees as one: a curve's gentle bends are not.
          Point next = own.get(i + 1)[1];
          double on = next.distance(turn);
          if ((next.x() - turn.x()) / on * ux + (next.y() - turn.y()) / on * uy > Math.cos(Math.toRadians(TURN))) {
            continue;
          }
          pointed(a.getKey(), turn, ux, uy);
          for (Map.Entry<Line, List<Point[]>> b : runs.entrySet()) {
            Line other = b.getKey();
            if (other == a.getKey() || other.edge().to() == a.getKey().edge().to()
                || other.edge().from() == a.getKey().edge().from()) {
              continue;
            }
            for (Point[] run : b.getValue()) {
              double gap = continuation(turn, ux, uy, run);
              if (gap >= CROSSING && gap <= CONTINUED && !boxBetween(turn, new Point(turn.x() + gap * ux,
                  turn.y() + gap * uy))) {
                found.add(new Violation(Kind.LINE_CONTINUED_BY_ANOTHER, String.format(Locale.ROOT,
                    "%s turns at (%.1f, %.1f) and %s goes on along its line %.1f pt further", a.getKey().name(),
                    turn.x(), turn.y(), other.name(), gap)));
              }
            }
          }
        }
      }
    }

    /**
     * A line that turns within {@link #POINTED} of the side of a node other than its own two, having run straight at
     * it (at a right angle to that side, and clear of its rounded corners), among the arrowheads that end there.
     */
    private void pointed(Line line, Point turn, double ux, double uy) {
      for (Map.Entry<Integer, Shape> node : nodes.entrySet()) {
        if (node.getKey() == line.edge().from() || node.getKey() == line.edge().to()) {
          continue;
        }
        for (Outline box : node.getValue().boxes()) {
          double ahead = ahead(turn, ux, uy, box);
          if (ahead > 0 && ahead <= POINTED && amongHeads(node.getKey(), new Point(turn.x() + ahead * ux,
              turn.y() + ahead * uy))) {
            found.add(new Violation(Kind.LINE_TURNS_AT_A_BOX, String.format(Locale.ROOT,
                "%s turns at (%.1f, %.1f), %.1f pt before the side of %s it runs at", line.name(), turn.x(),
                turn.y(), ahead, node.getValue().name())));
          }
        }
      }
    }

    /** Whether an arrow into node {@code node} ends on its outline within {@link #AMONG} of {@code at}. */
    private boolean amongHeads(int node, Point at) {
      for (Line other : lines.values()) {
        if (other.edge().to() == node && other.points().get(other.points().size() - 1).distance(at) <= AMONG) {
          return true;
        }
      }
      return false;
    }

    /**
     * How far from {@code p}, going along an axis (ux, uy), the side of the box is that faces it, when the way meets
     * that side between its rounded corners; 0 when it does not.
     */
    private static double ahead(Point p, double ux, double uy, Outline box) {
      if (Math.abs(ux) > 0.99) {
        double side = ux > 0 ? box.x() : box.x() + box.width();
        double d = (side - p.x()) * Math.signum(ux);
        return p.y() > box.y() + box.radius() && p.y() < box.y() + box.height() - box.radius() && d > 0 ? d : 0;
      }
      if (Math.abs(uy) > 0.99) {
        double side = uy > 0 ? box.y() : box.y() + box.height();
        double d = (side - p.y()) * Math.signum(uy);
        return p.x() > box.x() + box.radius() && p.x() < box.x() + box.width() - box.radius() && d > 0 ? d : 0;
      }
      return 0;
    }

    /**
     * How far beyond {@code turn}, along the direction (ux, uy), the straight run starts when it lies on that line
     * (within {@link #IN_LINE}), runs along it and is at least {@link #RUN} long; 0 when it does not.
     */
    private static double continuation(Point turn, double ux, double uy, Point[] run) {
      Point c = run[0];
      Point d = run[1];
      if (c.distance(d) < RUN) {
        return 0;
      }
      double offC = Math.abs((c.x() - turn.x()) * uy - (c.y() - turn.y()) * ux);
      double offD = Math.abs((d.x() - turn.x()) * uy - (d.y() - turn.y()) * ux);
      if (offC > IN_LINE || offD > IN_LINE) {
        return 0;
      }
      double tc = (c.x() - turn.x()) * ux + (c.y() - turn.y()) * uy;
      double td = (d.x() - turn.x()) * ux + (d.y() - turn.y()) * uy;
      return Math.min(tc, td) > 0 ? Math.min(tc, td) : 0;
    }

    /** Whether a node's box stands on the straight way from {@code a} to {@code b}, which it then explains. */
    private boolean boxBetween(Point a, Point b) {
      for (Shape shape : nodes.values()) {
        for (Outline box : shape.boxes()) {
          Rect r = new Rect(box.x(), box.y(), box.x() + box.width(), box.y() + box.height());
          if (crosses(r, a, b)) {
            return true;
          }
        }
      }
      return false;
    }

    /**
     * A line that runs along the border of a node other than its own two, within {@link #HUG} of it for more than
     * {@link #ALONG}: it passes where that node's own edges leave it, and reads as one of them.
     */
    private void along(Line line, String name, Outline box, Rect r) {
      if (r.grown(HUG).apart(line.bounds()) > 0) {
        return;
      }
      double near = 0;
      List<Point> points = line.points();
      for (int i = 1; i < points.size(); i++) {
        Point a = points.get(i - 1);
        Point b = points.get(i);
        double length = a.distance(b);
        int steps = Math.max(1, (int) Math.ceil(length));
        for (int k = 0; k < steps; k++) {
          double t = (k + 0.5) / steps;
          double d = box.signed(new Point(a.x() + t * (b.x() - a.x()), a.y() + t * (b.y() - a.y())));
          near += d >= -INSIDE && d <= HUG ? length / steps : 0;
        }
      }
      if (near > ALONG) {
        found.add(new Violation(Kind.LINE_ALONG_A_BOX, String.format(Locale.ROOT,
            "%s runs within %.0f pt of %s's border for %.1f pt", line.name(), HUG, name, near)));
      }
    }

    /**
     * A line that passes through a node other than its own two, more than {@link #INSIDE} inside its outline: it
     * reads as an edge into that node, or out of it.
     */
    private void through(Line line) {
      for (Map.Entry<Integer, Shape> node : nodes.entrySet()) {
        int index = node.getKey();
        if (index == line.edge().from() || index == line.edge().to()) {
          continue;
        }
        for (Outline box : node.getValue().boxes()) {
          Rect r = new Rect(box.x(), box.y(), box.x() + box.width(), box.y() + box.height());
          along(line, node.getValue().name(), box, r);
          if (r.apart(line.bounds()) > 0) {
            continue;
          }
          double deepest = 0;
          List<Point> points = line.points();
          for (int i = 1; i < points.size(); i++) {
            Point a = points.get(i - 1);
            Point b = points.get(i);
            int steps = Math.max(1, (int) Math.ceil(Math.hypot(b.x() - a.x(), b.y() - a.y()) / 2));
            for (int k = 0; k <= steps; k++) {
              double t = (double) k / steps;
              deepest = Math.min(deepest, box.signed(new Point(a.x() + t * (b.x() - a.x()),
                  a.y() + t * (b.y() - a.y()))));
            }
          }
          if (deepest < -INSIDE) {
            found.add(new Violation(Kind.EDGE_THROUGH_BOX, String.format(Locale.ROOT,
                "%s passes %.1f pt inside %s", line.name(), -deepest, node.getValue().name())));
          }
        }
      }
    }

    /** Edges of different sources whose lines run along one line for more than {@link #TOGETHER} points. */
    private void together() {
      List<Line> all = new ArrayList<>(lines.values());
      for (int i = 0; i < all.size(); i++) {
        Line a = all.get(i);
        for (int j = i + 1; j < all.size(); j++) {
          Line b = all.get(j);
          if (a.edge().from() == b.edge().from() || a.bounds().apart(b.bounds()) > SAME_LINE) {
            continue;
          }
          double shared = shared(a.points(), b.points());
          if (shared > TOGETHER) {
            found.add(new Violation(Kind.EDGES_RUN_TOGETHER, String.format(Locale.ROOT,
                "%s and %s run along one line for %.1f pt", a.name(), b.name(), shared)));
          }
        }
      }
    }
  }

  /** How long the two lines run along each other, in points. */
  static double shared(List<Point> a, List<Point> b) {
    double total = 0;
    for (int i = 1; i < a.size(); i++) {
      for (int j = 1; j < b.size(); j++) {
        total += overlap(a.get(i - 1), a.get(i), b.get(j - 1), b.get(j));
      }
    }
    return total;
  }

  /** The length along which segment {@code cd} lies on segment {@code ab}, within {@link #SAME_LINE}. */
  private static double overlap(Point a, Point b, Point c, Point d) {
    double ux = b.x() - a.x();
    double uy = b.y() - a.y();
    double length = Math.hypot(ux, uy);
    double vx = d.x() - c.x();
    double vy = d.y() - c.y();
    double other = Math.hypot(vx, vy);
    if (length < 1e-9 || other < 1e-9 || Math.abs(ux * vy - uy * vx) / (length * other) > PARALLEL) {
      return 0;
    }
    ux /= length;
    uy /= length;
    double offC = Math.abs((c.x() - a.x()) * uy - (c.y() - a.y()) * ux);
    double offD = Math.abs((d.x() - a.x()) * uy - (d.y() - a.y()) * ux);
    if (offC > SAME_LINE || offD > SAME_LINE) {
      return 0;
    }
    double tc = (c.x() - a.x()) * ux + (c.y() - a.y()) * uy;
    double td = (d.x() - a.x()) * ux + (d.y() - a.y()) * uy;
    return Math.max(0, Math.min(length, Math.max(tc, td)) - Math.max(0, Math.min(tc, td)));
  }

  /** The polyline as its straight runs, each from where it starts to where the line turns (pieces in line joined). */
  static List<Point[]> runs(List<Point> points) {
    List<Point[]> runs = new ArrayList<>();
    for (int i = 1; i < points.size(); i++) {
      Point a = points.get(i - 1);
      Point b = points.get(i);
      if (a.distance(b) < 1e-6) {
        continue;
      }
      if (!runs.isEmpty()) {
        Point[] last = runs.get(runs.size() - 1);
        if (lineDistance(b, last[0], last[1]) < 0.05
            && (b.x() - a.x()) * (last[1].x() - last[0].x()) + (b.y() - a.y()) * (last[1].y() - last[0].y()) > 0) {
          last[1] = b;
          continue;
        }
      }
      runs.add(new Point[] {a, b});
    }
    return runs;
  }

  /** The distance from {@code p} to the infinite line through {@code a} and {@code b}. */
  private static double lineDistance(Point p, Point a, Point b) {
    double length = a.distance(b);
    return length == 0 ? p.distance(a)
        : Math.abs((p.x() - a.x()) * (b.y() - a.y()) - (p.y() - a.y()) * (b.x() - a.x())) / length;
  }

  /** A B&eacute;zier spline as straight pieces: one per straight curve, {@link #SAMPLES} per bent one. */
  static List<Point> flatten(List<Point> spline) {
    List<Point> points = new ArrayList<>();
    points.add(spline.get(0));
    for (int s = 0; s + 3 < spline.size(); s += 3) {
      Point p0 = spline.get(s);
      Point p3 = spline.get(s + 3);
      if (straight(p0, spline.get(s + 1), spline.get(s + 2), p3)) {
        points.add(p3);
        continue;
      }
      for (int k = 1; k <= SAMPLES; k++) {
        points.add(Spline.bezier(spline, s, (double) k / SAMPLES));
      }
    }
    return points;
  }

  private static boolean straight(Point p0, Point p1, Point p2, Point p3) {
    return segment(p1, p0, p3) < 0.01 && segment(p2, p0, p3) < 0.01;
  }

  /** The distance from {@code p} to the segment {@code ab}. */
  static double segment(Point p, Point a, Point b) {
    double dx = b.x() - a.x();
    double dy = b.y() - a.y();
    double length = dx * dx + dy * dy;
    double t = length == 0 ? 0 : Math.max(0, Math.min(1, ((p.x() - a.x()) * dx + (p.y() - a.y()) * dy) / length));
    return Math.hypot(a.x() + t * dx - p.x(), a.y() + t * dy - p.y());
  }

  /** The distance from the rectangle {@code r} to the polyline {@code points}: 0 where it crosses the rectangle. */
  static double distance(Rect r, List<Point> points) {
    double best = Double.POSITIVE_INFINITY;
    Point[] corners = {new Point(r.x0(), r.y0()), new Point(r.x1(), r.y0()), new Point(r.x1(), r.y1()),
        new Point(r.x0(), r.y1())};
    for (int i = 1; i < points.size(); i++) {
      Point a = points.get(i - 1);
      Point b = points.get(i);
      if (crosses(r, a, b)) {
        return 0;
      }
      best = Math.min(best, new Rect(a.x(), a.y(), a.x(), a.y()).apart(r));
      best = Math.min(best, new Rect(b.x(), b.y(), b.x(), b.y()).apart(r));
      for (Point c : corners) {
        best = Math.min(best, segment(c, a, b));
      }
    }
    return best;
  }

  /** Whether the segment {@code ab} enters the rectangle (Liang–Barsky clipping). */
  private static boolean crosses(Rect r, Point a, Point b) {
    double t0 = 0;
    double t1 = 1;
    double dx = b.x() - a.x();
    double dy = b.y() - a.y();
    double[] p = {-dx, dx, -dy, dy};
    double[] q = {a.x() - r.x0(), r.x1() - a.x(), a.y() - r.y0(), r.y1() - a.y()};
    for (int i = 0; i < 4; i++) {
      if (p[i] == 0) {
        if (q[i] < 0) {
          return false;
        }
      } else {
        double t = q[i] / p[i];
        if (p[i] < 0) {
          t0 = Math.max(t0, t);
        } else {
          t1 = Math.min(t1, t);
        }
      }
    }
    return t0 <= t1;
  }
}
