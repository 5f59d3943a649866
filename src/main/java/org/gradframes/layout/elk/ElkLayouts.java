package org.gradframes.layout.elk;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkLabel;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.ElkPort;
import org.gradframes.layout.EdgePath;
import org.gradframes.layout.Layout;
import org.gradframes.layout.LayoutException;
import org.gradframes.layout.LayoutRequest;
import org.gradframes.layout.NodeBox;
import org.gradframes.layout.Point;

/**
 * Reads a laid-out ELK graph back as a {@link Layout}: boxes, and edges as cubic splines (ELK's own, or its
 * orthogonal routes as straight pieces) ending where the arrowhead begins.
 */
final class ElkLayouts {
  /** The length of an arrowhead, in points, as Graphviz draws one. */
  private static final double ARROW = 10;

  private ElkLayouts() {}

  static Layout read(LayoutRequest request, ElkNode root, List<ElkNode> nodes, List<ElkEdge> edges,
      List<ElkNode> groups) {
    List<NodeBox> boxes = new ArrayList<>();
    for (int i = 0; i < nodes.size(); i++) {
      boxes.add(box(nodes.get(i), i));
    }
    List<NodeBox> groupBoxes = new ArrayList<>();
    for (int g = 0; g < groups.size(); g++) {
      groupBoxes.add(box(groups.get(g), g));
    }
    List<List<Point>> routes = new ArrayList<>();
    List<NodeBox> labels = new ArrayList<>();
    for (int e = 0; e < edges.size(); e++) {
      ElkEdge edge = edges.get(e);
      if (edge.getSections().isEmpty()) {
        throw new LayoutException("ELK returned no route for an edge into "
            + request.graph().node(request.graph().edges().get(e).to()).id() + ".");
      }
      // Routes and labels are relative to the node that contains the edge: the root, or a group.
      Point at = origin(edge.getContainingNode());
      List<Point> route = new ArrayList<>();
      for (ElkEdgeSection section : edge.getSections()) {
        if (route.isEmpty()) {
          route.add(new Point(at.x() + section.getStartX(), at.y() + section.getStartY()));
        }
        for (ElkBendPoint b : section.getBendPoints()) {
          route.add(new Point(at.x() + b.getX(), at.y() + b.getY()));
        }
        route.add(new Point(at.x() + section.getEndX(), at.y() + section.getEndY()));
      }
      routes.add(route);
      labels.add(label(edge, e, at));
    }
    if (request.graph().edges().size() == edges.size()) {
      new Continuations(request.graph().edges(), boxes, labels, routes).separate();
    }
    List<EdgePath> paths = new ArrayList<>();
    for (int e = 0; e < edges.size(); e++) {
      List<Point> spline = straight(routes.get(e));
      Point tip = spline.get(spline.size() - 1);
      paths.add(new EdgePath(e, shortened(spline), tip, labels.get(e)));
    }
    return new Layout(root.getWidth(), root.getHeight(), boxes, paths, groupBoxes);
  }

  /**
   * Whether every route of {@code layout} runs from its edge's source port to its target port, and every label is
   * beside its route: within {@code labelSpacing} and a few points of it.
   */
  static boolean intact(Layout layout, List<ElkEdge> edges, double labelSpacing) {
    for (int e = 0; e < edges.size(); e++) {
      ElkEdge edge = edges.get(e);
      EdgePath path = layout.edges().get(e);
      Point start = port((ElkPort) edge.getSources().get(0));
      Point end = port((ElkPort) edge.getTargets().get(0));
      if (path.spline().get(0).distance(start) > 1 || path.tip().distance(end) > 1) {
        return false;
      }
      if (path.label() != null && distance(path.label(), path.spline()) > labelSpacing + 3) {
        return false;
      }
    }
    return true;
  }

  /** Where a port is, in the root's coordinates. */
  private static Point port(ElkPort port) {
    Point at = origin(port.getParent());
    return new Point(at.x() + port.getX() + port.getWidth() / 2, at.y() + port.getY() + port.getHeight() / 2);
  }

  /** The distance from a box to a spline of straight pieces: 0 where a piece crosses it. */
  private static double distance(NodeBox box, List<Point> spline) {
    double best = Double.POSITIVE_INFINITY;
    for (int i = 3; i < spline.size(); i += 3) {
      Point a = spline.get(i - 3);
      Point b = spline.get(i);
      double left = box.left();
      double top = box.top();
      double right = left + box.width();
      double bottom = top + box.height();
      // A piece is horizontal or vertical: its distance to the box is the gap across and the gap along it.
      double dx = Math.max(0, Math.max(left - Math.max(a.x(), b.x()), Math.min(a.x(), b.x()) - right));
      double dy = Math.max(0, Math.max(top - Math.max(a.y(), b.y()), Math.min(a.y(), b.y()) - bottom));
      best = Math.min(best, Math.hypot(dx, dy));
    }
    return best;
  }

  /** Where {@code node}'s own coordinates start, in the root's: the sum of its and its parents' positions. */
  private static Point origin(ElkNode node) {
    double x = 0;
    double y = 0;
    for (ElkNode n = node; n != null && n.getParent() != null; n = n.getParent()) {
      x += n.getX();
      y += n.getY();
    }
    return new Point(x, y);
  }

  private static NodeBox box(ElkNode n, int index) {
    Point at = origin(n.getParent());
    return new NodeBox(index, at.x() + n.getX() + n.getWidth() / 2, at.y() + n.getY() + n.getHeight() / 2,
        n.getWidth(), n.getHeight());
  }

  private static NodeBox label(ElkEdge edge, int index, Point at) {
    if (edge.getLabels().isEmpty()) {
      return null;
    }
    ElkLabel l = edge.getLabels().get(0);
    return new NodeBox(index, at.x() + l.getX() + l.getWidth() / 2, at.y() + l.getY() + l.getHeight() / 2,
        l.getWidth(), l.getHeight());
  }

  /** A polyline as a cubic spline of straight pieces. */
  private static List<Point> straight(List<Point> polyline) {
    List<Point> spline = new ArrayList<>();
    spline.add(polyline.get(0));
    for (int i = 1; i < polyline.size(); i++) {
      Point a = polyline.get(i - 1);
      Point b = polyline.get(i);
      spline.add(between(a, b, 1.0 / 3));
      spline.add(between(a, b, 2.0 / 3));
      spline.add(b);
    }
    return spline;
  }

  /** The spline without its last {@code ARROW} points of length, where the arrowhead is drawn instead. */
  private static List<Point> shortened(List<Point> spline) {
    int n = spline.size();
    Point p0 = spline.get(n - 4);
    Point p1 = spline.get(n - 3);
    Point p2 = spline.get(n - 2);
    Point p3 = spline.get(n - 1);
    double length = p0.distance(p1) + p1.distance(p2) + p2.distance(p3);
    double t = length <= ARROW ? 0.5 : 1 - ARROW / length;
    Point a = between(p0, p1, t);
    Point b = between(p1, p2, t);
    Point c = between(p2, p3, t);
    Point ab = between(a, b, t);
    Point bc = between(b, c, t);
    List<Point> out = new ArrayList<>(spline.subList(0, n - 3));
    out.add(a);
    out.add(ab);
    out.add(between(ab, bc, t));
    return out;
  }

  private static Point between(Point a, Point b, double t) {
    return new Point(a.x() + (b.x() - a.x()) * t, a.y() + (b.y() - a.y()) * t);
  }
}
