package org.gradframes.layout.elk;

import java.util.ArrayList;
import java.util.List;
import org.gradframes.graph.Edge;
import org.gradframes.layout.NodeBox;
import org.gradframes.layout.Point;

/**
 * Moves a straight run of an orthogonal route aside where it goes on along the line of another edge's run that has
 * just turned: ELK places the ports of a box and the labels of the layer before it independently, so the vertical
 * through one edge's label (its horizontal, left to right) can end in a bend a few points before another edge, from
 * another node into another node, drops along the very same line into its port. The eye carries the first line
 * across the gap, into the wrong node. The second edge's run is moved a few points across, with its port along its
 * box's side, whenever that keeps it clear of every box, label and other line. Likewise a route that runs straight
 * at the side of a box not its own and turns aside just before it, among that box's arrowheads (ELK keeps its last
 * bend 12 pt before the next layer, so a route coming in at a neighbour's height turns there), has the run after
 * the turn, or the one before it, moved back.
 */
final class Continuations {
  /** How long a run must be to be seen as a line the eye carries on, in points. */
  static final double RUN = 8;
  /** A narrower gap, in points, is a line touching or crossing another: not a line going on. */
  static final double CROSSING = 4;
  /** The widest gap the eye carries a line across, in points. */
  static final double GAP = 30;
  /** How far off a turned run's line another may go on and still seem to go on along it, in points. */
  private static final double SAME_LINE = 3;
  /**
   * How near a box's side a run going straight at it may turn aside, in points: nearer, it ends where that box's
   * arrowheads are drawn and reads as one of them.
   */
  static final double POINTED = 16;
  /** How near that box's arrowheads must end for the run to be taken for one of them, in points. */
  private static final double AMONG = 24;
  /** How far from a box's corners a run must meet its side to be seen running at it, in points. */
  private static final double CORNER = 8;
  /** How far a run may be moved across, in points, in the order tried. */
  private static final double[] SHIFTS = {12, -12, 16, -16, 8, -8, 20, -20, 24, -24};
  /**
   * Room kept between a moved run and another edge's label, in points: more than the 5 pt within which a reader may
   * take the run for the label's line.
   */
  private static final double LABEL_CLEAR = 6;
  /** Room kept between a moved run and any box or other line, and between a port and its box's corner, in points. */
  private static final double CLEAR = 4;

  private final List<Edge> edges;
  private final List<NodeBox> nodes;
  private final List<NodeBox> labels;
  private final List<List<Point>> routes;

  /**
   * @param routes every edge's route as a polyline, from its source's port to its target's, changed in place
   * @param labels every edge's label's box, or null
   */
  Continuations(List<Edge> edges, List<NodeBox> nodes, List<NodeBox> labels, List<List<Point>> routes) {
    this.edges = edges;
    this.nodes = nodes;
    this.labels = labels;
    this.routes = routes;
  }

  /** Moves runs aside until no route goes on along another's turned line, or none can be moved; how many moved. */
  int separate() {
    int moved = 0;
    for (int round = 0; round < 2 * routes.size(); round++) {
      boolean any = false;
      for (int[] candidate : candidates()) {
        if (move(candidate[0], candidate[1])) {
          any = true;
          moved++;
          break;
        }
      }
      if (!any) {
        return moved;
      }
    }
    return moved;
  }

  /**
   * The runs that may be moved, each as an edge and a piece of its polyline: of every route that goes on along
   * another's turned line, the run that goes on, then the run that turned.
   */
  private List<int[]> candidates() {
    List<int[]> found = new ArrayList<>();
    for (int a = 0; a < routes.size(); a++) {
      int turn = pointing(a);
      if (turn > 0 && movable(a, turn + 1)) {
        found.add(new int[] {a, turn + 1});
      }
      if (turn > 0 && movable(a, turn)) {
        found.add(new int[] {a, turn});
      }
    }
    for (int a = 0; a < routes.size(); a++) {
      for (int b = 0; b < routes.size(); b++) {
        int[] pieces = continuing(a, b);
        if (pieces != null && movable(b, pieces[1])) {
          found.add(new int[] {b, pieces[1]});
        }
        if (pieces != null && movable(a, pieces[0])) {
          found.add(new int[] {a, pieces[0]});
        }
      }
    }
    return found;
  }

