package org.gradframes.render.scene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.gradframes.layout.Point;
import org.junit.jupiter.api.Test;

/** A dot where two edges of one source part ways, and none where lines only cross. */
class JunctionsTest {
  @Test
  void twoLinesThatLeaveAlongOneTrunkPartWhereOneTurns() {
    List<Point> straight = List.of(new Point(0, 0), new Point(100, 0));
    List<Point> turning = List.of(new Point(0, 0), new Point(40, 0), new Point(40, 50));
    Point parting = Junctions.parting(straight, turning);
    assertNotNull(parting);
    assertEquals(40, parting.x(), 1.0);
    assertEquals(0, parting.y(), 1e-9);
    assertEquals(parting.x(), Junctions.parting(turning, straight).x(), 1.0, "either way round");
  }

  @Test
  void linesThatStartApartOrPartAtOnceHaveNoJunction() {
    List<Point> a = List.of(new Point(0, 0), new Point(100, 0));
    assertNull(Junctions.parting(a, List.of(new Point(0, 5), new Point(100, 5))), "two lines side by side");
    assertNull(Junctions.parting(a, List.of(new Point(0, 0), new Point(0, 80))), "parting at the port");
    assertNull(Junctions.parting(a, List.of(new Point(0, 0), new Point(100, 0))), "one line");
  }

  @Test
  void aDrawingDotsTheBranchesOfAnInputUsedThreeTimesAndNotItsCrossings() {
    org.gradframes.pipeline.Rendering r = new org.gradframes.pipeline.Gradframes(
        org.gradframes.pipeline.RenderOptions.builder().build())
        .render("t.grad", "a = 2\nb = 3\nc = a * b\nd = a + c\ne = a * d + b\n");
    Scene scene = r.drawing().scene(r.drawing().frameCount() - 1);
    long dots = scene.groups().stream().flatMap(g -> g.shapes().stream())
        .filter(s -> s instanceof Scene.Polygon p && p.points().size() == 16).count();
    assertTrue(dots >= 1, "a branch of a's line is dotted");
    assertTrue(dots <= 4, "one dot per branch at most: " + dots);
  }
}
