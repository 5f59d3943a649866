package org.gradframes.layout;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.gradframes.graph.Edge;
import org.gradframes.graph.Graph;
import org.gradframes.layout.LabelPlacement.Rect;

/**
 * A graph drawn as a network diagram: its layers in columns left to right (rows top to bottom with
 * {@link Direction#TB}), each column centred, straight edges from the side of one box to the side of the next, and
 * each edge's label on its own edge, near the end where fewer edges meet, where no other label, box or edge touches
 * it. The layers are the longest paths from the inputs; an input sits one layer before its first consumer.
 */
public final class NetworkLayout {
  /** The length of an arrowhead, in points, as Graphviz draws one. */
  private static final double ARROW = 10;
  /** The least space between two columns, and between two boxes of a column. */
  private static final double MIN_GAP = 70;
  private static final double MIN_SPACING = 12;
  /** How far apart the ends of a box's edges are along its side, at most. */
  private static final double PORT_SPACING = 20;
  /** The slide the drawing is shown on, with the margin around the graph and a caption of four lines. */
  private static final double SLIDE_WIDTH = 1920;
  private static final double SLIDE_HEIGHT = 1080;
  private static final double MARGIN = 28;
  private static final double CAPTION = 110;
  private static final int ROUNDS = 40;
  /** How much a gap grows while labels find no place, and how much it shrinks back while they still do. */
  private static final double WIDER = 1.1;
  private static final double NARROWER = 1.025;

  private final Graph graph;
  private final List<Size> nodes;
  private final List<Size> labels;
  private final boolean across;
  private final List<List<Integer>> columns;
  private final int[] column;
  /** Edges whose label goes near the source: more edges meet at their target than leave their source. */
  private final boolean[] nearSource;

  private NetworkLayout(LayoutRequest request) {
    this.graph = request.graph();
    this.across = request.direction() == Direction.TB;
    this.nodes = request.nodes().stream().map(this::turned).toList();
    this.labels = request.labels().stream().map(s -> s == null ? null : turned(s)).toList();
    this.column = Layers.of(graph);
    this.columns = Layers.columns(graph, column);
    this.nearSource = new boolean[graph.edges().size()];
    for (Edge e : graph.edges()) {
      nearSource[e.index()] = graph.inputs(e.to()).size() > graph.consumers(e.from()).size();
    }
  }

  /** Lays out {@code request} as a network; its direction decides whether layers are columns or rows. */
  public static Layout layout(LayoutRequest request) {
    return new NetworkLayout(request).search();
  }

  /** Sizes are computed left to right, and turned for top to bottom. */
  private Size turned(Size s) {
    return across ? new Size(s.height(), s.width()) : s;
  }

  /**
   * For each spacing within columns, the narrowest gaps between them where every label finds a free place; of
   * those, the one that a slide shows largest, then spread toward the slide's shape.
   */
  private Layout search() {
    double[] least = leastGaps();
    Geometry best = null;
    double bestScale = 0;
    for (double spacing = MIN_SPACING; spacing <= 3 * tallest(); spacing *= 1.3) {
      Geometry g = fit(least.clone(), spacing);
      if (g != null && scale(g) > bestScale * 1.001) {
        best = g;
        bestScale = scale(g);
      }
    }
    if (best == null) {
      // No label finds a place free of other edges: each takes the one with the fewest.
      best = new Geometry(least, MIN_SPACING);
      best.placeLabels(false);
      return best.layout();
    }
    return toShape(narrowed(best)).layout();
  }

  /** {@code fit} with each gap narrowed in small steps while every label keeps a free place. */
  private Geometry narrowed(Geometry fit) {
    Geometry best = fit;
    double[] gaps = fit.gaps.clone();
    for (int k = 0; k < gaps.length; k++) {
      while (gaps[k] / NARROWER >= MIN_GAP) {
        gaps[k] /= NARROWER;
        Geometry g = new Geometry(gaps, fit.spacing);
        if (!g.placeLabels(true).isEmpty()) {
          gaps[k] *= NARROWER;
          break;
        }
        best = g;
      }
    }
    best.placeLabels(true);
    return best;
  }

  /** Each gap between columns as wide as its widest label needs, with room for arrowheads at both ends. */
  private double[] leastGaps() {
    double[] gaps = new double[Math.max(0, columns.size() - 1)];
    for (Edge e : graph.edges()) {
      Size s = labels.get(e.index());
      int g = column[e.to()] - 1;
      if (s != null && g >= 0) {
        gaps[g] = Math.max(gaps[g], s.width() + 2 * (LabelPlacement.CLEARANCE + ARROW));
      }
    }
    for (int g = 0; g < gaps.length; g++) {
      gaps[g] = Math.max(gaps[g], MIN_GAP);
    }
    return gaps;
  }

