package org.gradframes.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.gradframes.expr.Parser;
import org.gradframes.expr.Source;
import org.gradframes.graph.Graph;
import org.gradframes.graph.GraphBuilder;
import org.gradframes.graph.Node;
import org.junit.jupiter.api.Test;

class WalkthroughTest {
  private static final String ONE_NEURON = "x = 2.1\ny = 4\nw = 1\nb = 0\nyhat = w * x + b\nloss = (yhat - y)^2\n";
  private static final String ADVANCED =
      "x1 = -7\nx2 = 2\nx3 = 2\nx4 = -1\nu1 = x1 + x2\nu2 = x3 * x4\nu3 = u1 * u2\nu4 = u2^2\ny = u3 * u4\n";

  private static Graph graph(String text) {
    return GraphBuilder.build(Parser.parse(new Source("t", text)));
  }

  private static int index(Graph graph, String name) {
    return graph.nodes().stream().filter(n -> name.equals(n.name())).findFirst().orElseThrow().index();
  }

  @Test
  void oneNeuronUpdateMatchesTheArticle() {
    Graph g = graph(ONE_NEURON);
    Walkthrough walk = Walkthrough.of(g, new Walkthrough.Options(false, false,
        new Walkthrough.Training(0.01, Set.of("w", "b"), 1)));
    Walkthrough.Epoch epoch = walk.epochs().get(0);
    assertEquals(3.61, epoch.outputBefore(), 1e-12);
    assertEquals(1.0798, epoch.updates().get(0).after(), 1e-12);
    assertEquals(0.038, epoch.updates().get(1).after(), 1e-12);
    double yhat = 1.0798 * 2.1 + 0.038;
    assertEquals((yhat - 4) * (yhat - 4), epoch.outputAfter(), 1e-12);
    assertEquals(2.87, epoch.outputAfter(), 0.005, "the article's 2.87");
    List<Snapshot> frames = walk.frames();
    assertEquals(FrameKind.UPDATE, frames.get(frames.size() - 2).kind());
    Snapshot last = frames.get(frames.size() - 1);
    assertEquals(FrameKind.FORWARD, last.kind());
    assertEquals(epoch.outputAfter(), last.value(g.output()), 0);
  }

  @Test
  void aValueWithNoRealNumberPassesNoFiniteGradient() {
    Graph g = graph("x = -2\ny = log(x) * 3\n");
    double[] grads = BackwardPass.run(g, ForwardPass.evaluate(g)).gradients();
    assertTrue(Double.isNaN(grads[index(g, "x")]), "log(-2) has no slope, so x's gradient is NaN, not -1.5");
  }

  @Test
  void epochsLowerTheLossAndEachHasItsFrames() {
    Graph g = graph(ONE_NEURON);
    Walkthrough walk = Walkthrough.of(g, new Walkthrough.Options(false, false,
        new Walkthrough.Training(0.01, Set.of("w", "b"), 3)));
    assertEquals(3, walk.epochs().size());
    int perEpoch = 1 + 1 + walk.pass().steps().size() + 1;
    assertEquals(3 * perEpoch + 1, walk.frames().size());
    double previous = Double.POSITIVE_INFINITY;
    for (Walkthrough.Epoch e : walk.epochs()) {
      assertTrue(e.outputAfter() < e.outputBefore());
      assertTrue(e.outputBefore() < previous);
      previous = e.outputBefore();
    }
    assertEquals(walk.epochs().get(0).outputAfter(), walk.epochs().get(1).outputBefore(), 1e-12);
  }

  @Test
  void forwardStepsShowOneEvaluationPerOperation() {
    Graph g = graph(ADVANCED);
    Walkthrough walk = Walkthrough.of(g, new Walkthrough.Options(true, false, null));
    long operations = g.nodes().stream().filter(n -> n instanceof Node.Operation).count();
    List<Snapshot> frames = walk.frames();
    assertEquals(FrameKind.INPUTS, frames.get(0).kind());
    assertEquals(1 + operations + 1 + walk.pass().steps().size(), frames.size());
    Snapshot first = frames.get(1);
    assertEquals(FrameKind.EVALUATE, first.kind());
    assertEquals(index(g, "u1"), first.evaluated());
    assertTrue(first.valueKnown(index(g, "u1")));
    assertTrue(!first.valueKnown(index(g, "y")), "later nodes are not computed yet");
  }

  @Test
  void levelStepsTakeOnlyCompleteGradients() {
    Graph g = graph(ADVANCED);
    Walkthrough walk = Walkthrough.of(g, new Walkthrough.Options(false, true, null));
    int[] levels = walk.pass().levels();
    int deepest = 0;
    for (BackwardStep s : walk.pass().steps()) {
      deepest = Math.max(deepest, levels[s.node()]);
    }
    List<Snapshot> backward = walk.frames().stream().filter(f -> f.kind() == FrameKind.BACKWARD).toList();
    assertEquals(deepest + 1, backward.size(), "one frame per level: y; u3 u4; u1 u2");
    assertEquals(List.of(index(g, "u3"), index(g, "u4")),
        backward.get(1).steps().stream().map(BackwardStep::node).sorted().toList());
    double[] finals = walk.pass().gradients();
    for (Snapshot frame : backward) {
      for (BackwardStep s : frame.steps()) {
        assertEquals(finals[s.node()], s.gradient(), 0, "a level's gradients are complete when it steps");
      }
    }
  }
}