  /**
   * The piece of route {@code a} that turns and the piece of route {@code b} that goes on along its line a short gap
   * further, or null.
   */
  private int[] continuing(int a, int b) {
    Edge ea = edges.get(a);
    Edge eb = edges.get(b);
    if (a == b || ea.from() == eb.from() || ea.to() == eb.to()) {
      return null;
    }
    List<Point> ra = routes.get(a);
    List<Point> rb = routes.get(b);
    for (int i = 1; i + 1 < ra.size(); i++) {
      double[] u = turned(ra, i);
      if (u == null) {
        continue;
      }
      Point turn = ra.get(i);
      double ux = u[0];
      double uy = u[1];
      for (int k = 1; k < rb.size(); k++) {
        double gap = gap(turn, ux, uy, rb.get(k - 1), rb.get(k));
        if (gap >= CROSSING && gap <= GAP && !blocked(turn, new Point(turn.x() + gap * ux, turn.y() + gap * uy))) {
          return new int[] {i, k};
        }
      }
    }
    return null;
  }

  /**
   * The point of route {@code a} where it turns aside within {@link #POINTED} of the side of a box other than its
   * own two, having run straight at it, among that box's arrowheads; 0 when it nowhere does.
   */
  private int pointing(int a) {
    Edge e = edges.get(a);
    List<Point> route = routes.get(a);
    for (int i = 1; i + 1 < route.size(); i++) {
      double[] u = turned(route, i);
      if (u == null) {
        continue;
      }
      Point turn = route.get(i);
      double ux = u[0];
      double uy = u[1];
      for (NodeBox box : nodes) {
        if (box.node() != e.from() && box.node() != e.to()) {
          double ahead = ahead(turn, ux, uy, box);
          if (ahead > 0 && ahead <= POINTED
              && amongHeads(box.node(), new Point(turn.x() + ahead * ux, turn.y() + ahead * uy))) {
            return i;
          }
        }
      }
    }
    return 0;
  }

  /**
   * The direction (a unit vector) of the run of {@code route} that ends at its point {@code i}, when that run is at
   * least {@link #RUN} long and the route turns there by more than 60°; null when the eye sees no turn there.
   */
  private static double[] turned(List<Point> route, int i) {
    Point from = route.get(i - 1);
    Point turn = route.get(i);
    Point next = route.get(i + 1);
    double length = from.distance(turn);
    double on = next.distance(turn);
    if (length < RUN || on == 0) {
      return null;
    }
    double ux = (turn.x() - from.x()) / length;
    double uy = (turn.y() - from.y()) / length;
    return (next.x() - turn.x()) / on * ux + (next.y() - turn.y()) / on * uy > 0.5 ? null : new double[] {ux, uy};
  }

  /** Whether a route into node {@code node} ends within {@link #AMONG} of {@code at}. */
  private boolean amongHeads(int node, Point at) {
    for (int e = 0; e < routes.size(); e++) {
      List<Point> route = routes.get(e);
      if (edges.get(e).to() == node && route.get(route.size() - 1).distance(at) <= AMONG) {
        return true;
      }
    }
    return false;
  }

  /**
   * How far from {@code p}, going along an axis (ux, uy), the side of the box that faces it is, when the way meets
   * that side {@link #CORNER} or more from its corners; 0 when it does not.
   */
  static double ahead(Point p, double ux, double uy, NodeBox box) {
    if (Math.abs(ux) > 0.99) {
      double d = ((ux > 0 ? box.left() : box.left() + box.width()) - p.x()) * Math.signum(ux);
      return p.y() > box.top() + CORNER && p.y() < box.top() + box.height() - CORNER && d > 0 ? d : 0;
    }
    if (Math.abs(uy) > 0.99) {
      double d = ((uy > 0 ? box.top() : box.top() + box.height()) - p.y()) * Math.signum(uy);
      return p.x() > box.left() + CORNER && p.x() < box.left() + box.width() - CORNER && d > 0 ? d : 0;
    }
    return 0;
  }

