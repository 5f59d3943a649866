package org.gradframes.render.scene;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import org.gradframes.graph.Edge;
import org.gradframes.graph.Graph;
import org.gradframes.layout.Layout;
import org.gradframes.layout.Point;

/**
 * Where edges of one source that leave it along one line part ways. A dot is drawn there, as on a circuit diagram,
 * so that a branch reads as a branch and a line that crosses another without a dot reads as a crossing: with edges
 * at right angles, a crossing and a branch look alike.
 */
final class Junctions {
  /** How far apart two lines may be and still be one line, in points. */
  private static final double SAME = 0.75;
  /** How long two lines must run as one before they part for the parting to be a branch, in points. */
  private static final double TRUNK = 4;
  /** How near two partings are one junction, in points. */
  private static final double MERGED = 3;
  private static final int PIECES = 16;

  private Junctions() {}

  /**
   * The junctions of the drawn edges ({@code shown}), by the edge drawn last of those that part there (its line
   * lies on top of the others', so the dot takes its colour), in layout coordinates.
   */
  static Map<Integer, List<Point>> of(Graph graph, Layout layout, IntPredicate shown) {
    Map<Integer, List<Integer>> bySource = new HashMap<>();
    for (Edge e : graph.edges()) {
      if (shown.test(e.index())) {
        bySource.computeIfAbsent(e.from(), k -> new ArrayList<>()).add(e.index());
      }
    }
    Map<Integer, List<Point>> owned = new HashMap<>();
    for (int source = 0; source < graph.size(); source++) {
      List<Integer> edges = bySource.getOrDefault(source, List.of());
      List<Point> found = new ArrayList<>();
      for (int i = 0; i < edges.size(); i++) {
        for (int j = i + 1; j < edges.size(); j++) {
          int a = edges.get(i);
          int b = edges.get(j);
          Point parting = parting(line(layout, a), line(layout, b));
          if (parting != null && found.stream().noneMatch(p -> p.distance(parting) < MERGED)) {
            found.add(parting);
            owned.computeIfAbsent(Math.max(a, b), k -> new ArrayList<>()).add(parting);
          }
        }
      }
    }
    return owned;
  }

  private static List<Point> line(Layout layout, int edge) {
    List<Point> spline = layout.edges().get(edge).spline();
    List<Point> points = new ArrayList<>();
    points.add(spline.get(0));
    for (int s = 0; s + 3 < spline.size(); s += 3) {
      for (int k = 1; k <= PIECES; k++) {
        points.add(Spline.bezier(spline, s, (double) k / PIECES));
      }
    }
    return points;
  }

  /**
   * Where the polylines {@code a} and {@code b}, which start together, part: the last point of {@code a}, walked a
   * point at a time, still on {@code b}; null when they do not start together, part within {@link #TRUNK}, or do not
   * part before one of them ends.
   */
  static Point parting(List<Point> a, List<Point> b) {
    if (a.get(0).distance(b.get(0)) > SAME) {
      return null;
    }
    double walked = 0;
    Point last = a.get(0);
    for (int i = 1; i < a.size(); i++) {
      Point from = a.get(i - 1);
      Point to = a.get(i);
      double length = from.distance(to);
      int steps = Math.max(1, (int) Math.ceil(length));
      for (int k = 1; k <= steps; k++) {
        double t = (double) k / steps;
        Point p = new Point(from.x() + t * (to.x() - from.x()), from.y() + t * (to.y() - from.y()));
        if (distance(p, b) > SAME) {
          boolean ends = last.distance(b.get(b.size() - 1)) < TRUNK;
          return walked >= TRUNK && !ends ? last : null;
        }
        walked += length / steps;
        last = p;
      }
    }
    return null;
  }

  private static double distance(Point p, List<Point> line) {
    double best = Double.POSITIVE_INFINITY;
    for (int i = 1; i < line.size(); i++) {
      Point a = line.get(i - 1);
      Point b = line.get(i);
      double dx = b.x() - a.x();
      double dy = b.y() - a.y();
      double squared = dx * dx + dy * dy;
      double t = squared == 0 ? 0 : Math.max(0, Math.min(1, ((p.x() - a.x()) * dx + (p.y() - a.y()) * dy) / squared));
      best = Math.min(best, Math.hypot(a.x() + t * dx - p.x(), a.y() + t * dy - p.y()));
    }
    return best;
  }
}
