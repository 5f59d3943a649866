package org.gradframes.layout;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.gradframes.graph.Edge;
import org.gradframes.graph.Graph;
import org.gradframes.layout.LabelPlacement.Rect;

/** Boxes and edges for one choice of gaps between columns and spacing within them. */
final class NetworkGeometry {
  /** How far apart the ends of a box's edges are along its side, at most. */
  private static final double PORT_SPACING = 20;

  private final Graph graph;
  private final List<Size> nodes;
  private final List<Size> labels;
  private final List<List<Integer>> columns;
  private final boolean[] nearSource;
  private final boolean across;
  private final double[] centerX;
  private final double[] centerY;
  /** Each box as wide as the widest of its column, so that no edge leaving a narrower box crosses a wider one. */
  private final double[] boxWidth;
  private final double width;
  private final double height;
  private final double[] gaps;
  private final double spacing;
  private final List<Point[]> segments = new ArrayList<>();
  private LabelPlacement placement;

  NetworkGeometry(NetworkLayout network, double[] gaps, double spacing) {
    this.graph = network.graph;
    this.nodes = network.nodes;
    this.labels = network.labels;
    this.columns = network.columns;
    this.nearSource = network.nearSource;
    this.across = network.across;
    this.gaps = gaps.clone();
    this.spacing = spacing;
    int n = graph.size();
    centerX = new double[n];
    centerY = new double[n];
    boxWidth = new double[n];
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
        boxWidth[i] = w;
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

  double[] gaps() {
    return gaps.clone();
  }

  double spacing() {
    return spacing;
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
    double x = centerX[node] + (out ? 1 : -1) * boxWidth[node] / 2;
    return new Point(x, y);
  }

  /**
   * Places the labels, trying a few orders (a greedy placement can block itself); returns the edges whose labels
   * found no free place in the best order.
   */
  List<Integer> placeLabels(boolean strict) {
    List<Rect> boxes = new ArrayList<>();
    for (int i = 0; i < graph.size(); i++) {
      boxes.add(Rect.around(centerX[i], centerY[i], boxWidth[i], nodes.get(i).height()));
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
      boxes.add(box(i, centerX[i], centerY[i], boxWidth[i], s.height()));
    }
    List<EdgePath> paths = new ArrayList<>();
    for (Edge e : graph.edges()) {
      Point a = segments.get(e.index())[0];
      Point tip = segments.get(e.index())[1];
      double length = a.distance(tip);
      double t = length <= NetworkLayout.ARROW ? 0.5 : 1 - NetworkLayout.ARROW / length;
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
