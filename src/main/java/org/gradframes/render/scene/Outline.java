package org.gradframes.render.scene;

import java.util.ArrayList;
import java.util.List;
import org.gradframes.layout.Point;

/**
 * The outline of a drawn node, a rounded rectangle (a circle or a capsule when the radius is half its height): where
 * its edges must start and their arrows end, whatever box the layout engine ended them on.
 */
record Outline(double left, double top, double width, double height, double radius) {
  /** Closer than this, in points, a line's end is on the outline. */
  private static final double ON = 0.25;
  private static final double STEP = 0.5;

  Outline {
    radius = Math.max(0, Math.min(radius, Math.min(width, height) / 2));
  }

  /**
   * How far from this outline a line may end on its box and still be carried on to it: the gap a rounded corner
   * leaves between the box and the outline, and a little more.
   */
  double rounding() {
    return radius * (Math.sqrt(2) - 1) + 2;
  }

  /** The signed distance of {@code p} from the outline: negative inside. */
  double signed(Point p) {
    double qx = Math.abs(p.x() - (left + width / 2)) - (width / 2 - radius);
    double qy = Math.abs(p.y() - (top + height / 2)) - (height / 2 - radius);
    return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - radius;
  }

  /** The point of the outline nearest to {@code p}, for a point outside. */
  Point nearest(Point p) {
    double cx = Math.max(left + radius, Math.min(left + width - radius, p.x()));
    double cy = Math.max(top + radius, Math.min(top + height - radius, p.y()));
    double d = Math.hypot(p.x() - cx, p.y() - cy);
    if (d == 0) {
      return p;
    }
    return new Point(cx + (p.x() - cx) / d * radius, cy + (p.y() - cy) / d * radius);
  }

  /**
   * Where the ray from {@code from} in the direction ({@code dx}, {@code dy}) (a unit vector) first meets the
   * outline, looking no further than {@code reach}; null if it never does.
   */
  Point hit(Point from, double dx, double dy, double reach) {
    double t = 0;
    double previous = signed(from);
    if (previous <= 0) {
      return null;
    }
    while (t < reach) {
      double next = signed(at(from, dx, dy, t + STEP));
      if (next <= 0) {
        double lo = t;
        double hi = t + STEP;
        for (int i = 0; i < 30; i++) {
          double mid = (lo + hi) / 2;
          if (signed(at(from, dx, dy, mid)) > 0) {
            lo = mid;
          } else {
            hi = mid;
          }
        }
        return at(from, dx, dy, hi);
      }
      t += STEP;
    }
    return null;
  }

  private static Point at(Point from, double dx, double dy, double t) {
    return new Point(from.x() + dx * t, from.y() + dy * t);
  }

  /**
   * Where an arrow into this outline ends: its tip moved along the arrow's line onto the outline (or, when that line
   * misses it, to the nearest point of it), the line that ends at the arrowhead's base carried on straight in
   * {@code points} so that the head keeps its length. A tip further than {@code reach} from the outline is left
   * where it is: the layout lost that edge, and carrying it on would hide it.
   */
  Point arrowInto(List<Point> points, Point tip, double reach) {
    double off = signed(tip);
    if (Math.abs(off) <= ON || off > reach) {
      return tip;
    }
    Point base = points.get(points.size() - 1);
    double head = base.distance(tip);
    if (head == 0 || signed(base) <= 0) {
      return tip;
    }
    double dx = (tip.x() - base.x()) / head;
    double dy = (tip.y() - base.y()) / head;
    Point end = hit(base, dx, dy, head + width + height);
    if (end == null) {
      end = nearest(base);
      double d = base.distance(end);
      dx = (end.x() - base.x()) / d;
      dy = (end.y() - base.y()) / d;
    }
    Point newBase = new Point(end.x() - dx * head, end.y() - dy * head);
    if (base.distance(newBase) > 0.01) {
      points.addAll(straight(base, newBase));
    }
    return end;
  }

  /** {@code points} with the line's start moved back onto this outline along its first piece, when it is off it. */
  List<Point> startOn(List<Point> points, double reach) {
    Point start = points.get(0);
    if (signed(start) <= ON || signed(start) > reach) {
      return points;
    }
    Point next = null;
    for (Point p : points) {
      if (p.distance(start) > 0.01) {
        next = p;
        break;
      }
    }
    if (next == null) {
      return points;
    }
    double d = next.distance(start);
    Point from = hit(start, (start.x() - next.x()) / d, (start.y() - next.y()) / d, width + height);
    if (from == null) {
      from = nearest(start);
    }
    List<Point> moved = new ArrayList<>();
    moved.add(from);
    moved.addAll(straight(from, start));
    moved.addAll(points.subList(1, points.size()));
    return moved;
  }

  /** The three control points of a straight cubic piece from {@code a} to {@code b}. */
  private static List<Point> straight(Point a, Point b) {
    return List.of(new Point(a.x() + (b.x() - a.x()) / 3, a.y() + (b.y() - a.y()) / 3),
        new Point(a.x() + 2 * (b.x() - a.x()) / 3, a.y() + 2 * (b.y() - a.y()) / 3), b);
  }

  /** Half an arrowhead's width at its base, as a share of its length. */
  private static final double ARROW_HALF_WIDTH = 0.45;

  /** A dot of radius {@code radius} about {@code centre}, as a polygon of 16 corners. */
  static List<Point> dot(Point centre, double radius) {
    List<Point> corners = new java.util.ArrayList<>();
    for (int k = 0; k < 16; k++) {
      double angle = 2 * Math.PI * k / 16;
      corners.add(new Point(centre.x() + radius * Math.cos(angle), centre.y() + radius * Math.sin(angle)));
    }
    return corners;
  }

  /** An arrowhead from the end of a line to the target; it widens with the line so thick lines keep a head. */
  static List<Point> arrowhead(Point base, Point tip, double lineWidth) {
    double dx = tip.x() - base.x();
    double dy = tip.y() - base.y();
    double length = Math.hypot(dx, dy);
    double half = length == 0 ? 0 : Math.max(ARROW_HALF_WIDTH, lineWidth * 1.3 / length);
    return List.of(tip, new Point(base.x() - dy * half, base.y() + dx * half),
        new Point(base.x() + dy * half, base.y() - dx * half));
  }
}