  /** How far beyond {@code turn}, along (ux, uy), the run from c to d starts when it lies on that line; else 0. */
  static double gap(Point turn, double ux, double uy, Point c, Point d) {
    if (c.distance(d) < RUN) {
      return 0;
    }
    double offC = Math.abs((c.x() - turn.x()) * uy - (c.y() - turn.y()) * ux);
    double offD = Math.abs((d.x() - turn.x()) * uy - (d.y() - turn.y()) * ux);
    if (offC > SAME_LINE || offD > SAME_LINE) {
      return 0;
    }
    double tc = (c.x() - turn.x()) * ux + (c.y() - turn.y()) * uy;
    double td = (d.x() - turn.x()) * ux + (d.y() - turn.y()) * uy;
    return Math.min(tc, td) > 0 ? Math.min(tc, td) : 0;
  }

  /** Whether a node's box stands between the two points, and so explains the gap. */
  private boolean blocked(Point p, Point q) {
    for (NodeBox box : nodes) {
      if (box.meets(0, p, q)) {
        return true;
      }
    }
    return false;
  }

  /** Whether the piece can be moved across: it runs along an axis and does not carry the edge's label. */
  private boolean movable(int edge, int piece) {
    List<Point> route = routes.get(edge);
    Point c = route.get(piece - 1);
    Point d = route.get(piece);
    NodeBox label = labels.get(edge);
    boolean axis = Math.abs(c.x() - d.x()) < 1e-6 || Math.abs(c.y() - d.y()) < 1e-6;
    return axis && (label == null || !label.meets(0, c, d));
  }

  /**
   * Whether the label still sits on the moved route: a piece before or after the moved one that carries it, and
   * is made longer or shorter, still runs through it from side to side, {@link #CLEAR} beyond it at both ends.
   */
  private boolean labelled(int edge, List<Point> route, List<Point> moved, int piece) {
    NodeBox label = labels.get(edge);
    for (int k = Math.max(1, piece - 1); label != null && k <= Math.min(route.size() - 1, piece + 1); k++) {
      if (k != piece && label.meets(0, route.get(k - 1), route.get(k))
          && (label.meets(CLEAR, moved.get(k - 1), moved.get(k - 1)) || label.meets(CLEAR, moved.get(k), moved.get(k)))) {
        return false;
      }
    }
    return true;
  }

  /** Moves the piece across by the first shift that leaves the drawing clear; whether one did. */
  private boolean move(int edge, int piece) {
    List<Point> route = routes.get(edge);
    Edge e = edges.get(edge);
    Point c = route.get(piece - 1);
    Point d = route.get(piece);
    boolean vertical = Math.abs(c.x() - d.x()) < 1e-6;
    for (double shift : SHIFTS) {
      List<Point> moved = new ArrayList<>(route);
      for (int k : new int[] {piece - 1, piece}) {
        Point p = route.get(k);
        moved.set(k, vertical ? new Point(p.x() + shift, p.y()) : new Point(p.x(), p.y() + shift));
      }
      if (piece - 1 == 0 && !onSide(nodes.get(e.from()), moved.get(0), vertical)
          || piece == route.size() - 1 && !onSide(nodes.get(e.to()), moved.get(piece), vertical)
          || !kept(route, moved) || !labelled(edge, route, moved, piece) || !clear(edge, moved, piece)) {
        continue;
      }
      int before = continuations(edge);
      routes.set(edge, moved);
      if (continuations(edge) < before) {
        return true;
      }
      routes.set(edge, route);
    }
    return false;
  }

  /**
   * How many of the runs of {@code edge} go on along another's turned line, or another's along its, and whether it
   * turns aside just before a box's side.
   */
  private int continuations(int edge) {
    int count = pointing(edge) > 0 ? 1 : 0;
    for (int other = 0; other < routes.size(); other++) {
      count += (continuing(other, edge) != null ? 1 : 0) + (continuing(edge, other) != null ? 1 : 0);
    }
    return count;
  }