  /** {@code gaps} widened where labels find no free place, until all do (or null if they never do). */
  private Geometry fit(double[] gaps, double spacing) {
    for (int round = 0; round < ROUNDS; round++) {
      Geometry g = new Geometry(gaps, spacing);
      List<Integer> failed = g.placeLabels(true);
      if (failed.isEmpty()) {
        return g;
      }
      boolean[] widen = new boolean[gaps.length];
      for (int e : failed) {
        widen[column[graph.edges().get(e).to()] - 1] = true;
      }
      for (int k = 0; k < gaps.length; k++) {
        gaps[k] *= widen[k] ? WIDER : 1;
      }
    }
    return null;
  }

  /**
   * How large a 16:9 slide shows {@code g}, with a margin around it and a caption of four lines below (to the
   * right when it is turned, as the slide is not).
   */
  private double scale(Geometry g) {
    double w = across ? g.height() : g.width();
    double h = across ? g.width() : g.height();
    return Math.min(SLIDE_WIDTH / (w + 2 * MARGIN), SLIDE_HEIGHT / (h + 2 * MARGIN + CAPTION));
  }

  /**
   * {@code fit} made longer or broader toward a slide's shape, at no cost to its scale, its gaps widened again where
   * labels need it.
   */
  private Geometry toShape(Geometry fit) {
    double w = fit.width() + 2 * MARGIN + (across ? CAPTION : 0);
    double h = fit.height() + 2 * MARGIN + (across ? 0 : CAPTION);
    double target = across ? SLIDE_HEIGHT / SLIDE_WIDTH : SLIDE_WIDTH / SLIDE_HEIGHT;
    double[] gaps = fit.gaps.clone();
    double spacing = fit.spacing;
    if (w / h < target && gaps.length > 0) {
      // The room to spare goes to the gaps by how many edges cross them: the densest need it most.
      double total = 0;
      int[] edges = new int[gaps.length];
      for (int g = 0; g < gaps.length; g++) {
        total += gaps[g];
      }
      for (Edge e : graph.edges()) {
        edges[column[e.to()] - 1]++;
      }
      double extra = Math.min(total, target * h - w);
      for (int g = 0; g < gaps.length; g++) {
        gaps[g] += extra * edges[g] / graph.edges().size();
      }
    } else if (w / h > target) {
      int most = columns.stream().mapToInt(List::size).max().orElse(1);
      if (most > 1) {
        spacing = Math.min(Math.max(spacing, 2 * tallest()), spacing + (w / target - h) / (most - 1));
      }
    }
    double scale = scale(fit);
    for (double part : new double[] {1, 0.75, 0.5, 0.25}) {
      double[] partGaps = new double[gaps.length];
      for (int g = 0; g < gaps.length; g++) {
        partGaps[g] = fit.gaps[g] + (gaps[g] - fit.gaps[g]) * part;
      }
      Geometry shaped = fit(partGaps, fit.spacing + (spacing - fit.spacing) * part);
      if (shaped != null && scale(shaped) >= scale * 0.995) {
        return shaped;
      }
    }
    fit.placeLabels(true);
    return fit;
  }

  private double tallest() {
    return nodes.stream().mapToDouble(Size::height).max().orElse(MIN_SPACING);
  }

  /** Boxes and edges for one choice of gaps between columns and spacing within them. */
  private final class Geometry {
    private final double[] centerX;
    private final double[] centerY;
    private final double width;
    private final double height;
    private final double[] gaps;
    private final double spacing;
    private final List<Point[]> segments = new ArrayList<>();
    private LabelPlacement placement;

    Geometry(double[] gaps, double spacing) {
      this.gaps = gaps.clone();
      this.spacing = spacing;
      int n = graph.size();
      centerX = new double[n];
      centerY = new double[n];
      double x = 0;
      double tallest = 0;
      for (List<Integer> col : columns) {
        tallest = Math.max(tallest, columnHeight(col, spacing));
      }
      for (int c = 0; c < columns.size(); c++) {
        List<Integer> col = columns.get(c);
        double w = col.stream().mapToDouble(i -> nodes.get(i).width()).max().orElse(0);
        // A shorter column spreads over the height, as much space above and below it as between its boxes.
        double free = tallest - columnHeight(col, 0);
        double between = free / (col.size() + 1);
        double y = between;
        if (between < spacing || col.size() == 1) {
          between = col.size() == 1 ? 0 : free / (col.size() - 1);
          y = col.size() == 1 ? free / 2 : 0;
        }
        for (int i : col) {
          centerX[i] = x + w / 2;
          centerY[i] = y + nodes.get(i).height() / 2;
          y += nodes.get(i).height() + between;
        }
        x += w + (c < gaps.length ? gaps[c] : 0);
      }
      width = x;
      height = tallest;
      for (Edge e : graph.edges()) {
        segments.add(new Point[] {port(e, true), port(e, false)});
      }
    }

