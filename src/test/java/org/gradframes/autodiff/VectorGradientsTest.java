package org.gradframes.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gradframes.expr.Parser;
import org.gradframes.expr.Source;
import org.gradframes.graph.Graph;
import org.gradframes.graph.GraphBuilder;
import org.gradframes.graph.Node;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Vector programs: every element's gradient against central finite differences, and the network in both forms. */
class VectorGradientsTest {
  private static Graph build(String text) {
    return GraphBuilder.build(Parser.parse(new Source("t.grad", text)));
  }

  /** Every named node's gradient, by name. */
  private static Map<String, Double> gradients(Graph graph) {
    double[] gradients = BackwardPass.run(graph, ForwardPass.evaluate(graph)).gradients();
    Map<String, Double> byName = new HashMap<>();
    for (Node node : graph.nodes()) {
      if (node.name() != null) {
        byName.put(node.name(), gradients[node.index()]);
      }
    }
    return byName;
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "x = [1.2, -0.5]\nW = [[0.1, 0.2], [0.3, 0.4], [0.5, -0.6]]\nb = [0.1, -0.2, 0.3]\nh = tanh(W @ x + b)\n"
          + "v = [0.7, -0.8, 0.9]\nloss = (v @ h - 0.5) ^ 2",
      "z = [1.5, -0.3, 0.8]\ny = [0, 1, 0]\np = softmax(z)\nloss = -sum(y * log(p))",
      "a = [0.5, 1.5, -2]\nb = [2, -1, 0.25]\nm = mean(a * b) + dot(a, b) / 3\nloss = m ** 2 + sum(sigmoid(a) / b)",
      "W = [[1, 2], [3, 4]]\nx = [0.5, -1]\nr = W[2] @ x + W[1, 2] * x[1]\nloss = sqrt(r * r + sum(exp(-x)))",
      "M = [[0.1, 0.2, 0.3], [-0.4, 0.5, 0.6]]\nN = [[1, 0], [0.5, -1], [2, 1]]\nP = M @ N\n"
          + "loss = sum(P ** 2) + sum([1, 2] @ M)",
      "x = [0.3, -0.7]\nc = 2\nh = max(c * x, 0.1) - min(x, pow(x, 2))\nloss = sum(h) + sum(abs(x) * c)",
      "z = [1.5, -0.3, 0.8]\nh = [0.2, 0.4, -1]\np = softmax(2 * z + h)\n"
          + "loss = -log(p[2]) + 0.1 * mean((z - mean(z)) ** 2)",
      "v = [1, 2, 4]\nw = [0.5, -1, 2]\nc = v - mean(v)\nloss = sum(c * w) / (sum(v) + v @ w) + sum(c / dot(v, v))",
  })
  void everyElementHasTheGradientOfItsFiniteDifference(String program) {
    Graph graph = build(program);
    double[] gradients = BackwardPass.run(graph, ForwardPass.evaluate(graph)).gradients();
    int inputs = 0;
    for (Node node : graph.nodes()) {
      if (node instanceof Node.Input in) {
        inputs++;
        assertTrue(FiniteDifferences.settled(graph, in), in.name());
        double expected = FiniteDifferences.derivative(graph, in);
        assertTrue(FiniteDifferences.agree(expected, gradients[in.index()]), () -> in.name() + ": finite difference "
            + expected + ", backward pass " + gradients[in.index()] + "\n" + program);
      }
    }
    assertTrue(inputs >= 3, "the program has its elements as inputs");
  }

  /** The scalar name in samples/network.grad (tools/network.py) of a name in samples/network-vectors.grad. */
  private static String scalarName(String name) {
    if (name.matches("W\\d\\[\\d+,\\d+\\]")) {
      String[] index = name.substring(3, name.length() - 1).split(",");
      return "w" + name.charAt(1) + "_" + index[1] + "_" + index[0];
    }
    if (name.matches("[bh]\\d\\[\\d+\\]")) {
      return name.substring(0, 2) + "_" + name.substring(3, name.length() - 1);
    }
    return name.equals("x[1]") ? "x" : name.equals("yhat[1]") ? "yhat" : name;
  }

  @Test
  void theNetworkInMatricesHasExactlyTheGradientsOfTheNetworkInScalars() throws IOException {
    Map<String, Double> scalars = gradients(build(Files.readString(Path.of("samples/network.grad"))));
    Graph vectors = build(Files.readString(Path.of("samples/network-vectors.grad")));
    Map<String, Double> byElement = gradients(vectors);
    List<String> compared = new ArrayList<>();
    for (Map.Entry<String, Double> e : byElement.entrySet()) {
      String scalar = scalarName(e.getKey());
      assertTrue(scalars.containsKey(scalar), e.getKey() + " as " + scalar);
      assertEquals(scalars.get(scalar), e.getValue(), 1e-12 * Math.max(1e-300, Math.abs(scalars.get(scalar))),
          e.getKey() + " and " + scalar);
      compared.add(scalar);
    }
    assertEquals(scalars.keySet(), new java.util.HashSet<>(compared), "every variable of network.grad compared");
    long inputs = vectors.nodes().stream().filter(n -> n instanceof Node.Input).count();
    assertEquals(8 + 8 + 64 + 8 + 64 + 8 + 8 + 1 + 2, inputs, "every weight, bias and the example's x and y");
  }

  /** The program's value of {@code name} and the output's gradient with respect to it. */
  private static double[] valueAndGradient(Graph graph, String name) {
    double[] values = ForwardPass.evaluate(graph);
    double[] gradients = BackwardPass.run(graph, values).gradients();
    int index = graph.nodes().stream().filter(n -> name.equals(n.name())).findFirst().orElseThrow().index();
    return new double[] {values[index], gradients[index]};
  }

  @Test
  void aSoftmaxOfFarApartLogitsHasTheExactGradient() {
    Graph graph = build("x = [356, 0]\np = softmax(x)\nloss = -log(p[2])");
    double p1 = 1 / (1 + Math.exp(-356));
    double p2 = Math.exp(-356) / (1 + Math.exp(-356));
    assertEquals(-Math.log(p2), ForwardPass.evaluate(graph)[graph.output()], 1e-12 * 356);
    assertEquals(p1, valueAndGradient(graph, "x[1]")[1], 1e-12, "d(-log p2)/dx1 = p1");
    assertEquals(p2 - 1, valueAndGradient(graph, "x[2]")[1], 1e-12, "d(-log p2)/dx2 = p2 - 1");
  }

  @Test
  void theLogOfASoftmaxWrittenInOneStatementStaysFiniteWhereTheSoftmaxRoundsToZero() {
    // -log(softmax(x)[2]) = log(e^x1 + e^x2) - x2, written here without a softmax: x1 + log1p(e^(x2 - x1)) - x2.
    java.util.function.DoubleBinaryOperator loss = (x1, x2) -> Math.max(x1, x2)
        + Math.log1p(Math.exp(-Math.abs(x1 - x2))) - x2;
    for (double[] x : new double[][] {{1000, 0}, {0, -1000}, {1e6, 3}, {356, 0}, {2, 1}}) {
      Graph graph = build("x = [" + x[0] + ", " + x[1] + "]\nloss = -log(softmax(x)[2])");
      assertEquals(loss.applyAsDouble(x[0], x[1]), ForwardPass.evaluate(graph)[graph.output()],
          1e-12 * Math.abs(x[0] - x[1]) + 1e-12, java.util.Arrays.toString(x));
      double h = 1e-3;
      double d1 = (loss.applyAsDouble(x[0] + h, x[1]) - loss.applyAsDouble(x[0] - h, x[1])) / (2 * h);
      double d2 = (loss.applyAsDouble(x[0], x[1] + h) - loss.applyAsDouble(x[0], x[1] - h)) / (2 * h);
      assertEquals(d1, valueAndGradient(graph, "x[1]")[1], 1e-6 * (1 + Math.abs(x[0])), "finite differences");
      assertEquals(d2, valueAndGradient(graph, "x[2]")[1], 1e-6 * (1 + Math.abs(x[0])), "finite differences");
    }
  }

  @Test
  void aSoftmaxOfLogitsPastTheRangeOfExpHasExactValuesAndFiniteGradients() {
    Graph graph = build("x = [1000, 0]\np = softmax(x)\nloss = p[1] + 2 * p[2]");
    assertEquals(1.0, valueAndGradient(graph, "p[1]")[0]);
    assertEquals(0.0, valueAndGradient(graph, "p[2]")[0]);
    for (String x : List.of("x[1]", "x[2]")) {
      double gradient = valueAndGradient(graph, x)[1];
      assertEquals(0.0, gradient, 1e-300, x + ": -p1 p2 and p1 p2, both e^-1000");
    }
    Graph near = build("x = [1000, 999]\np = softmax(x)\nloss = -log(p[2])");
    double p1 = 1 / (1 + Math.exp(-1));
    assertEquals(p1, valueAndGradient(near, "p[1]")[0], 1e-15);
    assertEquals(p1, valueAndGradient(near, "x[1]")[1], 1e-15);
    assertEquals(-p1, valueAndGradient(near, "x[2]")[1], 1e-15);
  }
}
