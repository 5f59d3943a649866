package org.gradframes.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gradframes.expr.Parser;
import org.gradframes.expr.Source;
import org.gradframes.graph.Edge;
import org.gradframes.graph.Graph;
import org.gradframes.graph.GraphBuilder;
import org.gradframes.graph.Node;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TimelineTest {

  private static BackwardPass run(String text) {
    Graph graph = GraphBuilder.build(Parser.parse(new Source("test.grad", text)));
    return BackwardPass.run(graph, ForwardPass.evaluate(graph));
  }

  private static BackwardPass sample(String name) throws IOException {
    return run(Files.readString(Path.of("samples", name + ".grad")));
  }

  private static int index(BackwardPass pass, String id) {
    return pass.graph().nodes().stream().filter(n -> n.id().equals(id)).mapToInt(Node::index)
        .findFirst().orElseThrow();
  }

  private static List<NodeState> statesOf(List<Snapshot> frames, int node) {
    return frames.stream().map(f -> f.nodeState(node)).toList();
  }

  @ParameterizedTest
  @ValueSource(strings = {"advanced", "chain-rule", "one-neuron", "sigmoid", "sin-square"})
  void thereIsAForwardFrameASeedFrameAndOneFramePerStep(String name) throws IOException {
    BackwardPass pass = sample(name);
    List<Snapshot> frames = Timeline.of(pass);
    assertEquals(2 + pass.steps().size(), frames.size());
    assertEquals(FrameKind.FORWARD, frames.get(0).kind());
    assertEquals(FrameKind.SEED, frames.get(1).kind());
    for (int i = 2; i < frames.size(); i++) {
      assertEquals(FrameKind.BACKWARD, frames.get(i).kind());
      assertSame(pass.steps().get(i - 2), frames.get(i).step());
      assertEquals(pass.steps().get(i - 2).node(), frames.get(i).active());
    }
  }

  @Test
  void forwardFrameHasNoGradients() throws IOException {
    BackwardPass pass = sample("advanced");
    Snapshot forward = Timeline.of(pass).get(0);
    assertNull(forward.step());
    assertEquals(-1, forward.active());
    for (Node node : pass.graph().nodes()) {
      assertEquals(0.0, forward.gradient(node.index()));
      assertEquals(0, forward.received(node.index()));
      NodeState expected = node instanceof Node.Constant ? NodeState.CONSTANT : NodeState.PENDING;
      assertEquals(expected, forward.nodeState(node.index()), node.id());
    }
    for (Edge e : pass.graph().edges()) {
      assertEquals(EdgeState.IDLE, forward.edgeState(e.index()));
    }
  }

  @Test
  void seedFrameGivesTheOutputGradientOneAndNothingElse() throws IOException {
    BackwardPass pass = sample("advanced");
    Snapshot seed = Timeline.of(pass).get(1);
    int output = pass.graph().output();
    assertEquals(output, seed.active());
    assertEquals(NodeState.ACTIVE, seed.nodeState(output));
    for (Node node : pass.graph().nodes()) {
      assertEquals(node.index() == output ? 1.0 : 0.0, seed.gradient(node.index()), node.id());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"advanced", "chain-rule", "one-neuron", "sigmoid", "sin-square"})
  void lastFrameShowsEveryFinalGradient(String name) throws IOException {
    BackwardPass pass = sample(name);
    Snapshot last = Timeline.of(pass).get(pass.steps().size() + 1);
    double[] gradients = pass.gradients();
    for (Node node : pass.graph().nodes()) {
      assertEquals(gradients[node.index()], last.gradient(node.index()), 1e-12, node.id());
      assertEquals(pass.expectedContributions(node.index()), last.received(node.index()), node.id());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"advanced", "chain-rule", "one-neuron", "sigmoid", "sin-square"})
  void lastFrameHasEveryNodeThatReachesTheOutputDoneButTheLastStepsOwn(String name) throws IOException {
    // The last frame is the last step's frame, so that step's node is shown taking it (ACTIVE).
    BackwardPass pass = sample(name);
    List<Snapshot> frames = Timeline.of(pass);
    Snapshot last = frames.get(frames.size() - 1);
    int lastStepper = pass.steps().get(pass.steps().size() - 1).node();
    assertEquals(NodeState.ACTIVE, last.nodeState(lastStepper));
    for (Node node : pass.graph().nodes()) {
      if (!(node instanceof Node.Constant) && pass.reachesOutput(node.index()) && node.index() != lastStepper) {
        assertEquals(NodeState.DONE, last.nodeState(node.index()), node.id());
      }
    }
  }

  @Test
  void sharedNodeIsPartialBetweenItsTwoContributions() throws IOException {
    BackwardPass pass = sample("advanced");
    List<Snapshot> frames = Timeline.of(pass);
    int u2 = index(pass, "u2");
    // Frames: forward, seed, y, u3, u1, u4, u2.
    assertEquals(List.of(NodeState.PENDING, NodeState.PENDING, NodeState.PENDING, NodeState.PARTIAL,
        NodeState.PARTIAL, NodeState.READY, NodeState.ACTIVE), statesOf(frames, u2));
    assertEquals(List.of(0, 0, 0, 1, 1, 2, 2), frames.stream().map(f -> f.received(u2)).toList());
    assertEquals(-20, frames.get(3).gradient(u2), 1e-12);
    assertEquals(-20, frames.get(4).gradient(u2), 1e-12);
    assertEquals(-60, frames.get(5).gradient(u2), 1e-12);
  }

  @Test
  void nodeMovesFromPendingToReadyToActiveToDone() throws IOException {
    BackwardPass pass = sample("advanced");
    assertEquals(List.of(NodeState.PENDING, NodeState.PENDING, NodeState.READY, NodeState.ACTIVE,
        NodeState.DONE, NodeState.DONE, NodeState.DONE), statesOf(Timeline.of(pass), index(pass, "u3")));
  }

  @Test
  void inputIsDoneOnceItsLastContributionArrives() throws IOException {
    BackwardPass pass = sample("advanced");
    List<NodeState> x3 = statesOf(Timeline.of(pass), index(pass, "x3"));
    assertEquals(List.of(NodeState.PENDING, NodeState.PENDING, NodeState.PENDING, NodeState.PENDING,
        NodeState.PENDING, NodeState.PENDING, NodeState.DONE), x3);
  }

  @Test
  void edgeIsActiveInItsStepsFrameAndDoneAfterwards() throws IOException {
    BackwardPass pass = sample("advanced");
    List<Snapshot> frames = Timeline.of(pass);
    for (int s = 0; s < pass.steps().size(); s++) {
      for (Contribution c : pass.steps().get(s).contributions()) {
        int edge = c.edge().index();
        for (int f = 0; f < frames.size(); f++) {
          EdgeState expected = f < s + 2 ? EdgeState.IDLE : f == s + 2 ? EdgeState.ACTIVE : EdgeState.DONE;
          assertEquals(expected, frames.get(f).edgeState(edge), "edge " + edge + " in frame " + f);
        }
      }
    }
  }

  @Test
  void edgeFromAConstantStaysIdle() throws IOException {
    BackwardPass pass = sample("advanced");
    Graph graph = pass.graph();
    Edge fromConstant = graph.consumers(index(pass, "u4-1")).get(0);
    for (Snapshot frame : Timeline.of(pass)) {
      assertEquals(EdgeState.IDLE, frame.edgeState(fromConstant.index()));
      assertEquals(NodeState.CONSTANT, frame.nodeState(fromConstant.from()));
    }
  }

  @Test
  void gradientInEachFrameIsTheSumOfContributionsSoFar() throws IOException {
    BackwardPass pass = sample("one-neuron");
    List<Snapshot> frames = Timeline.of(pass);
    double[] sums = new double[pass.graph().size()];
    sums[pass.graph().output()] = 1;
    for (int s = 0; s < pass.steps().size(); s++) {
      for (Contribution c : pass.steps().get(s).contributions()) {
        sums[c.edge().from()] += c.amount();
      }
      for (int i = 0; i < sums.length; i++) {
        assertEquals(sums[i], frames.get(s + 2).gradient(i), 1e-12);
      }
    }
  }

  @Test
  void contributionsOfOneStepArriveTogether() {
    BackwardPass pass = run("x = 3\ny = x*x");
    List<NodeState> x = statesOf(Timeline.of(pass), 0);
    assertEquals(List.of(NodeState.PENDING, NodeState.PENDING, NodeState.DONE), x);
  }

  @Test
  void nodeTheOutputDoesNotUseIsUnusedInEveryFrame() {
    BackwardPass pass = run("a = 1\nb = 2\nc = b * 3\ny = a * 2");
    for (Snapshot frame : Timeline.of(pass)) {
      assertEquals(NodeState.UNUSED, frame.nodeState(index(pass, "b")));
      assertEquals(NodeState.UNUSED, frame.nodeState(index(pass, "c")));
      assertEquals(0.0, frame.gradient(index(pass, "c")));
    }
  }

  @Test
  void outputWithoutAStepHasOnlyForwardAndSeedFrames() {
    BackwardPass pass = run("y = 2 * 3");
    List<Snapshot> frames = Timeline.of(pass);
    assertEquals(2, frames.size());
    assertEquals(NodeState.ACTIVE, frames.get(1).nodeState(pass.graph().output()));
  }

  @Test
  void reluHasSlopeZeroAtZero() {
    BackwardPass pass = run("x = 0\ny = relu(x)");
    List<Snapshot> frames = Timeline.of(pass);
    assertEquals(0.0, frames.get(frames.size() - 1).gradient(0));
    assertEquals(0.0, pass.steps().get(0).contributions().get(0).local());
  }

  @Test
  void absHasSlopeZeroAtZero() {
    BackwardPass pass = run("x = 0\ny = abs(x)");
    List<Snapshot> frames = Timeline.of(pass);
    assertEquals(0.0, frames.get(frames.size() - 1).gradient(0));
    assertEquals(0.0, pass.steps().get(0).contributions().get(0).local());
  }

  @Test
  void reluAndAbsHaveTheirOneSidedSlopesAwayFromZero() {
    assertEquals(1.0, run("x = 0.5\ny = relu(x)").gradients()[0]);
    assertEquals(0.0, run("x = -0.5\ny = relu(x)").gradients()[0]);
    assertEquals(1.0, run("x = 0.5\ny = abs(x)").gradients()[0]);
    assertEquals(-1.0, run("x = -0.5\ny = abs(x)").gradients()[0]);
  }
}
