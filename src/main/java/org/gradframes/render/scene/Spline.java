package org.gradframes.render.scene;

import java.util.List;
import org.gradframes.layout.Point;

/** The geometry of a cubic B&eacute;zier spline as the layout gives it: a start point, then groups of three. */
final class Spline {
  private Spline() {}

  /**
   * The point of a B&eacute;zier spline (a start point, then groups of three) nearest to {@code p}: its x and y, and
   * 1 where the spline runs more down than across there, else 0.
   */
  static double[] nearest(List<Point> spline, Point p) {
    int piece = 0;
    int step = 0;
    double distance = Double.POSITIVE_INFINITY;
    for (int s = 0; s + 3 < spline.size(); s += 3) {
      for (int k = 0; k <= STEPS; k++) {
        Point q = bezier(spline, s, (double) k / STEPS);
        double d = Math.hypot(q.x() - p.x(), q.y() - p.y());
        if (d < distance) {
          distance = d;
          piece = s;
          step = k;
        }
      }
    }
    // The nearest sample is within a step of the nearest point: a long straight piece's samples are tens of points
    // apart, so the point is found between the neighbouring samples, by ternary search.
    double lo = Math.max(0, step - 1.0) / STEPS;
    double hi = Math.min(STEPS, step + 1.0) / STEPS;
    for (int i = 0; i < 60; i++) {
      double m1 = lo + (hi - lo) / 3;
      double m2 = hi - (hi - lo) / 3;
      if (apart(bezier(spline, piece, m1), p) <= apart(bezier(spline, piece, m2), p)) {
        hi = m2;
      } else {
        lo = m1;
      }
    }
    double t = (lo + hi) / 2;
    Point q = bezier(spline, piece, t);
    Point a = bezier(spline, piece, Math.max(0, t - 1.0 / STEPS));
    Point b = bezier(spline, piece, Math.min(1, t + 1.0 / STEPS));
    return new double[] {q.x(), q.y(), Math.abs(b.y() - a.y()) > Math.abs(b.x() - a.x()) ? 1 : 0};
  }

  private static final int STEPS = 32;

  private static double apart(Point a, Point b) {
    return Math.hypot(a.x() - b.x(), a.y() - b.y());
  }

  /** The point at {@code t} of the cubic Bézier piece that starts at control point {@code s}. */
  static Point bezier(List<Point> spline, int s, double t) {
    double u = 1 - t;
    double a = u * u * u;
    double b = 3 * u * u * t;
    double c = 3 * u * t * t;
    double d = t * t * t;
    return new Point(a * spline.get(s).x() + b * spline.get(s + 1).x() + c * spline.get(s + 2).x()
        + d * spline.get(s + 3).x(), a * spline.get(s).y() + b * spline.get(s + 1).y() + c * spline.get(s + 2).y()
        + d * spline.get(s + 3).y());
  }
}
