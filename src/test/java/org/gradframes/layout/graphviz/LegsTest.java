package org.gradframes.layout.graphviz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.gradframes.layout.Direction;
import org.gradframes.layout.NodeBox;
import org.gradframes.layout.Point;
import org.junit.jupiter.api.Test;

/**
 * Legs Graphviz lays along one line are redrawn apart, each as a curve of its own with Graphviz's ends, and a line
 * runs through its label side to side, along the rank direction.
 */
class LegsTest {
  /** A straight piece from {@code a} to {@code b} as one cubic B&eacute;zier piece. */
  private static List<Point> straight(Point a, Point b) {
    return List.of(a, between(a, b, 1.0 / 3), between(a, b, 2.0 / 3), b);
  }

  private static Point between(Point a, Point b, double t) {
    return new Point(a.x() + t * (b.x() - a.x()), a.y() + t * (b.y() - a.y()));
  }

  /** Two pieces: down a little, then flat along the border of the gap, then down into the target. */
  private static List<Point> alongTheBorder(double x0, double x1, double y0, double y1) {
    Point a = new Point(x0, y0);
    Point b = new Point(x0 + 5, y0 + 2);
    Point c = new Point(x1 - 5, y0 + 2);
    Point d = new Point(x1, y1);
    return List.of(a, between(a, b, 0.5), b, b, between(b, c, 1.0 / 3), between(b, c, 2.0 / 3), c, c,
        between(c, d, 0.5), d);
  }

  @Test
  void linesSideBySideRunTogetherAndLinesCrossingSteeplyDoNot() {
    List<Point> a = straight(new Point(0, 0), new Point(100, 0));
    assertTrue(Tracks.together(a, straight(new Point(10, 1), new Point(90, 1))), "1 pt apart for 80 pt");
    assertFalse(Tracks.together(a, straight(new Point(10, 3), new Point(90, 3))), "3 pt apart");
    assertFalse(Tracks.together(a, straight(new Point(50, -50), new Point(50, 50))), "crossing at a right angle");
    assertTrue(Tracks.together(a, straight(new Point(0, -2), new Point(100, 2))), "crossing at 2 in 100");
    assertFalse(Tracks.together(a, straight(new Point(95, 0), new Point(200, 0))), "meeting for 5 pt");
  }

  @Test
  void twoSourcesLegsAlongOneBorderAreRedrawnApart() {
    NodeBox left = new NodeBox(0, 20, 10, 40, 20);
    NodeBox middle = new NodeBox(1, 80, 10, 40, 20);
    NodeBox farLeft = new NodeBox(2, 300, 70, 40, 20);
    NodeBox farRight = new NodeBox(3, 360, 70, 40, 20);
    List<Legs.Leg> legs = List.of(
        new Legs.Leg(0, alongTheBorder(20, 290, 20, 60), left, farLeft, false, false),
        new Legs.Leg(1, alongTheBorder(80, 350, 20, 60), middle, farRight, false, false));
    assertTrue(Tracks.together(legs.get(0).routed(), legs.get(1).routed()), "the test's legs meet");
    List<List<Point>> drawn = new Legs(Direction.TB, List.of(left, middle, farLeft, farRight), Map.of())
        .smooth(legs);
    assertFalse(Tracks.together(drawn.get(0), drawn.get(1)), drawn.toString());
    for (int i = 0; i < 2; i++) {
      List<Point> routed = legs.get(i).routed();
      assertEquals(routed.get(0), drawn.get(i).get(0), "the leg leaves where Graphviz made it leave");
      assertEquals(routed.get(routed.size() - 1), drawn.get(i).get(drawn.get(i).size() - 1), "and arrives there");
    }
  }

  @Test
  void aLegIsNotRedrawnThroughABox() {
    NodeBox from = new NodeBox(0, 20, 10, 40, 20);
    NodeBox to = new NodeBox(1, 220, 110, 40, 20);
    // A box right where the S-curve would turn across: the leg keeps Graphviz's route round it.
    NodeBox wall = new NodeBox(2, 120, 55, 150, 20);
    List<Point> routed = List.of(new Point(20, 20), new Point(-40, 60), new Point(300, 60), new Point(220, 100));
    List<List<Point>> drawn = new Legs(Direction.TB, List.of(from, to, wall), Map.of())
        .smooth(List.of(new Legs.Leg(0, routed, from, to, false, false)));
    assertEquals(routed, drawn.get(0));
  }

  @Test
  void aLineRunsThroughItsLabelSideToSideAlongTheRanks() {
    NodeBox from = new NodeBox(0, 20, 50, 40, 20);
    NodeBox label = new NodeBox(7, 120, 80, 60, 30);
    // Graphviz clipped the leg on the label's top, where it came in steeply.
    List<Point> routed = List.of(new Point(40, 50), new Point(70, 50), new Point(110, 40), new Point(115, 65));
    List<List<Point>> drawn = new Legs(Direction.LR, List.of(from), Map.of(7, label))
        .smooth(List.of(new Legs.Leg(0, routed, from, label, false, true)));
    List<Point> leg = drawn.get(0);
    assertEquals(new Point(90, 80), leg.get(leg.size() - 1), "the middle of the label's left side");
    Point before = leg.get(leg.size() - 2);
    assertEquals(80, before.y(), 1e-9, "arriving along the rank direction");
    assertNotEquals(routed, leg);
  }
}
