package org.gradframes.layout;

import java.util.List;

/**
 * The route of one edge as a cubic B&eacute;zier spline: a start point followed by groups of three control points.
 * The route ends where the arrowhead begins; {@code tip} is where the arrowhead's point touches the target.
 * {@code label} is the box the layout kept free on the route for the edge's label, or null.
 */
public record EdgePath(int edge, List<Point> spline, Point tip, NodeBox label) {
  public EdgePath {
    spline = List.copyOf(spline);
    if (spline.size() < 4 || (spline.size() - 1) % 3 != 0) {
      throw new IllegalArgumentException("a cubic spline has 3n+1 points, not " + spline.size());
    }
  }
}
