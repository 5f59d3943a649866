package org.gradframes.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.gradframes.expr.Parser;
import org.gradframes.expr.Source;
import org.gradframes.graph.Graph;
import org.gradframes.graph.GraphBuilder;
import org.gradframes.graph.Node;
import org.gradframes.graph.Op;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Gradients of the backward pass against central finite differences of the forward pass. */
class GradientCheckTest {
  private static final int PROGRAMS = 400;
  private static final List<RandomPrograms.Generated> generated = new ArrayList<>();
  /** Programs left out because their finite differences change too much with the step to judge by. */
  private static int unsettled;

  @BeforeAll
  static void generate() {
    RandomPrograms programs = new RandomPrograms(new Random(20261123L));
    while (generated.size() < PROGRAMS) {
      RandomPrograms.Generated program = programs.next();
      Graph graph = build(program.text());
      boolean settled = graph.nodes().stream()
          .allMatch(n -> !(n instanceof Node.Input in) || FiniteDifferences.settled(graph, in));
      if (settled) {
        generated.add(program);
      } else {
        unsettled++;
      }
    }
  }

  private static Graph build(String text) {
    return GraphBuilder.build(Parser.parse(new Source("generated.grad", text)));
  }

  /** Describes every input whose gradient disagrees with its finite difference; empty when all agree. */
  private static List<String> mismatches(String text) {
    Graph graph = build(text);
    double[] gradients = BackwardPass.run(graph, ForwardPass.evaluate(graph)).gradients();
    List<String> mismatches = new ArrayList<>();
    for (Node node : graph.nodes()) {
      if (node instanceof Node.Input input) {
        double expected = FiniteDifferences.derivative(graph, input);
        double actual = gradients[input.index()];
        if (!FiniteDifferences.agree(expected, actual)) {
          mismatches.add("d/d" + input.name() + ": finite difference " + expected + ", backward pass " + actual
              + "\n" + text);
        }
      }
    }
    return mismatches;
  }

  private static void assertGradientsMatch(String text) {
    List<String> mismatches = mismatches(text);
    assertTrue(mismatches.isEmpty(), () -> String.join("\n", mismatches));
  }

  @Test
  void generatedProgramsHaveTheGradientsOfTheirFiniteDifferences() {
    List<String> failures = new ArrayList<>();
    for (RandomPrograms.Generated program : generated) {
      failures.addAll(mismatches(program.text()));
    }
    assertTrue(failures.isEmpty(), () -> failures.size() + " gradients disagree; the first ones:\n"
        + String.join("\n", failures.subList(0, Math.min(5, failures.size()))));
  }

  @Test
  void fewGeneratedProgramsAreTooSteepForFiniteDifferences() {
    assertTrue(unsettled <= PROGRAMS / 20, unsettled + " programs left out as too steep");
  }

  @Test
  void generatedProgramsEvaluateToTheValueWorkedOutWhileWritingThem() {
    for (RandomPrograms.Generated program : generated) {
      Graph graph = build(program.text());
      double actual = ForwardPass.evaluate(graph)[graph.output()];
      assertEquals(program.value(), actual, 1e-12 * Math.max(1, Math.abs(program.value())), program.text());
    }
  }

  @Test
  void generatedProgramsIncludeSharedVariablesAndEveryOperation() {
    int shared = 0;
    Map<Op, Integer> uses = new HashMap<>();
    for (RandomPrograms.Generated program : generated) {
      Graph graph = build(program.text());
      boolean hasShared = false;
      for (Node node : graph.nodes()) {
        if (node.name() != null && graph.consumers(node.index()).size() >= 2) {
          hasShared = true;
        }
        if (node instanceof Node.Operation op) {
          uses.merge(op.op(), 1, Integer::sum);
        }
      }
      shared += hasShared ? 1 : 0;
    }
    assertTrue(shared >= PROGRAMS / 4, "only " + shared + " programs have a variable with several consumers");
    for (Op op : Op.values()) {
      assertTrue(uses.getOrDefault(op, 0) >= 10, "only " + uses.get(op) + " uses of " + op);
    }
  }

  @ParameterizedTest(name = "{0}({1})")
  @CsvSource({
      "sin, 0.7", "sin, -2.3", "cos, 0.7", "cos, 4.0", "tan, 0.4", "tan, -1.2", "exp, 1.3", "exp, -3.0",
      "log, 0.3", "log, 7.5", "sqrt, 0.25", "sqrt, 9.0", "tanh, 0.5", "tanh, -2.5", "sigmoid, 0.0",
      "sigmoid, 2.0", "sigmoid, -4.0", "relu, 1.5", "relu, -1.5", "abs, 2.5", "abs, -0.5"})
  void functionGradientMatchesFiniteDifference(String function, double x) {
    assertGradientsMatch("x = " + x + "\ny = " + function + "(x)");
  }

