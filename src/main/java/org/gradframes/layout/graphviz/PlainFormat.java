package org.gradframes.layout.graphviz;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gradframes.graph.Edge;
import org.gradframes.graph.Graph;
import org.gradframes.layout.Direction;
import org.gradframes.layout.EdgePath;
import org.gradframes.layout.Layout;
import org.gradframes.layout.LayoutException;
import org.gradframes.layout.NodeBox;
import org.gradframes.layout.Point;

/** Reads Graphviz's {@code -Tplain} output back into a {@link Layout} with y growing downwards, in points. */
final class PlainFormat {
  private static final double POINTS_PER_INCH = 72;

  private PlainFormat() {}

  static Layout parse(String plain, Graph graph, Direction direction) {
    double height = 0;
    double width = 0;
    NodeBox[] boxes = new NodeBox[graph.size()];
    Map<Integer, NodeBox> labels = new HashMap<>();
    Map<String, Deque<double[]>> splines = new HashMap<>();
    for (String line : plain.split("\n")) {
      String[] f = line.trim().split("\\s+");
      switch (f[0]) {
        case "graph" -> {
          width = number(f[2]);
          height = number(f[3]);
        }
        case "node" -> {
          int index = Integer.parseInt(f[1].substring(1));
          NodeBox box = new NodeBox(index, number(f[2]), number(f[3]), number(f[4]), number(f[5]));
          if (f[1].startsWith("l")) {
            labels.put(index, box);
          } else {
            boxes[index] = box;
          }
        }
        case "edge" -> splines.computeIfAbsent(f[1] + ">" + f[2], k -> new ArrayDeque<>()).add(points(f));
        default -> { }
      }
    }
    return build(graph, direction, width, height, boxes, labels, splines);
  }

  private static Layout build(Graph graph, Direction direction, double width, double height, NodeBox[] boxes,
      Map<Integer, NodeBox> labels, Map<String, Deque<double[]>> splines) {
    List<NodeBox> nodes = new ArrayList<>();
    for (int i = 0; i < boxes.length; i++) {
      NodeBox b = boxes[i];
      if (b == null) {
        throw new LayoutException("Graphviz returned no position for node " + graph.node(i).id() + ".");
      }
      nodes.add(new NodeBox(i, b.centerX() * POINTS_PER_INCH, (height - b.centerY()) * POINTS_PER_INCH,
          b.width() * POINTS_PER_INCH, b.height() * POINTS_PER_INCH));
    }
    Map<Integer, NodeBox> drawnLabels = new HashMap<>();
    labels.forEach((index, l) -> drawnLabels.put(index, new NodeBox(index, l.centerX() * POINTS_PER_INCH,
        (height - l.centerY()) * POINTS_PER_INCH, l.width() * POINTS_PER_INCH, l.height() * POINTS_PER_INCH)));
    // Every leg first, as Graphviz routed it, so that each is redrawn knowing where all the others run.
    List<Legs.Leg> legs = new ArrayList<>();
    for (Edge e : graph.edges()) {
      NodeBox target = nodes.get(e.to());
      NodeBox from = nodes.get(e.from());
      NodeBox box0 = drawnLabels.get(e.index());
      if (box0 == null) {
        legs.add(new Legs.Leg(e.from(), points(route(splines, "n" + e.from(), "n" + e.to(), graph, e), height),
            from, target, false, false));
      } else {
        legs.add(new Legs.Leg(e.from(), points(route(splines, "n" + e.from(), "l" + e.index(), graph, e), height),
            from, box0, false, true));
        legs.add(new Legs.Leg(e.from(), points(route(splines, "l" + e.index(), "n" + e.to(), graph, e), height),
            box0, target, true, false));
      }
    }
    List<List<Point>> drawn = new Legs(direction, nodes, drawnLabels).smooth(legs);
    List<EdgePath> edges = new ArrayList<>();
    int next = 0;
    for (Edge e : graph.edges()) {
      NodeBox target = nodes.get(e.to());
      NodeBox label = labels.get(e.index());
      List<Point> spline = new ArrayList<>(drawn.get(next++));
      if (label == null) {
        Point tip = tip(spline, target);
        edges.add(new EdgePath(e.index(), headRoom(spline, tip), tip, null));
      } else {
        List<Point> rest = drawn.get(next++);
        // The line runs on from where it meets the label's box through the label's middle to where it leaves.
        Point a = spline.get(spline.size() - 1);
        Point middle = new Point(label.centerX() * POINTS_PER_INCH, (height - label.centerY()) * POINTS_PER_INCH);
        Point b = rest.get(0);
        for (Point[] piece : new Point[][] {{a, middle}, {middle, b}}) {
          spline.add(between(piece[0], piece[1], 1.0 / 3));
          spline.add(between(piece[0], piece[1], 2.0 / 3));
          spline.add(piece[1]);
        }
        spline.addAll(rest.subList(1, rest.size()));
        double margin = 2 * GraphvizEngine.LABEL_MARGIN;
        NodeBox box = new NodeBox(e.index(), middle.x(), middle.y(), label.width() * POINTS_PER_INCH - margin,
            label.height() * POINTS_PER_INCH - margin);
        Point tip = tip(spline, target);
        edges.add(new EdgePath(e.index(), headRoom(spline, tip), tip, box));
      }
    }
    return new Layout(width * POINTS_PER_INCH, height * POINTS_PER_INCH, nodes, edges);
  }

