package org.gradframes.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.gradframes.expr.Parser;
import org.gradframes.expr.Source;
import org.gradframes.graph.Edge;
import org.gradframes.graph.Graph;
import org.gradframes.graph.GraphBuilder;
import org.gradframes.graph.Node;
import org.junit.jupiter.api.Test;

/** Inputs that are data: a value and no gradient in every frame, as constants, and the other gradients unchanged. */
class DataInputsTest {
  private static final String PROGRAM = "x = 1.5\ny = -0.5\nw = 0.8\nb = 0.1\nu = x * y\nz = w * x + b * u\n"
      + "loss = (z - y) ^ 2";

  private static Graph graph() {
    return GraphBuilder.build(Parser.parse(new Source("t.grad", PROGRAM)));
  }

  private static Walkthrough walk(Graph graph) {
    return Walkthrough.of(graph, new Walkthrough.Options(false, false, null));
  }

  private static int index(Graph graph, String name) {
    return graph.nodes().stream().filter(n -> name.equals(n.name())).findFirst().orElseThrow().index();
  }

  @Test
  void dataHasNoGradientInAnyFrameAndReceivesNothing() {
    Graph graph = graph().withData(Set.of("x", "y"));
    Walkthrough walk = walk(graph);
    for (String name : List.of("x", "y")) {
      int i = index(graph, name);
      assertTrue(!graph.node(i).hasGradient(), name);
      for (Snapshot frame : walk.frames()) {
        assertEquals(NodeState.CONSTANT, frame.nodeState(i), name + " in a " + frame.kind().key() + " frame");
        assertEquals(0.0, frame.gradient(i), name);
      }
      assertTrue(walk.pass().contributionsTo(i).isEmpty(), name);
      for (Edge e : graph.consumers(i)) {
        assertNull(walk.pass().contribution(e.index()), name + " gets nothing back along edge " + e.index());
      }
    }
  }

  @Test
  void theOtherGradientsAreTheFiniteDifferencesAsWithoutData() {
    Graph graph = graph().withData(Set.of("x", "y"));
    double[] gradients = walk(graph).gradients();
    double[] without = walk(graph()).gradients();
    for (String name : List.of("w", "b")) {
      Node.Input in = (Node.Input) graph.node(index(graph, name));
      double expected = FiniteDifferences.derivative(graph, in);
      assertTrue(FiniteDifferences.agree(expected, gradients[in.index()]), name + ": " + expected + " and "
          + gradients[in.index()]);
      assertEquals(without[in.index()], gradients[in.index()], name);
    }
    assertEquals(without[index(graph, "u")], gradients[index(graph, "u")], "u, computed from data, has its gradient");
  }

  @Test
  void aNodeComputedOnlyFromDataTakesNoStep() {
    Graph graph = graph().withData(Set.of("x", "y"));
    Walkthrough data = walk(graph);
    Walkthrough all = walk(graph());
    int u = index(graph, "u");
    assertTrue(data.pass().steps().stream().noneMatch(s -> s.node() == u), "u passes nothing back");
    assertTrue(all.pass().steps().stream().anyMatch(s -> s.node() == u));
    assertEquals(all.frames().size() - 1, data.frames().size(), "one frame fewer: u's step");
    assertEquals(NodeState.DONE, data.frames().get(data.frames().size() - 1).nodeState(u));
  }

  @Test
  void aNameThatIsNoInputChangesNothing() {
    Graph graph = graph();
    assertTrue(graph == graph.withData(Set.of()));
    assertTrue(graph.withData(Set.of("u", "nothing")).nodes().stream().allMatch(n -> n.hasGradient()
        || n instanceof Node.Constant));
  }
}
