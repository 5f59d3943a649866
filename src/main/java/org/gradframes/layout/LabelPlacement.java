package org.gradframes.layout;

import java.util.ArrayList;
import java.util.List;

/**
 * Labels placed on straight edges: each label's box centred on its own segment, at the point nearest one end where
 * it overlaps no node box, arrowhead or other label and (when {@code strict}) no other edge runs through it.
 */
final class LabelPlacement {
  /** Space kept between a label and a node box, another label or another edge, in points. */
  static final double CLEARANCE = 5;
  /**
   * Space kept between two labels, in points: two labels 5 pt apart, one above the other on nearly parallel edges,
   * read as one stack, and the line into the lower seemed to enter at the seam between them.
   */
  static final double LABEL_GAP = 10;
  /** The length of an arrowhead and the space before it that no label covers; and the stretch after a start. */
  private static final double HEAD = 12;
  private static final double TAIL = 10;
  /** Candidate positions per segment, from its start to its end. */
  private static final int STEPS = 120;

  private final List<Point[]> segments;
  private final List<Rect> boxes;
  private final List<Size> sizes;
  private final Rect[] placed;
  private final boolean[] nearSource;
  /** Where each edge's arrowhead (and the space before it) begins, and where the stretch after its start ends. */
  private final Point[] heads;
  private final Point[] tails;
  private int misses;

  /** An axis-aligned rectangle. */
  record Rect(double left, double top, double right, double bottom) {
    static Rect around(double cx, double cy, double width, double height) {
      return new Rect(cx - width / 2, cy - height / 2, cx + width / 2, cy + height / 2);
    }

    Rect grown(double d) {
      return new Rect(left - d, top - d, right + d, bottom + d);
    }

    boolean overlaps(Rect o) {
      return left < o.right && o.left < right && top < o.bottom && o.top < bottom;
    }

    /** Whether the segment from {@code a} to {@code b} enters this rectangle (Liang–Barsky clipping). */
    boolean crossedBy(Point a, Point b) {
      double[] range = {0, 1};
      double dx = b.x() - a.x();
      double dy = b.y() - a.y();
      return clip(-dx, a.x() - left, range) && clip(dx, right - a.x(), range) && clip(-dy, a.y() - top, range)
          && clip(dy, bottom - a.y(), range) && range[0] < range[1];
    }

    private static boolean clip(double p, double q, double[] range) {
      if (p == 0) {
        return q >= 0;
      }
      double r = q / p;
      if (p < 0) {
        range[0] = Math.max(range[0], r);
      } else {
        range[1] = Math.min(range[1], r);
      }
      return range[0] <= range[1];
    }
  }

  /**
   * Placement of the labels of {@code sizes} (by edge, null for none) on {@code segments} (start and tip of each
   * edge), around node {@code boxes}, each as near its target as it can be, or its source where {@code nearSource}
   * says so.
   */
  LabelPlacement(List<Point[]> segments, List<Size> sizes, List<Rect> boxes, boolean[] nearSource) {
    this.segments = segments;
    this.nearSource = nearSource;
    this.sizes = sizes;
    this.boxes = boxes;
    this.placed = new Rect[segments.size()];
    this.heads = new Point[segments.size()];
    this.tails = new Point[segments.size()];
    for (int e = 0; e < heads.length; e++) {
      Point[] s = segments.get(e);
      double length = s[0].distance(s[1]);
      heads[e] = along(s, length <= HEAD ? 0 : 1 - HEAD / length);
      tails[e] = along(s, length <= TAIL ? 1 : TAIL / length);
    }
  }

  /**
   * Places every label, edges in {@code order}; returns the edges whose label found no place (strict: none without
   * an edge through it), each then placed where the fewest edges run through it.
   */
  List<Integer> place(List<Integer> order, boolean strict) {
    List<Integer> failed = new ArrayList<>();
    for (int e : order) {
      if (sizes.get(e) != null && !placeOne(e, strict)) {
        failed.add(e);
      }
    }
    return failed;
  }

  /** The label box of edge {@code e}, or null. */
  Rect label(int e) {
    return placed[e];
  }

  /** How many labels ended with another edge through them or on a box or label. */
  int misses() {
    return misses;
  }

  private static Point along(Point[] s, double t) {
    return new Point(s[0].x() + (s[1].x() - s[0].x()) * t, s[0].y() + (s[1].y() - s[0].y()) * t);
  }

  private boolean placeOne(int e, boolean strict) {
    Point a = segments.get(e)[0];
    Point b = segments.get(e)[1];
    Size size = sizes.get(e);
    Rect best = null;
    int bestCost = Integer.MAX_VALUE;
    // From the end where fewer edges meet toward the other: the first place that is free wins.
    for (int k = 1; k < STEPS; k++) {
      double t = nearSource[e] ? (double) k / STEPS : 1 - (double) k / STEPS;
      Rect r = Rect.around(a.x() + (b.x() - a.x()) * t, a.y() + (b.y() - a.y()) * t, size.width(), size.height());
      int cost = cost(e, r, strict ? 1 : bestCost);
      if (cost == 0) {
        placed[e] = r;
        return true;
      }
      if (cost < bestCost) {
        bestCost = cost;
        best = r;
      }
    }
    placed[e] = best;
    misses++;
    return !strict && bestCost < 1000;
  }

  /**
   * 1000 for each box, label ({@link #LABEL_GAP} apart) or arrowhead {@code r} touches, 1 for each other edge through it; counted only until
   * {@code limit} is reached.
   */
  private int cost(int e, Rect r, int limit) {
    int cost = 0;
    Rect clear = r.grown(CLEARANCE);
    Rect apart = r.grown(LABEL_GAP);
    for (int o = 0; o < segments.size() && cost < limit; o++) {
      cost += clear.crossedBy(heads[o], segments.get(o)[1]) || clear.crossedBy(segments.get(o)[0], tails[o])
          ? 1000 : 0;
    }
    for (int o = 0; o < boxes.size() && cost < limit; o++) {
      cost += clear.overlaps(boxes.get(o)) ? 1000 : 0;
    }
    for (int o = 0; o < placed.length && cost < limit; o++) {
      cost += o != e && placed[o] != null && apart.overlaps(placed[o]) ? 1000 : 0;
    }
    for (int o = 0; o < segments.size() && cost < limit; o++) {
      cost += o != e && clear.crossedBy(segments.get(o)[0], segments.get(o)[1]) ? 1 : 0;
    }
    return cost;
  }
}