  @ParameterizedTest(name = "a {0} b at a = {1}, b = {2}")
  @CsvSource({
      "+, 1.3, -0.7", "-, 1.3, -0.7", "*, 1.3, -0.7", "/, 1.3, -0.7", "/, -2.0, 0.4",
      "^, 1.7, 2.5", "^, 0.6, -1.5", "^, 2.0, 0.0"})
  void binaryOperatorGradientsMatchFiniteDifferences(String operator, double a, double b) {
    assertGradientsMatch("a = " + a + "\nb = " + b + "\ny = a " + operator + " b");
  }

  @ParameterizedTest(name = "{0}(a, b) at a = {1}, b = {2}")
  @CsvSource({
      "max, 1.3, -0.7", "max, -0.7, 1.3", "min, 1.3, -0.7", "min, -0.7, 1.3", "pow, 1.7, 2.5", "pow, 0.6, -1.5",
      "pow, 2.0, 0.0"})
  void twoArgumentFunctionGradientsMatchFiniteDifferences(String function, double a, double b) {
    assertGradientsMatch("a = " + a + "\nb = " + b + "\ny = " + function + "(a, b) * (a + 2 * b)");
  }

  /** At a tie the gradient is split equally, as torch.maximum does; the central difference there is the same ½. */
  @ParameterizedTest(name = "{0} at a tie")
  @CsvSource({"max", "min"})
  void tiesSplitTheGradientEqually(String function) {
    String text = "a = 0.75\nb = 0.75\ny = 3 * " + function + "(a, b)";
    assertGradientsMatch(text);
    Graph graph = build(text);
    double[] gradients = BackwardPass.run(graph, ForwardPass.evaluate(graph)).gradients();
    assertEquals(1.5, gradients[0]);
    assertEquals(1.5, gradients[1]);
    Graph same = build("a = 2\ny = 3 * " + function + "(a, a)");
    assertEquals(3.0, BackwardPass.run(same, ForwardPass.evaluate(same)).gradients()[0],
        "both halves reach a when it is both arguments");
  }

  @Test
  void lnIsLogAndPowIsPower() {
    Graph ln = build("x = 2.5\ny = ln(x)");
    Graph pow = build("x = 2.5\ny = pow(x, 3)");
    assertEquals(Op.LOG, ((Node.Operation) ln.node(ln.output())).op());
    assertEquals(Op.POWER, ((Node.Operation) pow.node(pow.output())).op());
    assertGradientsMatch("x = 2.5\ny = ln(x) * pow(x, 3) + x ** 2 \u2212 x \u00D7 x \u00B7 2");
  }

  @ParameterizedTest(name = "x^{1} at x = {0}")
  @CsvSource({"-1.5, 2", "-1.5, 3", "-0.8, -1", "-0.8, -2", "2.0, 0", "0.0, 2", "0.0, 1"})
  void powerWithConstantIntegerExponentMatchesFiniteDifferences(double x, int n) {
    assertGradientsMatch("x = " + x + "\ny = x^" + n);
  }

  @Test
  void powerOfZeroHasSlopeZeroInItsExponent() {
    // 0^b is 0 for every b near 2, so d(0^b)/db = 0; the formula a^b log(a) must not make it 0 * -Infinity = NaN.
    assertGradientsMatch("a = 0\nb = 2\ny = a^b");
  }

  @Test
  void negationGradientMatchesFiniteDifference() {
    assertGradientsMatch("x = 0.3\ny = -x * 2");
  }

  @Test
  void sharedNodeSumsBothPaths() {
    String text = "x = 3\ny = x*x";
    assertGradientsMatch(text);
    Graph graph = build(text);
    double[] gradients = BackwardPass.run(graph, ForwardPass.evaluate(graph)).gradients();
    assertEquals(FiniteDifferences.derivative(graph, (Node.Input) graph.node(0)), gradients[0], 1e-6);
  }

  @Test
  void variableWithThreeConsumersGetsTheSumOfThreePaths() {
    assertGradientsMatch("u = 0.7\na = sin(u)\nb = u * u\nc = exp(u)\ny = a * b + c / u");
  }

  @Test
  void inputsUsedAtDifferentDepthsMatchFiniteDifferences() {
    assertGradientsMatch("x = 1.1\nw = -0.4\nh = tanh(w * x)\nz = sigmoid(h * w + x)\nloss = (z - x)^2 + w^2");
  }

  @Test
  void inputTheOutputDoesNotUseHasZeroGradient() {
    String text = "a = 1.5\nb = 2\nc = b * 3\ny = a * 2";
    assertGradientsMatch(text);
    Graph graph = build(text);
    double[] gradients = BackwardPass.run(graph, ForwardPass.evaluate(graph)).gradients();
    assertEquals(0.0, gradients[1]);
    assertEquals(0.0, gradients[2]);
  }

  @Test
  void finiteDifferenceCheckCatchesAWrongGradient() {
    // The check itself must be able to fail: 2x differs from the derivative of x^3.
    Graph graph = build("x = 1.5\ny = x^3");
    double derivative = FiniteDifferences.derivative(graph, (Node.Input) graph.node(0));
    assertTrue(FiniteDifferences.agree(3 * 1.5 * 1.5, derivative));
    assertFalse(FiniteDifferences.agree(2 * 1.5, derivative));
  }
}