  private static double[] route(Map<String, Deque<double[]>> splines, String from, String to, Graph graph, Edge e) {
    Deque<double[]> queue = splines.get(from + ">" + to);
    if (queue == null || queue.isEmpty()) {
      throw new LayoutException("Graphviz returned no route for an edge into " + graph.node(e.to()).id() + ".");
    }
    return queue.poll();
  }

  private static List<Point> points(double[] raw, double height) {
    List<Point> spline = new ArrayList<>();
    for (int i = 0; i < raw.length; i += 2) {
      spline.add(new Point(raw[i] * POINTS_PER_INCH, (height - raw[i + 1]) * POINTS_PER_INCH));
    }
    return spline;
  }

  private static Point between(Point a, Point b, double t) {
    return new Point(a.x() + (b.x() - a.x()) * t, a.y() + (b.y() - a.y()) * t);
  }

  /**
   * Where the arrowhead's point touches the target: the spline's end carried on along its last direction to the
   * target's border (the port the edge aims at) when that is near, else the nearest point of the border, or, when
   * that is far, towards the target's centre.
   */
  private static Point tip(List<Point> spline, NodeBox box) {
    Point end = spline.get(spline.size() - 1);
    Point before = spline.get(spline.size() - 2);
    double dx = end.x() - before.x();
    double dy = end.y() - before.y();
    double length = Math.hypot(dx, dy);
    if (length > 1e-6) {
      double enter = Double.NEGATIVE_INFINITY;
      double exit = Double.POSITIVE_INFINITY;
      double[][] slabs = {{end.x(), dx / length, box.centerX() - box.width() / 2, box.centerX() + box.width() / 2},
          {end.y(), dy / length, box.centerY() - box.height() / 2, box.centerY() + box.height() / 2}};
      for (double[] s : slabs) {
        if (Math.abs(s[1]) < 1e-9) {
          if (s[0] < s[2] || s[0] > s[3]) {
            exit = Double.NEGATIVE_INFINITY;
          }
          continue;
        }
        double t1 = (s[2] - s[0]) / s[1];
        double t2 = (s[3] - s[0]) / s[1];
        enter = Math.max(enter, Math.min(t1, t2));
        exit = Math.min(exit, Math.max(t1, t2));
      }
      if (enter <= exit && enter >= 0 && enter <= 1.5 * ARROW) {
        return new Point(end.x() + dx / length * enter, end.y() + dy / length * enter);
      }
    }
    // A spline that ends running nearly along the box's side would carry its head on far along it, drawn long and
    // wide: the head goes instead to the nearest point of the box, as Graphviz aims it at its port.
    Point near = new Point(Math.max(box.left(), Math.min(box.left() + box.width(), end.x())),
        Math.max(box.top(), Math.min(box.top() + box.height(), end.y())));
    double gap = Math.hypot(near.x() - end.x(), near.y() - end.y());
    if (gap > ARROW / 4 && gap <= 1.5 * ARROW) {
      return near;
    }
    return towardsCentre(end, box);
  }

  /**
   * The spline with room for a whole arrowhead before {@code tip}: where Graphviz ends a line nearer its port than
   * a head's length (an edge into a port at a box's corner), the last piece is cut where it is a head's length from
   * the tip, so that every head is drawn as long as every other.
   */
  private static List<Point> headRoom(List<Point> spline, Point tip) {
    int last = spline.size() - 4;
    Point end = spline.get(spline.size() - 1);
    if (end.distance(tip) >= 0.8 * ARROW || spline.get(last).distance(tip) < ARROW + 2) {
      return spline;
    }
    List<Point> piece = spline.subList(last, spline.size());
    double lo = 0;
    double hi = 1;
    for (int i = 0; i < 50; i++) {
      double t = (lo + hi) / 2;
      if (Legs.point(piece, t).distance(tip) > ARROW) {
        lo = t;
      } else {
        hi = t;
      }
    }
    List<Point> cut = new ArrayList<>(spline.subList(0, last));
    cut.addAll(firstPart(piece, lo));
    return cut;
  }

  /** The part of the B&eacute;zier piece {@code c} from 0 to {@code t}, as four control points (de Casteljau). */
  private static List<Point> firstPart(List<Point> c, double t) {
    Point ab = between(c.get(0), c.get(1), t);
    Point bc = between(c.get(1), c.get(2), t);
    Point cd = between(c.get(2), c.get(3), t);
    Point abc = between(ab, bc, t);
    Point bcd = between(bc, cd, t);
    return List.of(c.get(0), ab, abc, between(abc, bcd, t));
  }

  /** The arrowhead's length as Graphviz draws it, in points. */
  private static final double ARROW = 10;

  /** Where a straight line from the spline's end towards the target's centre meets the target's border. */
  private static Point towardsCentre(Point end, NodeBox box) {
    double dx = box.centerX() - end.x();
    double dy = box.centerY() - end.y();
    double sx = dx == 0 ? Double.POSITIVE_INFINITY : (box.width() / 2) / Math.abs(dx);
    double sy = dy == 0 ? Double.POSITIVE_INFINITY : (box.height() / 2) / Math.abs(dy);
    double t = 1 - Math.min(1, Math.min(sx, sy));
    return new Point(end.x() + dx * t, end.y() + dy * t);
  }

  private static double[] points(String[] f) {
    int n = Integer.parseInt(f[3]);
    double[] raw = new double[2 * n];
    for (int i = 0; i < 2 * n; i++) {
      raw[i] = number(f[4 + i]);
    }
    return raw;
  }

  private static double number(String text) {
    return Double.parseDouble(text);
  }
}
