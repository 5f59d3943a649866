package org.gradframes.render.scene;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.gradframes.layout.Point;
import org.junit.jupiter.api.Test;

/** The point of a spline nearest another, which places a wire's numbers where the layout kept room for them. */
class SplineTest {
  @Test
  void theNearestPointOfALongStraightPieceIsFoundBetweenItsSamples() {
    // One straight piece 1,233 pt long: its 33 samples are 38.5 pt apart.
    List<Point> wire = List.of(new Point(141.35, 726), new Point(552.38, 726), new Point(963.40, 726),
        new Point(1374.43, 726));
    double[] at = Spline.nearest(wire, new Point(733.39, 697.5));
    assertEquals(733.39, at[0], 0.01);
    assertEquals(726, at[1], 1e-9);
    assertEquals(0, at[2], "the wire runs across");
  }

  @Test
  void theNearestPointOfACurveIsItsFootFromThePoint() {
    // A quarter of a circle of radius 100 about the origin, nearly: the point (200, 200) is nearest its middle.
    double k = 0.5523 * 100;
    List<Point> arc = List.of(new Point(100, 0), new Point(100, k), new Point(k, 100), new Point(0, 100));
    double[] at = Spline.nearest(arc, new Point(200, 200));
    assertEquals(Math.atan2(at[1], at[0]), Math.PI / 4, 1e-3);
    assertEquals(100, Math.hypot(at[0], at[1]), 0.05);
  }
}
