package org.gradframes.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.gradframes.expr.Parser;
import org.gradframes.expr.Source;
import org.gradframes.graph.Graph;
import org.gradframes.graph.GraphBuilder;
import org.gradframes.graph.Node;
import org.junit.jupiter.api.Test;

class BackwardPassTest {

  private static BackwardPass run(String text) {
    Graph graph = GraphBuilder.build(Parser.parse(new Source("test.grad", text)));
    return BackwardPass.run(graph, ForwardPass.evaluate(graph));
  }

  private static BackwardPass sample(String name) throws IOException {
    return run(Files.readString(Path.of("samples", name + ".grad")));
  }

  private static List<String> stepOrder(BackwardPass pass) {
    return pass.steps().stream().map(s -> pass.graph().node(s.node()).id()).toList();
  }

  private static int index(BackwardPass pass, String id) {
    return pass.graph().nodes().stream().filter(n -> n.id().equals(id)).mapToInt(Node::index)
        .findFirst().orElseThrow();
  }

  /** Every contribution sent to node {@code id}, in the order of the steps. */
  private static List<Contribution> contributionsTo(BackwardPass pass, String id) {
    int to = index(pass, id);
    List<Contribution> found = new ArrayList<>();
    for (BackwardStep step : pass.steps()) {
      step.contributions().stream().filter(c -> c.edge().from() == to).forEach(found::add);
    }
    return found;
  }

  @Test
  void advancedExampleStepsInTheNotebooksOrder() throws IOException {
    assertEquals(List.of("y", "u3", "u1", "u4", "u2"), stepOrder(sample("advanced")));
  }

  @Test
  void chainRuleExampleStepsFromOutputToInputs() throws IOException {
    assertEquals(List.of("y", "u"), stepOrder(sample("chain-rule")));
  }

  @Test
  void sharedNodeReceivesOneContributionPerConsumer() throws IOException {
    BackwardPass pass = sample("advanced");
    List<Contribution> toU2 = contributionsTo(pass, "u2");
    assertEquals(List.of("u3", "u4"), toU2.stream().map(c -> pass.graph().node(c.edge().to()).id()).toList());
    assertEquals(-20, toU2.get(0).amount(), 1e-12);
    assertEquals(-40, toU2.get(1).amount(), 1e-12);
    assertEquals(-60, pass.gradients()[index(pass, "u2")], 1e-12);
    assertEquals(2, pass.expectedContributions(index(pass, "u2")));
  }

  @Test
  void contributionIsUpstreamGradientTimesLocalDerivative() throws IOException {
    BackwardPass pass = sample("advanced");
    Contribution fromU3 = contributionsTo(pass, "u2").get(0);
    assertEquals(4, fromU3.upstream(), 1e-12);
    assertEquals(-5, fromU3.local(), 1e-12);
    Contribution fromU4 = contributionsTo(pass, "u2").get(1);
    assertEquals(10, fromU4.upstream(), 1e-12);
    assertEquals(-4, fromU4.local(), 1e-12);
    for (BackwardStep step : pass.steps()) {
      for (Contribution c : step.contributions()) {
        assertEquals(c.upstream() * c.local(), c.amount(), 1e-12);
        assertEquals(step.gradient(), c.upstream());
      }
    }
  }

  @Test
  void nodeStepsOnlyOnceItsGradientIsComplete() throws IOException {
    for (String sample : List.of("advanced", "chain-rule", "one-neuron", "sigmoid", "sin-square")) {
      BackwardPass pass = sample(sample);
      double[] gradients = pass.gradients();
      Set<Integer> stepped = new HashSet<>();
      for (BackwardStep step : pass.steps()) {
        assertTrue(stepped.add(step.node()), sample + ": a node steps twice");
        assertEquals(gradients[step.node()], step.gradient(), 0.0, sample);
        for (Contribution c : step.contributions()) {
          assertFalse(stepped.contains(c.edge().from()), sample + ": a contribution arrives after its node stepped");
        }
      }
    }
  }

  @Test
  void everyOperationWithAGradientInputStepsAndLeavesDoNot() throws IOException {
    BackwardPass pass = sample("one-neuron");
    Graph graph = pass.graph();
    Set<Integer> stepped = new HashSet<>();
    pass.steps().forEach(s -> stepped.add(s.node()));
    for (Node node : graph.nodes()) {
      boolean hasGradientInput = graph.inputs(node.index()).stream()
          .anyMatch(e -> !(graph.node(e.from()) instanceof Node.Constant));
      assertEquals(hasGradientInput && pass.reachesOutput(node.index()), stepped.contains(node.index()), node.id());
    }
  }

  @Test
  void constantsReceiveNoContribution() throws IOException {
    BackwardPass pass = sample("sigmoid");
    for (BackwardStep step : pass.steps()) {
      for (Contribution c : step.contributions()) {
        assertFalse(pass.graph().node(c.edge().from()) instanceof Node.Constant);
      }
    }
    for (Node node : pass.graph().nodes()) {
      if (node instanceof Node.Constant) {
        assertEquals(0.0, pass.gradients()[node.index()]);
      }
    }
  }

  @Test
  void squareSendsBothContributionsInOneStep() {
    BackwardPass pass = run("x = 3\ny = x*x");
    assertEquals(1, pass.steps().size());
    List<Contribution> contributions = pass.steps().get(0).contributions();
    assertEquals(List.of(0, 1), contributions.stream().map(c -> c.edge().argument()).toList());
    assertEquals(List.of(3.0, 3.0), contributions.stream().map(Contribution::amount).toList());
    assertEquals(6, pass.gradients()[0]);
  }

  @Test
  void nodeTheOutputDoesNotUseTakesNoStepAndHasZeroGradient() {
    BackwardPass pass = run("a = 1\nb = 2\nc = b * 3\ny = a * 2");
    assertEquals(List.of("y"), stepOrder(pass));
    assertFalse(pass.reachesOutput(index(pass, "c")));
    assertEquals(0.0, pass.gradients()[index(pass, "b")]);
    assertEquals(0.0, pass.gradients()[index(pass, "c")]);
  }

  @Test
  void outputThatIsAnInputTakesNoSteps() {
    BackwardPass pass = run("x = 3");
    assertTrue(pass.steps().isEmpty());
    assertEquals(1.0, pass.gradients()[0]);
  }

  @Test
  void depthFirstOrderFinishesABranchBeforeTheNext() {
    // y's inputs are a and b; a's branch (a, then p) comes before b's.
    BackwardPass pass = run("x = 1\np = x * 2\na = p + 1\nq = x * 3\nb = q - 1\ny = a * b");
    assertEquals(List.of("y", "a", "p", "b", "q"), stepOrder(pass));
  }

  @Test
  void stepsAndGradientsAreTheSameOnEveryRun() throws IOException {
    BackwardPass first = sample("advanced");
    BackwardPass second = sample("advanced");
    assertEquals(stepOrder(first), stepOrder(second));
    assertEquals(first.steps(), second.steps());
  }
}
