package org.gradframes.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gradframes.expr.Parser;
import org.gradframes.expr.Source;
import org.gradframes.graph.Graph;
import org.gradframes.graph.GraphBuilder;
import org.gradframes.graph.Node;
import org.junit.jupiter.api.Test;

/** The samples against the numbers their source documents print (see each sample's header comment). */
class SampleGradientsTest {
  private static final double EXACT = 1e-9;

  /** One sample's graph with its forward values and gradients, looked up by node id. */
  private record Solved(Graph graph, double[] values, double[] gradients) {
    double value(String id) {
      return values[index(id)];
    }

    double gradient(String id) {
      return gradients[index(id)];
    }

    String output() {
      return graph.node(graph.output()).id();
    }

    private int index(String id) {
      return graph.nodes().stream().filter(n -> n.id().equals(id)).mapToInt(Node::index).findFirst().orElseThrow();
    }
  }

  private static Solved solve(String sample) throws IOException {
    Path path = Path.of("samples", sample + ".grad");
    Graph graph = GraphBuilder.build(Parser.parse(new Source(path.toString(), Files.readString(path))));
    double[] values = ForwardPass.evaluate(graph);
    return new Solved(graph, values, BackwardPass.run(graph, values).gradients());
  }

  @Test
  void advancedExampleMatchesTheNotebook() throws IOException {
    Solved s = solve("advanced");
    assertEquals("y", s.output());
    assertEquals(40, s.value("y"), EXACT);
    assertEquals(1, s.gradient("y"), EXACT);
    assertEquals(-8, s.gradient("x1"), EXACT);
    assertEquals(-8, s.gradient("x2"), EXACT);
    assertEquals(60, s.gradient("x3"), EXACT);
    assertEquals(-120, s.gradient("x4"), EXACT);
    assertEquals(-60, s.gradient("u2"), EXACT);
    assertEquals(-8, s.gradient("u1"), EXACT);
    assertEquals(4, s.gradient("u3"), EXACT);
    assertEquals(10, s.gradient("u4"), EXACT);
  }

  @Test
  void chainRuleExampleMatchesTheNotebook() throws IOException {
    Solved s = solve("chain-rule");
    assertEquals(6, s.value("u"), EXACT);
    assertEquals(-30, s.value("y"), EXACT);
    assertEquals(-5, s.gradient("u"), EXACT);
    assertEquals(-5, s.gradient("x1"), EXACT);
    assertEquals(-5, s.gradient("x2"), EXACT);
    assertEquals(6, s.gradient("x3"), EXACT);
  }

  @Test
  void oneNeuronExampleMatchesTheExplainer() throws IOException {
    Solved s = solve("one-neuron");
    assertEquals("loss", s.output());
    assertEquals(3.61, s.value("loss"), EXACT);
    assertEquals(-7.98, s.gradient("w"), EXACT);
    assertEquals(-3.8, s.gradient("b"), EXACT);
  }

  @Test
  void sigmoidAtZeroIsOneHalfWithSlopeOneQuarter() throws IOException {
    Solved s = solve("sigmoid");
    assertEquals(0.5, s.value("f"), EXACT);
    assertEquals(0.25, s.gradient("x"), EXACT);
  }

  @Test
  void sinOfSquareHasSlopeCosTimesTwoX() throws IOException {
    Solved s = solve("sin-square");
    assertEquals(Math.sin(2.25), s.value("y"), EXACT);
    assertEquals(Math.cos(2.25) * 3, s.gradient("x"), EXACT);
    assertEquals(-1.8845, s.gradient("x"), 1e-4);
  }

  @Test
  void cs231nNeuronWithDotAsAVariableHasTheNotesNumbersByFiniteDifferences() throws IOException {
    Path path = Path.of("bench/teaching/cs231n-neuron-notes.grad");
    Graph graph = GraphBuilder.build(Parser.parse(new Source(path.toString(), Files.readString(path))));
    double[] values = ForwardPass.evaluate(graph);
    double[] gradients = BackwardPass.run(graph, values).gradients();
    assertEquals(0.73, values[graph.output()], 0.005);
    double[] notes = {-0.2, 0.39};
    String[] inputs = {"w0", "x0"};
    for (int k = 0; k < inputs.length; k++) {
      String name = inputs[k];
      Node.Input input = (Node.Input) graph.nodes().stream().filter(n -> name.equals(n.name())).findFirst()
          .orElseThrow();
      double difference = FiniteDifferences.derivative(graph, input);
      assertEquals(notes[k], difference, 0.005, name + " as the notes round it");
      assertTrue(FiniteDifferences.agree(difference, gradients[input.index()]), name);
    }
  }
}