  /**
   * Whether the moved route keeps the shape of the route: every piece runs the way it ran, none shorter than
   * {@link #CLEAR}, and the last, where the arrowhead is drawn, no shorter than {@link #LAST} if it was not.
   */
  private static boolean kept(List<Point> route, List<Point> moved) {
    for (int k = 1; k < route.size(); k++) {
      double dx = route.get(k).x() - route.get(k - 1).x();
      double dy = route.get(k).y() - route.get(k - 1).y();
      double mx = moved.get(k).x() - moved.get(k - 1).x();
      double my = moved.get(k).y() - moved.get(k - 1).y();
      if (dx * mx + dy * my <= 0 || Math.hypot(mx, my) < CLEAR) {
        return false;
      }
    }
    int n = route.size();
    double last = route.get(n - 1).distance(route.get(n - 2));
    return moved.get(n - 1).distance(moved.get(n - 2)) >= Math.min(LAST, last);
  }

  /** The shortest last piece kept: an arrowhead's length and a few points of line before it. */
  private static final double LAST = 16;

  /** Whether a port moved along its box's side is still on it, {@link #CLEAR} from its corners. */
  private static boolean onSide(NodeBox box, Point port, boolean vertical) {
    return vertical ? port.x() >= box.left() + CLEAR && port.x() <= box.left() + box.width() - CLEAR
        : port.y() >= box.top() + CLEAR && port.y() <= box.top() + box.height() - CLEAR;
  }

  /**
   * Whether the pieces of the route next to the moved piece {@code moved}, and it, keep {@link #CLEAR} from every box
   * but the edge's own two and from every other route's pieces that run beside them, and {@link #LABEL_CLEAR} from
   * every other label.
   */
  private boolean clear(int edge, List<Point> route, int moved) {
    Edge e = edges.get(edge);
    for (int k = Math.max(1, moved - 1); k <= Math.min(route.size() - 1, moved + 1); k++) {
      Point p = route.get(k - 1);
      Point q = route.get(k);
      for (NodeBox box : nodes) {
        if (box.node() != e.from() && box.node() != e.to() && box.meets(CLEAR, p, q)) {
          return false;
        }
      }
      for (int other = 0; other < labels.size(); other++) {
        NodeBox label = labels.get(other);
        if (other != edge && label != null && label.meets(LABEL_CLEAR, p, q)) {
          return false;
        }
      }
      for (int other = 0; other < routes.size(); other++) {
        // A route of the same source may share the moved piece's very line: one trunk, then its branches part.
        if (other != edge && besides(routes.get(other), p, q, edges.get(other).from() == e.from())) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * Whether a piece of {@code route} runs parallel to p–q, nearer than {@link #CLEAR}, alongside it; on its very
   * line is allowed to a {@code trunk}, a route of the same source.
   */
  private static boolean besides(List<Point> route, Point p, Point q, boolean trunk) {
    boolean vertical = Math.abs(p.x() - q.x()) < 1e-6;
    for (int k = 1; k < route.size(); k++) {
      Point c = route.get(k - 1);
      Point d = route.get(k);
      boolean parallel = vertical ? Math.abs(c.x() - d.x()) < 1e-6 : Math.abs(c.y() - d.y()) < 1e-6;
      if (!parallel) {
        continue;
      }
      double across = vertical ? Math.abs(c.x() - p.x()) : Math.abs(c.y() - p.y());
      double lo = vertical ? Math.max(Math.min(c.y(), d.y()), Math.min(p.y(), q.y()))
          : Math.max(Math.min(c.x(), d.x()), Math.min(p.x(), q.x()));
      double hi = vertical ? Math.min(Math.max(c.y(), d.y()), Math.max(p.y(), q.y()))
          : Math.min(Math.max(c.x(), d.x()), Math.max(p.x(), q.x()));
      if (across < CLEAR && hi - lo > 0 && !(trunk && across < 1e-6)) {
        return true;
      }
    }
    return false;
  }
}
