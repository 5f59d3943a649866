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
  static final double NEAR = 1.5;
  /** How near two lines are too near to follow apart on a slide, in points: the furthest a track is compared at. */
  static final double CLOSE = 3;
  /** How long two lines may run within {@link #NEAR} of each other, in points. */
  private static final double RUN = 8;
  /** How many straight pieces stand for a B&eacute;zier piece. */
  private static final int PIECES = 16;

  /** A spline as straight pieces, with the box around them: made once, compared with many others. */
  static final class Track {
    private final List<Point> points = new ArrayList<>();
    private double x0 = Double.POSITIVE_INFINITY;
    private double y0 = Double.POSITIVE_INFINITY;
    private double x1 = Double.NEGATIVE_INFINITY;
    private double y1 = Double.NEGATIVE_INFINITY;

    /** The track of {@code spline}, cubic B&eacute;zier pieces (3n+1 points). */
    Track(List<Point> spline) {
      add(spline.get(0));
      for (int s = 0; s + 3 < spline.size(); s += 3) {
        List<Point> piece = spline.subList(s, s + 4);
        for (int k = 1; k <= PIECES; k++) {
          add(Legs.point(piece, (double) k / PIECES));
        }
      }
    }

    private void add(Point p) {
      points.add(p);
      x0 = Math.min(x0, p.x());
      y0 = Math.min(y0, p.y());
      x1 = Math.max(x1, p.x());
      y1 = Math.max(y1, p.y());
    }

    /** The grid's squares this track passes within {@link #CLOSE} of. */
    List<Long> cells() {
      java.util.Set<Long> cells = new java.util.LinkedHashSet<>();
      for (int i = 1; i < points.size(); i++) {
        Point a = points.get(i - 1);
        Point b = points.get(i);
        int cx0 = (int) Math.floor((Math.min(a.x(), b.x()) - CLOSE) / Grid.CELL);
        int cx1 = (int) Math.floor((Math.max(a.x(), b.x()) + CLOSE) / Grid.CELL);
        int cy0 = (int) Math.floor((Math.min(a.y(), b.y()) - CLOSE) / Grid.CELL);
        int cy1 = (int) Math.floor((Math.max(a.y(), b.y()) + CLOSE) / Grid.CELL);
        for (int cx = cx0; cx <= cx1; cx++) {
          for (int cy = cy0; cy <= cy1; cy++) {
            cells.add(Grid.key(cx, cy));
          }
        }
      }
      return new ArrayList<>(cells);
    }

    /** Whether this track and {@code other} run within {@code near} points of each other for more than {@link #RUN}. */
    boolean along(Track other, double near) {
      if (x0 > other.x1 + near || other.x0 > x1 + near || y0 > other.y1 + near || other.y0 > y1 + near) {
        return false;
      }
      Grid grid = new Grid();
      grid.put(0, other);
      return grid.along(this, j -> true, near);
    }

    /** Whether the point {@code (x, y)} is within {@code near} points of this track. */
    private boolean near(double x, double y, double near) {
      for (int i = 1; i < points.size(); i++) {
        Point a = points.get(i - 1);
        Point b = points.get(i);
        if (Math.min(a.x(), b.x()) - near > x || Math.max(a.x(), b.x()) + near < x
            || Math.min(a.y(), b.y()) - near > y || Math.max(a.y(), b.y()) + near < y) {
          continue;
        }
        double dx = b.x() - a.x();
        double dy = b.y() - a.y();
        double squared = dx * dx + dy * dy;
        double t = squared == 0 ? 0 : Math.max(0, Math.min(1, ((x - a.x()) * dx + (y - a.y()) * dy) / squared));
        if (Math.hypot(a.x() + t * dx - x, a.y() + t * dy - y) <= near) {
          return true;
        }
      }
      return false;
    }
  }

  /**
   * Tracks filed by the squares of a grid they pass within {@link #CLOSE} of, so that a track is compared only with
   * the tracks that come near it, point by point, however many there are.
   */
  static final class Grid {
    private static final double CELL = 16;
    private final java.util.Map<Long, List<Integer>> cells = new java.util.HashMap<>();
    private final java.util.Map<Integer, Track> tracks = new java.util.HashMap<>();

    /** Files {@code track} under {@code index}, replacing the track filed under it before. */
    void put(int index, Track track) {
      Track old = tracks.put(index, track);
      if (old != null) {
        for (long cell : old.cells()) {
          cells.get(cell).remove(Integer.valueOf(index));
        }
      }
      for (long cell : track.cells()) {
        cells.computeIfAbsent(cell, k -> new ArrayList<>()).add(index);
      }
    }

    /**
     * Whether {@code track} runs along one track with a filed track that {@code others} accepts (by its index).
     */
    boolean along(Track track, java.util.function.IntPredicate others, double near) {
      java.util.Map<Integer, Double> runs = new java.util.HashMap<>();
      List<Point> points = track.points;
      for (int i = 1; i < points.size(); i++) {
        Point from = points.get(i - 1);
        Point to = points.get(i);
        double length = Math.hypot(to.x() - from.x(), to.y() - from.y());
        int steps = Math.max(1, (int) Math.ceil(length));
        for (int k = 1; k <= steps; k++) {
          double t = (double) k / steps;
          double x = from.x() + t * (to.x() - from.x());
          double y = from.y() + t * (to.y() - from.y());
          java.util.Map<Integer, Double> next = new java.util.HashMap<>();
          for (int j : cells.getOrDefault(key(x, y), List.of())) {
            if (others.test(j) && tracks.get(j).near(x, y, near)) {
              double run = runs.getOrDefault(j, 0.0) + length / steps;
              if (run > RUN) {
                return true;
              }
              next.put(j, run);
            }
          }
          runs = next;
        }
      }
      return false;
    }

    private static long key(double x, double y) {
      return key((int) Math.floor(x / CELL), (int) Math.floor(y / CELL));
    }

    private static long key(int column, int row) {
      return ((long) column << 32) | (row & 0xffffffffL);
    }
  }

  private Tracks() {}

  /** Whether the splines {@code a} and {@code b} (cubic B&eacute;zier pieces, 3n+1 points) run along one track. */
  static boolean together(List<Point> a, List<Point> b) {
    return new Track(a).along(new Track(b), NEAR);
  }

  /** How many edges of {@code layout} run within {@code near} points of an edge of another source. */
  static int together(Layout layout, Graph graph, double near) {
    List<EdgePath> edges = layout.edges();
    Grid grid = new Grid();
    List<Track> tracks = new ArrayList<>();
    for (int i = 0; i < edges.size(); i++) {
      tracks.add(new Track(edges.get(i).spline()));
      grid.put(i, tracks.get(i));
    }
    int count = 0;
    for (int i = 0; i < edges.size(); i++) {
      int source = graph.edges().get(edges.get(i).edge()).from();
      if (grid.along(tracks.get(i), j -> graph.edges().get(edges.get(j).edge()).from() != source, near)) {
        count++;
      }
    }
    return count;
  }

  /** How near a node's border another node's edge may run along it, in points, and for how long. */
  static final double HUG = 4;
  private static final double ALONG = 20;

  /**
   * How many edges of {@code layout} run along the border of a node other than their own two, within {@link #HUG}
   * of it for more than {@link #ALONG} points: such a line passes where that node's own edges leave it.
   */
  static int hugging(Layout layout, Graph graph) {
    int count = 0;
    for (EdgePath path : layout.edges()) {
      org.gradframes.graph.Edge e = graph.edges().get(path.edge());
      count += hugs(path.spline(), layout.nodes(), b -> b.node() == e.from() || b.node() == e.to()) ? 1 : 0;
    }
    return count;
  }

  /** Whether the spline runs along the border of one of {@code boxes} that {@code own} does not take as its own. */
  static boolean hugs(List<Point> spline, java.util.Collection<org.gradframes.layout.NodeBox> boxes,
      java.util.function.Predicate<org.gradframes.layout.NodeBox> own) {
    Track track = new Track(spline);
    for (org.gradframes.layout.NodeBox box : boxes) {
      if (own.test(box) || track.x1 < box.left() - HUG || track.x0 > box.left() + box.width() + HUG
          || track.y1 < box.top() - HUG || track.y0 > box.top() + box.height() + HUG) {
        continue;
      }
      double near = 0;
      for (int i = 1; i < track.points.size(); i++) {
        Point a = track.points.get(i - 1);
        Point b = track.points.get(i);
        Point mid = new Point((a.x() + b.x()) / 2, (a.y() + b.y()) / 2);
        double dx = Math.max(Math.max(box.left() - mid.x(), mid.x() - box.left() - box.width()), 0);
        double dy = Math.max(Math.max(box.top() - mid.y(), mid.y() - box.top() - box.height()), 0);
        near += Math.hypot(dx, dy) <= HUG ? a.distance(b) : 0;
      }
      if (near > ALONG) {
        return true;
      }
    }
    return false;
  }
}
