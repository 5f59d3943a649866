package org.gradframes.layout.elk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.gradframes.graph.Edge;
import org.gradframes.layout.NodeBox;
import org.gradframes.layout.Point;
import org.junit.jupiter.api.Test;

/**
 * A line that turns where another edge's drops on along it, into another node, is moved aside; so is one that turns
 * just before another node's side, among its arrowheads.
 */
class ContinuationsTest {
  // Nodes 0 and 1 on top, 2 and 3 below them; edge 0 runs 0 → 3, edge 1 runs 1 → 2.
  private final List<NodeBox> nodes = List.of(new NodeBox(0, 50, 20, 60, 40), new NodeBox(1, 250, 20, 60, 40),
      new NodeBox(2, 100, 200, 160, 40), new NodeBox(3, 300, 200, 160, 40));
  private final List<Edge> edges = List.of(new Edge(0, 0, 3, 0), new Edge(1, 1, 2, 0));

  private static List<Point> route(double... xy) {
    List<Point> route = new ArrayList<>();
    for (int i = 0; i < xy.length; i += 2) {
      route.add(new Point(xy[i], xy[i + 1]));
    }
    return route;
  }

  @Test
  void aDropAlongAnotherLinesTurnIsMovedAcrossItsPortsSide() {
    // Edge 0 comes down at x = 100 and turns right at y = 140; edge 1 comes across at y = 160 and drops at x = 100,
    // 20 pt below the turn, into node 2: the eye reads edge 0 as going on into node 2.
    List<List<Point>> routes = new ArrayList<>(List.of(route(50, 40, 50, 100, 100, 100, 100, 140, 300, 140, 300, 180),
        route(250, 40, 250, 160, 100, 160, 100, 180)));
    List<Point> before = List.copyOf(routes.get(1));
    assertTrue(Continuations.gap(new Point(100, 140), 0, 1, new Point(100, 160), new Point(100, 180)) == 20);
    int moved = new Continuations(edges, nodes, Arrays.asList(null, null), routes).separate();
    assertEquals(1, moved);
    List<Point> after = routes.get(1);
    assertNotEquals(before, after);
    // The drop moved across, its port still on node 2's top side, and nothing else of the route changed.
    double x = after.get(3).x();
    assertEquals(x, after.get(2).x());
    assertTrue(Math.abs(x - 100) >= 8 && x > 20 + 4 && x < 180 - 4, "moved to " + x);
    assertEquals(180, after.get(3).y());
    assertEquals(before.subList(0, 2), after.subList(0, 2));
  }

  @Test
  void whenTheDropCarriesItsLabelTheRunThatTurnedIsMovedInstead() {
    List<List<Point>> routes = new ArrayList<>(List.of(route(50, 40, 50, 100, 100, 100, 100, 140, 300, 140, 300, 180),
        route(250, 40, 250, 160, 100, 160, 100, 180)));
    List<Point> drop = List.copyOf(routes.get(1));
    List<NodeBox> labels = Arrays.asList(null, new NodeBox(1, 100, 170, 20, 8));
    assertEquals(1, new Continuations(edges, nodes, labels, routes).separate());
    assertEquals(drop, routes.get(1), "the drop through its label stays");
    List<Point> turned = routes.get(0);
    assertEquals(turned.get(2).x(), turned.get(3).x());
    assertTrue(Math.abs(turned.get(3).x() - 100) >= 8, "the run that turned moved to " + turned.get(3).x());
    assertEquals(List.of(new Point(50, 40), new Point(50, 100)), turned.subList(0, 2));
    assertEquals(List.of(new Point(300, 140), new Point(300, 180)), turned.subList(4, 6));
  }

  @Test
  void aDropIntoTheSameNodeOrFarBeyondTheTurnIsLeftAlone() {
    List<Edge> same = List.of(new Edge(0, 0, 2, 0), new Edge(1, 1, 2, 1));
    List<List<Point>> routes = new ArrayList<>(List.of(route(50, 40, 50, 100, 100, 100, 100, 140, 150, 140, 150, 180),
        route(250, 40, 250, 160, 100, 160, 100, 180)));
    assertEquals(0, new Continuations(same, nodes, Arrays.asList(null, null), routes).separate());
    List<List<Point>> far = new ArrayList<>(List.of(route(50, 40, 50, 100, 100, 100, 100, 110, 300, 110, 300, 180),
        route(250, 40, 250, 160, 100, 160, 100, 180)));
    assertEquals(0, new Continuations(edges, nodes, Arrays.asList(null, null), far).separate(),
        "a gap of 50 pt is not crossed by the eye");
  }

  @Test
  void aLineThatTurnsAmongAnotherNodesArrowheadsTurnsFurtherBack() {
    // Left to right: node 0 feeds node 2 (above), node 1 feeds node 3 (below). Edge 0 runs at node 3's middle height
    // to 12 pt before its side, where edge 1's arrowhead ends 10 pt away, and only then turns up to node 2.
    List<NodeBox> boxes = List.of(new NodeBox(0, 100, 300, 80, 80), new NodeBox(1, 100, 450, 80, 60),
        new NodeBox(2, 500, 150, 100, 80), new NodeBox(3, 500, 300, 100, 80));
    List<Edge> two = List.of(new Edge(0, 0, 2, 0), new Edge(1, 1, 3, 0));
    List<NodeBox> labels = Arrays.asList(new NodeBox(0, 250, 300, 80, 20), null);
    List<Point> along = route(140, 450, 420, 450, 420, 290, 450, 290);
    assertEquals(12, Continuations.ahead(new Point(438, 300), 1, 0, boxes.get(3)));
    List<List<Point>> routes = new ArrayList<>(List.of(route(140, 300, 438, 300, 438, 150, 450, 150), along));
    assertEquals(1, new Continuations(two, boxes, labels, routes).separate());
    List<Point> moved = routes.get(0);
    double x = moved.get(1).x();
    assertEquals(x, moved.get(2).x(), "the run up stays vertical");
    assertTrue(450 - x > Continuations.POINTED, "it turns " + (450 - x) + " pt before node 3");
    assertTrue(Math.abs(x - 420) >= 4, "and keeps clear of edge 1's run up, at " + x);
    assertEquals(List.of(new Point(140, 300)), moved.subList(0, 1));
    assertEquals(List.of(new Point(450, 150)), moved.subList(3, 4));
    assertEquals(along, routes.get(1));

    // Without an arrowhead near where it turns, the line is left as it is.
    List<Point> away = route(140, 450, 420, 450, 420, 330, 450, 330);
    List<List<Point>> alone = new ArrayList<>(List.of(route(140, 300, 438, 300, 438, 150, 450, 150), away));
    assertEquals(0, new Continuations(two, boxes, labels, alone).separate());
  }
}
