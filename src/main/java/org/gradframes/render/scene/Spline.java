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
    double[] best = {spline.get(0).x(), spline.get(0).y(), 0};
    double distance = Double.POSITIVE_INFINITY;
    for (int s = 0; s + 3 < spline.size(); s += 3) {
      for (int k = 0; k <= 32; k++) {
        Point q = bezier(spline, s, k / 32.0);
        double d = Math.hypot(q.x() - p.x(), q.y() - p.y());
        if (d < distance) {
          distance = d;
          Point a = bezier(spline, s, Math.max(0, k - 1) / 32.0);
          Point b = bezier(spline, s, Math.min(32, k + 1) / 32.0);
          best = new double[] {q.x(), q.y(), Math.abs(b.y() - a.y()) > Math.abs(b.x() - a.x()) ? 1 : 0};
        }
      }
    }
    return best;
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
