package org.gradframes.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
  void aQuotientsSlopeInItsDivisorStaysFiniteWhereTheDivisorSquaredOverflows() {
    BackwardPass pass = run("a = 1e300\nb = 1e200\ny = a / b");
    assertEquals(-1e-100, pass.gradients()[index(pass, "b")], 1e-112, "-a / b², with b² past the largest double");
    assertEquals(1e-200, pass.gradients()[index(pass, "a")], 1e-212);
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

  /** A step expected by hand: the node, its gradient, and what it sends to each input (id, argument, local, amount). */
  private record Expected(String node, double gradient, List<Sent> sent) {
    Expected(String node, double gradient, Sent... sent) {
      this(node, gradient, List.of(sent));
    }
  }

  private record Sent(String to, int argument, double local, double amount) {}

  private static Sent sent(String to, int argument, double local, double amount) {
    return new Sent(to, argument, local, amount);
  }

  private static void assertSteps(BackwardPass pass, List<Expected> expected, Map<String, Double> gradients) {
    List<BackwardStep> steps = pass.steps();
    assertEquals(expected.stream().map(Expected::node).toList(), stepOrder(pass), "the order of the steps");
    for (int i = 0; i < expected.size(); i++) {
      Expected want = expected.get(i);
      BackwardStep step = steps.get(i);
      String where = "step " + (i + 1) + " (" + want.node() + ")";
      assertEquals(want.gradient(), step.gradient(), 1e-12, where + ": gradient");
      assertEquals(want.sent().size(), step.contributions().size(), where + ": contributions " + step.contributions());
      for (int j = 0; j < want.sent().size(); j++) {
        Sent w = want.sent().get(j);
        Contribution c = step.contributions().get(j);
        String what = where + ", contribution " + (j + 1) + " to " + w.to();
        assertEquals(w.to(), pass.graph().node(c.edge().from()).id(), what);
        assertEquals(want.node(), pass.graph().node(c.edge().to()).id(), what);
        assertEquals(w.argument(), c.edge().argument(), what);
        assertEquals(want.gradient(), c.upstream(), 1e-12, what + ": upstream");
        assertEquals(w.local(), c.local(), 1e-12, what + ": local derivative");
        assertEquals(w.amount(), c.amount(), 1e-12, what + ": amount");
      }
    }
    double[] actual = pass.gradients();
    for (Node node : pass.graph().nodes()) {
      Double want = gradients.get(node.id());
      assertEquals(want == null ? 0.0 : want, actual[node.index()], 1e-12, "gradient of " + node.id());
    }
  }

  @Test
  void advancedExampleTakesTheStepsWorkedOutByHand() throws IOException {
    // x1 = -7, x2 = 2, x3 = 2, x4 = -1: u1 = -5, u2 = -2, u3 = 10, u4 = 4, y = 40.
    assertSteps(sample("advanced"), List.of(
        new Expected("y", 1, sent("u3", 0, 4, 4), sent("u4", 1, 10, 10)),
        new Expected("u3", 4, sent("u1", 0, -2, -8), sent("u2", 1, -5, -20)),
        new Expected("u1", -8, sent("x1", 0, 1, -8), sent("x2", 1, 1, -8)),
        new Expected("u4", 10, sent("u2", 0, -4, -40)),
        new Expected("u2", -60, sent("x3", 0, -1, 60), sent("x4", 1, 2, -120))),
        Map.of("y", 1.0, "u3", 4.0, "u4", 10.0, "u1", -8.0, "u2", -60.0,
            "x1", -8.0, "x2", -8.0, "x3", 60.0, "x4", -120.0));
  }

  @Test
  void chainRuleExampleTakesTheStepsWorkedOutByHand() throws IOException {
    // x1 = 4, x2 = 2, x3 = -5: u = 6, y = -30.
    assertSteps(sample("chain-rule"), List.of(
        new Expected("y", 1, sent("u", 0, -5, -5), sent("x3", 1, 6, 6)),
        new Expected("u", -5, sent("x1", 0, 1, -5), sent("x2", 1, 1, -5))),
        Map.of("y", 1.0, "u", -5.0, "x1", -5.0, "x2", -5.0, "x3", 6.0));
  }

  @Test
  void oneNeuronTakesTheStepsWorkedOutByHand() throws IOException {
    // yhat-1 = w * x = 2.1, yhat = 2.1 + 0, loss-1 = yhat - y = -1.9, loss = (-1.9)^2 = 3.61; the exponent 2 is a
    // constant and gets nothing.
    assertSteps(sample("one-neuron"), List.of(
        new Expected("loss", 1, sent("loss-1", 0, -3.8, -3.8)),
        new Expected("loss-1", -3.8, sent("yhat", 0, 1, -3.8), sent("y", 1, -1, 3.8)),
        new Expected("yhat", -3.8, sent("yhat-1", 0, 1, -3.8), sent("b", 1, 1, -3.8)),
        new Expected("yhat-1", -3.8, sent("w", 0, 2.1, -7.98), sent("x", 1, 1, -3.8))),
        Map.of("loss", 1.0, "loss-1", -3.8, "yhat", -3.8, "yhat-1", -3.8,
            "w", -7.98, "x", -3.8, "y", 3.8, "b", -3.8));
  }

  @Test
  void divisionWithAnUnusedConsumerTakesTheStepsWorkedOutByHand() {
    // c = a / b = 1.5, y = c - a = -1.5. b's second consumer d does not reach y, so b's only contribution is c's;
    // a waits for both of its consumers and ends with -1 + 0.5.
    assertSteps(run("a = 3\nb = 2\nc = a / b\nd = b * 5\ny = c - a\n"), List.of(
        new Expected("y", 1, sent("c", 0, 1, 1), sent("a", 1, -1, -1)),
        new Expected("c", 1, sent("a", 0, 0.5, 0.5), sent("b", 1, -0.75, -0.75))),
        Map.of("y", 1.0, "c", 1.0, "a", -0.5, "b", -0.75));
  }

  /** Prints the backward pass of each program file named in {@code args}, in the order given. */
  public static final class PrintSteps {
    public static void main(String[] args) throws IOException {
      PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
      for (String file : args) {
        out.print(describe(file));
      }
      out.flush();
    }
  }

  /** Every step, contribution and gradient of a program's backward pass, numbers to the last bit. */
  static String describe(String file) throws IOException {
    BackwardPass pass = run(Files.readString(Path.of(file)));
    StringBuilder text = new StringBuilder("program ").append(file).append('\n');
    for (BackwardStep step : pass.steps()) {
      text.append("step ").append(pass.graph().node(step.node()).id()).append(' ')
          .append(Double.doubleToRawLongBits(step.gradient())).append('\n');
      for (Contribution c : step.contributions()) {
        text.append("  edge ").append(c.edge().index()).append(' ').append(pass.graph().node(c.edge().from()).id())
            .append(' ').append(c.edge().argument()).append(' ').append(Double.doubleToRawLongBits(c.upstream()))
            .append(' ').append(Double.doubleToRawLongBits(c.local())).append(' ')
            .append(Double.doubleToRawLongBits(c.amount())).append('\n');
      }
    }
    double[] gradients = pass.gradients();
    for (Node node : pass.graph().nodes()) {
      text.append("grad ").append(node.id()).append(' ').append(Double.doubleToRawLongBits(gradients[node.index()]))
          .append('\n');
    }
    return text.toString();
  }

  @Test
  void aSecondJvmTakesTheSameStepsToTheLastBit() throws Exception {
    List<String> files = new ArrayList<>();
    try (Stream<Path> list = Files.list(Path.of("samples"))) {
      list.map(Path::toString).filter(f -> f.endsWith(".grad")).sorted().forEach(files::add);
    }
    assertTrue(files.size() >= 6, "found the samples: " + files);
    // The child works through the programs in the opposite order, so that nothing one pass leaves behind in the
    // JVM can pass for determinism.
    List<String> reversed = new ArrayList<>(files);
    Collections.reverse(reversed);
    List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(), "-cp",
        System.getProperty("java.class.path"), PrintSteps.class.getName()));
    command.addAll(reversed);
    Process child = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    byte[] printed = child.getInputStream().readAllBytes();
    assertTrue(child.waitFor(2, TimeUnit.MINUTES), "the child JVM finished");
    assertEquals(0, child.exitValue(), "the child JVM's exit code");
    String theirs = new String(printed, StandardCharsets.UTF_8);
    StringBuilder ours = new StringBuilder();
    for (String file : reversed) {
      ours.append(describe(file));
    }
    assertTrue(theirs.contains("step u2 "), "the child printed the advanced example's steps:\n" + theirs);
    assertEquals(ours.toString(), theirs);
  }
}
