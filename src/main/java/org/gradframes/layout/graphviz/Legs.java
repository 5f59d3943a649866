package org.gradframes.layout.graphviz;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.gradframes.layout.Direction;
import org.gradframes.layout.NodeBox;
import org.gradframes.layout.Point;

/**
 * Redraws a leg of an edge that crosses one gap between ranks as an S-curve leaving and entering along the rank
 * direction, when nothing stands in its way. Graphviz routes such a leg inside a box of free space and, when the
 * leg is long and the gap narrow, bends it onto that box's border, where the legs of neighbouring edges into one
 * node (a record's ports side by side) then run along one line. The S-curve keeps Graphviz's ends, so its order
 * among the other legs, and so the crossings, stay Graphviz's; it is used only when it keeps clear of every box.
 */
final class Legs {
  /** Room kept between a redrawn leg and any box it does not start or end at, in points. */
  private static final double CLEAR = 2;
  /** How many straight pieces stand for the curve when it is tested against the boxes. */
  private static final int PIECES = 24;

  private final Direction direction;
  private final List<NodeBox> boxes = new ArrayList<>();

  Legs(Direction direction, List<NodeBox> nodes, Map<Integer, NodeBox> labels) {
    this.direction = direction;
    boxes.addAll(nodes);
    boxes.addAll(labels.values());
  }

  /**
   * The leg {@code leg} from box {@code from} to box {@code to} as an S-curve with the same ends, or the leg
   * itself when it is more than one B&eacute;zier piece or the S-curve would pass near another box.
   */
  List<Point> smooth(List<Point> leg, NodeBox from, NodeBox to) {
    if (leg.size() != 4) {
      return leg;
    }
    Point a = leg.get(0);
    Point d = leg.get(3);
    boolean down = direction == Direction.TB;
    double along = down ? d.y() - a.y() : d.x() - a.x();
    if (along < 2 * CLEAR) {
      return leg;
    }
    Point b = down ? new Point(a.x(), a.y() + along / 2) : new Point(a.x() + along / 2, a.y());
    Point c = down ? new Point(d.x(), d.y() - along / 2) : new Point(d.x() - along / 2, d.y());
    List<Point> curve = List.of(a, b, c, d);
    List<Point> samples = new ArrayList<>();
    for (int i = 0; i <= PIECES; i++) {
      samples.add(point(curve, (double) i / PIECES));
    }
    return clear(samples, boxes, from, to) ? new ArrayList<>(curve) : leg;
  }

  private static boolean clear(List<Point> samples, Collection<NodeBox> boxes, NodeBox from, NodeBox to) {
    double x0 = Double.POSITIVE_INFINITY;
    double y0 = Double.POSITIVE_INFINITY;
    double x1 = Double.NEGATIVE_INFINITY;
    double y1 = Double.NEGATIVE_INFINITY;
    for (Point p : samples) {
      x0 = Math.min(x0, p.x());
      y0 = Math.min(y0, p.y());
      x1 = Math.max(x1, p.x());
      y1 = Math.max(y1, p.y());
    }
    for (NodeBox box : boxes) {
      if (box == from || box == to) {
        continue;
      }
      double left = box.left() - CLEAR;
      double top = box.top() - CLEAR;
      double right = box.left() + box.width() + CLEAR;
      double bottom = box.top() + box.height() + CLEAR;
      if (right < x0 || left > x1 || bottom < y0 || top > y1) {
        continue;
      }
      for (int i = 1; i < samples.size(); i++) {
        if (crosses(samples.get(i - 1), samples.get(i), left, top, right, bottom)) {
          return false;
        }
      }
    }
    return true;
  }

  /** Whether the segment from {@code p} to {@code q} meets the rectangle (Liang and Barsky's clipping). */
  private static boolean crosses(Point p, Point q, double left, double top, double right, double bottom) {
    double dx = q.x() - p.x();
    double dy = q.y() - p.y();
    double[] towards = {-dx, dx, -dy, dy};
    double[] room = {p.x() - left, right - p.x(), p.y() - top, bottom - p.y()};
    double enter = 0;
    double leave = 1;
    for (int k = 0; k < 4; k++) {
      if (towards[k] == 0) {
        if (room[k] < 0) {
          return false;
        }
      } else {
        double t = room[k] / towards[k];
        if (towards[k] < 0) {
          enter = Math.max(enter, t);
        } else {
          leave = Math.min(leave, t);
        }
      }
    }
    return enter <= leave;
  }

  private static Point point(List<Point> c, double t) {
    double u = 1 - t;
    double w0 = u * u * u;
    double w1 = 3 * u * u * t;
    double w2 = 3 * u * t * t;
    double w3 = t * t * t;
    return new Point(w0 * c.get(0).x() + w1 * c.get(1).x() + w2 * c.get(2).x() + w3 * c.get(3).x(),
        w0 * c.get(0).y() + w1 * c.get(1).y() + w2 * c.get(2).y() + w3 * c.get(3).y());
  }
}