    double width() {
      return width;
    }

    double height() {
      return height;
    }

    private double columnHeight(List<Integer> col, double spacing) {
      double h = spacing * (col.size() - 1);
      for (int i : col) {
        h += nodes.get(i).height();
      }
      return h;
    }

    /**
     * Where edge {@code e} leaves its source (right side) or reaches its target (left side): a box's edges end
     * apart along its side, in the order of the boxes at their other ends, so they never cross there.
     */
    private Point port(Edge e, boolean out) {
      int node = out ? e.from() : e.to();
      List<Edge> side = new ArrayList<>(out ? graph.consumers(node) : graph.inputs(node));
      side.sort(Comparator.comparingDouble((Edge s) -> centerY[out ? s.to() : s.from()])
          .thenComparingDouble(s -> centerX[out ? s.to() : s.from()]).thenComparingInt(Edge::index));
      Size box = nodes.get(node);
      double step = side.size() < 2 ? 0 : Math.min(PORT_SPACING, box.height() * 0.6 / (side.size() - 1));
      double y = centerY[node] + (side.indexOf(e) - (side.size() - 1) / 2.0) * step;
      double x = centerX[node] + (out ? 1 : -1) * box.width() / 2;
      return new Point(x, y);
    }

    /**
     * Places the labels, trying a few orders (a greedy placement can block itself); returns the edges whose labels
     * found no free place in the best order.
     */
    List<Integer> placeLabels(boolean strict) {
      List<Rect> boxes = new ArrayList<>();
      for (int i = 0; i < graph.size(); i++) {
        boxes.add(Rect.around(centerX[i], centerY[i], nodes.get(i).width(), nodes.get(i).height()));
      }
      List<Integer> fewest = null;
      LabelPlacement chosen = null;
      for (int k = 0; k < 4 && (fewest == null || !fewest.isEmpty()); k++) {
        LabelPlacement p = new LabelPlacement(segments, labels, boxes, nearSource);
        List<Integer> failed = p.place(order(k % 2 == 1, k >= 2), strict);
        if (fewest == null || failed.size() < fewest.size()) {
          fewest = failed;
          chosen = p;
        }
      }
      placement = chosen;
      return fewest;
    }

    /**
     * The labelled edges into each target, by column, then the targets top first (or bottom first), and the edges
     * of a target by where they arrive, top first (or bottom first).
     */
    private List<Integer> order(boolean upTargets, boolean upEdges) {
      List<Integer> order = new ArrayList<>();
      for (List<Integer> col : columns) {
        List<Integer> targets = new ArrayList<>(col);
        if (upTargets) {
          java.util.Collections.reverse(targets);
        }
        for (int node : targets) {
          List<Edge> in = new ArrayList<>(graph.inputs(node));
          in.sort(Comparator.comparingDouble((Edge s) -> (upEdges ? -1 : 1) * segments.get(s.index())[1].y()));
          in.forEach(s -> order.add(s.index()));
        }
      }
      return order;
    }

    Layout layout() {
      List<NodeBox> boxes = new ArrayList<>();
      for (int i = 0; i < graph.size(); i++) {
        Size s = nodes.get(i);
        boxes.add(box(i, centerX[i], centerY[i], s.width(), s.height()));
      }
      List<EdgePath> paths = new ArrayList<>();
      for (Edge e : graph.edges()) {
        Point a = segments.get(e.index())[0];
        Point tip = segments.get(e.index())[1];
        double length = a.distance(tip);
        double t = length <= ARROW ? 0.5 : 1 - ARROW / length;
        Point end = between(a, tip, t);
        List<Point> spline = List.of(turn(a), turn(between(a, end, 1.0 / 3)), turn(between(a, end, 2.0 / 3)),
            turn(end));
        Rect r = placement == null ? null : placement.label(e.index());
        NodeBox label = r == null ? null
            : box(e.index(), (r.left() + r.right()) / 2, (r.top() + r.bottom()) / 2, r.right() - r.left(),
                r.bottom() - r.top());
        paths.add(new EdgePath(e.index(), spline, turn(tip), label));
      }
      return across ? new Layout(height, width, boxes, paths) : new Layout(width, height, boxes, paths);
    }
  }

  private NodeBox box(int index, double cx, double cy, double w, double h) {
    return across ? new NodeBox(index, cy, cx, h, w) : new NodeBox(index, cx, cy, w, h);
  }

  private Point turn(Point p) {
    return across ? new Point(p.y(), p.x()) : p;
  }

  private static Point between(Point a, Point b, double t) {
    return new Point(a.x() + (b.x() - a.x()) * t, a.y() + (b.y() - a.y()) * t);
  }
}
