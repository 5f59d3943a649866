package org.gradframes.layout.graphviz;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import org.gradframes.layout.Direction;
import org.gradframes.layout.NodeBox;
import org.gradframes.layout.Point;

/**
 * Redraws a leg of an edge that crosses one gap between ranks as an S-curve leaving and entering along the rank
 * direction, when nothing stands in its way. Graphviz routes such a leg inside a box of free space and, when the
 * leg is long and the gap narrow, bends it onto that box's border, where the legs of neighbouring edges into one
 * node (a record's ports side by side) then run along one line. The S-curve keeps Graphviz's ends, so its order
 * among the other legs, and so the crossings, stay Graphviz's; it is used only when it keeps clear of every box
 * and of every other edge's line.
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
   * One leg of an edge, as Graphviz routed it: from a node or a label's box to the node or label's box it runs into,
   * {@code fromLabel} and {@code toLabel} saying which ends are labels'.
   */
  record Leg(int source, List<Point> routed, NodeBox from, NodeBox to, boolean fromLabel, boolean toLabel) {}

  /**
   * The legs, each as Graphviz routed it or as an S-curve with the same ends: a leg of one B&eacute;zier piece
   * becomes one whenever the curve keeps clear of every box, a leg of several pieces only when Graphviz's route runs
   * along another edge's; either way never when the curve itself would run along another edge's leg.
   */
  List<List<Point>> smooth(List<Leg> legs) {
    List<List<Point>> drawn = new ArrayList<>();
    Tracks.Grid grid = new Tracks.Grid();
    for (int i = 0; i < legs.size(); i++) {
      Leg leg = legs.get(i);
      List<Point> sided = sided(leg);
      drawn.add(clear(samples(sided), boxes, leg.from(), leg.to()) ? sided : leg.routed());
      grid.put(i, new Tracks.Track(drawn.get(i)));
    }
    for (int i = 0; i < legs.size(); i++) {
      Leg leg = legs.get(i);
      List<Point> points = drawn.get(i);
      int source = leg.source();
      IntPredicate others = j -> legs.get(j).source() != source;
      boolean along = grid.along(new Tracks.Track(points), others, Tracks.NEAR);
      // A leg that runs along the border of a box not its own passes where that box's edges leave it: redrawn,
      // it keeps further from every box than the border it ran along.
      boolean hugs = Tracks.hugs(points, boxes, b -> b == leg.from() || b == leg.to());
      List<Point> better = along || hugs || points.size() == 4
          ? curve(leg, grid, others, hugs ? Tracks.HUG + 1 : CLEAR) : null;
      for (int k = 0; better == null && along && k < SHIFTS.length; k++) {
        List<Point> shifted = shifted(points, SHIFTS[k]);
        if (clear(samples(shifted), boxes, leg.from(), leg.to()) && !grid.along(new Tracks.Track(shifted), others, Tracks.NEAR)) {
          better = shifted;
        }
      }
      if (better != null) {
        drawn.set(i, better);
        grid.put(i, new Tracks.Track(better));
      }
    }
    return drawn;
  }

  /**
   * The leg as Graphviz routed it, but running into a label's box and out of it in the middle of the box's sides
   * across the rank direction, along that direction, so that the line through the label runs straight along it: a
   * wire's value above it and gradient below (left and right, down the page) fill the box Graphviz kept free.
   */
  private List<Point> sided(Leg leg) {
    List<Point> points = leg.routed();
    if (leg.fromLabel()) {
      points = starting(points, leg.from(), direction);
    }
    return leg.toLabel() ? ending(points, leg.to(), direction) : points;
  }

  private static List<Point> ending(List<Point> leg, NodeBox box, Direction direction) {
    boolean down = direction == Direction.TB;
    Point end = down ? new Point(box.centerX(), box.top()) : new Point(box.left(), box.centerY());
    List<Point> moved = new ArrayList<>(leg);
    Point before = leg.get(leg.size() - 4);
    double reach = Math.min(SIDE_REACH, Math.abs(down ? end.y() - before.y() : end.x() - before.x()) / 2);
    moved.set(moved.size() - 1, end);
    moved.set(moved.size() - 2, down ? new Point(end.x(), end.y() - reach) : new Point(end.x() - reach, end.y()));
    return moved;
  }

  private static List<Point> starting(List<Point> leg, NodeBox box, Direction direction) {
    boolean down = direction == Direction.TB;
    Point start = down ? new Point(box.centerX(), box.top() + box.height())
        : new Point(box.left() + box.width(), box.centerY());
    List<Point> moved = new ArrayList<>(leg);
    Point after = leg.get(3);
    double reach = Math.min(SIDE_REACH, Math.abs(down ? after.y() - start.y() : after.x() - start.x()) / 2);
    moved.set(0, start);
    moved.set(1, down ? new Point(start.x(), start.y() + reach) : new Point(start.x() + reach, start.y()));
    return moved;
  }

  /** How far from a label's side a leg's last control point stands, at most, in points. */
  private static final double SIDE_REACH = 12;

  /** How far a leg that runs along another may be moved along the rank direction, in points, in the order tried. */
  private static final double[] SHIFTS = {3, -3, 5, -5};

  /** The leg with every point but its ends moved {@code shift} points along the rank direction. */
  private List<Point> shifted(List<Point> leg, double shift) {
    boolean down = direction == Direction.TB;
    List<Point> moved = new ArrayList<>(leg);
    for (int i = 1; i < leg.size() - 1; i++) {
      Point p = leg.get(i);
      moved.set(i, down ? new Point(p.x(), p.y() + shift) : new Point(p.x() + shift, p.y()));
    }
    return moved;
  }

  /** Points along the spline {@code leg} (cubic pieces), {@link #PIECES} to a piece. */
  private static List<Point> samples(List<Point> leg) {
    List<Point> samples = new ArrayList<>();
    samples.add(leg.get(0));
    for (int s = 0; s + 3 < leg.size(); s += 3) {
      for (int k = 1; k <= PIECES; k++) {
        samples.add(point(leg.subList(s, s + 4), (double) k / PIECES));
      }
    }
    return samples;
  }

  /**
   * Where along the gap an S-curve turns across, as a share of the gap, in the order tried: the middle first, then
   * nearer one end, so that two legs crossing one narrow gap in opposite directions cross at a steep angle instead
   * of running along each other through the middle.
   */
  private static final double[] TURNS = {0.5, 0.3, 0.7, 0.2, 0.8};

  /**
   * An S-curve from the first point of {@code leg} to its last, leaving and entering along the rank direction,
   * that keeps clear of every box but the leg's own ends and of every other source's line; null when there is none.
   */
  private List<Point> curve(Leg leg, Tracks.Grid grid, IntPredicate others, double margin) {
    List<Point> sided = sided(leg);
    Point a = sided.get(0);
    Point d = sided.get(sided.size() - 1);
    boolean down = direction == Direction.TB;
    double along = down ? d.y() - a.y() : d.x() - a.x();
    if (along < 2 * CLEAR) {
      return null;
    }
    for (double turn : TURNS) {
      double at = along * turn;
      Point b = down ? new Point(a.x(), a.y() + at) : new Point(a.x() + at, a.y());
      Point c = down ? new Point(d.x(), a.y() + at) : new Point(a.x() + at, d.y());
      List<Point> curve = List.of(a, b, c, d);
      if (clear(samples(curve), boxes, leg.from(), leg.to(), margin)
          && !grid.along(new Tracks.Track(curve), others, Tracks.NEAR)) {
        return new ArrayList<>(curve);
      }
    }
    return null;
  }

  private static boolean clear(List<Point> samples, Collection<NodeBox> boxes, NodeBox from, NodeBox to) {
    return clear(samples, boxes, from, to, CLEAR);
  }

  /** Whether the samples keep {@code margin} points from every box but {@code from} and {@code to}. */
  private static boolean clear(List<Point> samples, Collection<NodeBox> boxes, NodeBox from, NodeBox to,
      double margin) {
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
      double left = box.left() - margin;
      double top = box.top() - margin;
      double right = box.left() + box.width() + margin;
      double bottom = box.top() + box.height() + margin;
      if (right < x0 || left > x1 || bottom < y0 || top > y1) {
        continue;
      }
      for (int i = 1; i < samples.size(); i++) {
        if (box.meets(margin, samples.get(i - 1), samples.get(i))) {
          return false;
        }
      }
    }
    return true;
  }

  static Point point(List<Point> c, double t) {
    double u = 1 - t;
    double w0 = u * u * u;
    double w1 = 3 * u * u * t;
    double w2 = 3 * u * t * t;
    double w3 = t * t * t;
    return new Point(w0 * c.get(0).x() + w1 * c.get(1).x() + w2 * c.get(2).x() + w3 * c.get(3).x(),
        w0 * c.get(0).y() + w1 * c.get(1).y() + w2 * c.get(2).y() + w3 * c.get(3).y());
  }
}
