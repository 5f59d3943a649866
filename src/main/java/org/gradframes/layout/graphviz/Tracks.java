package org.gradframes.layout.graphviz;

import java.util.ArrayList;
import java.util.List;
import org.gradframes.graph.Graph;
import org.gradframes.layout.EdgePath;
import org.gradframes.layout.Layout;
import org.gradframes.layout.Point;

/**
 * Whether two edges' lines run along one track: walked a point at a time, one stays within {@link #NEAR} of the
 * other for more than {@link #RUN} points, which the eye reads as one line (two lines side by side, or crossing at
 * so small an angle that they seem to merge).
 */
final class Tracks {
  /** How near two lines are one line to the eye, in points. */
  private static final double NEAR = 1.5;
  /** How long two lines may run within {@link #NEAR} of each other, in points. */
  private static final double RUN = 8;
  /** How many straight pieces stand for a bent B&eacute;zier piece. */
  private static final int PIECES = 16;

  private Tracks() {}

  /** Whether the splines {@code a} and {@code b} (cubic B&eacute;zier pieces, 3n+1 points) run along one track. */
  static boolean together(List<Point> a, List<Point> b) {
    List<Point> p = flat(a);
    List<Point> q = flat(b);
    if (apart(p, q)) {
      return false;
    }
    double run = 0;
    for (int i = 1; i < p.size(); i++) {
      Point from = p.get(i - 1);
      Point to = p.get(i);
      double length = Math.hypot(to.x() - from.x(), to.y() - from.y());
      int steps = Math.max(1, (int) Math.ceil(length));
      for (int k = 1; k <= steps; k++) {
        double t = (double) k / steps;
        Point s = new Point(from.x() + t * (to.x() - from.x()), from.y() + t * (to.y() - from.y()));
        run = distance(s, q) <= NEAR ? run + length / steps : 0;
        if (run > RUN) {
          return true;
        }
      }
    }
    return false;
  }

  /** How many pairs of edges of different sources in {@code layout} run along one track. */
  static int together(Layout layout, Graph graph) {
    List<EdgePath> edges = layout.edges();
    int pairs = 0;
    for (int i = 0; i < edges.size(); i++) {
      for (int j = i + 1; j < edges.size(); j++) {
        EdgePath a = edges.get(i);
        EdgePath b = edges.get(j);
        if (graph.edges().get(a.edge()).from() != graph.edges().get(b.edge()).from()
            && together(a.spline(), b.spline())) {
          pairs++;
        }
      }
    }
    return pairs;
  }

  private static List<Point> flat(List<Point> spline) {
    List<Point> points = new ArrayList<>();
    points.add(spline.get(0));
    for (int s = 0; s + 3 < spline.size(); s += 3) {
      List<Point> piece = spline.subList(s, s + 4);
      for (int k = 1; k <= PIECES; k++) {
        points.add(Legs.point(piece, (double) k / PIECES));
      }
    }
    return points;
  }

  /** Whether the boxes around the two polylines are further apart than {@link #NEAR}. */
  private static boolean apart(List<Point> p, List<Point> q) {
    double[] a = bounds(p);
    double[] b = bounds(q);
    return a[0] > b[2] + NEAR || b[0] > a[2] + NEAR || a[1] > b[3] + NEAR || b[1] > a[3] + NEAR;
  }

  private static double[] bounds(List<Point> points) {
    double[] box = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
        Double.NEGATIVE_INFINITY};
    for (Point p : points) {
      box[0] = Math.min(box[0], p.x());
      box[1] = Math.min(box[1], p.y());
      box[2] = Math.max(box[2], p.x());
      box[3] = Math.max(box[3], p.y());
    }
    return box;
  }

  private static double distance(Point s, List<Point> line) {
    double best = Double.POSITIVE_INFINITY;
    for (int i = 1; i < line.size(); i++) {
      Point a = line.get(i - 1);
      Point b = line.get(i);
      double dx = b.x() - a.x();
      double dy = b.y() - a.y();
      double squared = dx * dx + dy * dy;
      double t = squared == 0 ? 0 : Math.max(0, Math.min(1, ((s.x() - a.x()) * dx + (s.y() - a.y()) * dy) / squared));
      best = Math.min(best, Math.hypot(a.x() + t * dx - s.x(), a.y() + t * dy - s.y()));
    }
    return best;
  }
}
