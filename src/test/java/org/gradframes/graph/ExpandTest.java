package org.gradframes.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.gradframes.autodiff.BackwardPass;
import org.gradframes.autodiff.ForwardPass;
import org.gradframes.expr.Parser;
import org.gradframes.expr.Source;
import org.junit.jupiter.api.Test;

class ExpandTest {
  private static Graph graph(String text, boolean expand) {
    return GraphBuilder.build(Parser.parse(new Source("t", text)), expand);
  }

  @Test
  void sigmoidExpandsToTheArticlesTree() {
    Graph g = graph("x = 0.3\ny = sigmoid(x)\n", true);
    assertTrue(g.nodes().stream().noneMatch(n -> n instanceof Node.Operation o && o.op() == Op.SIGMOID));
    Node.Operation y = (Node.Operation) g.node(g.output());
    assertEquals(Op.DIVIDE, y.op());
    assertEquals("y", y.name());
  }

  @Test
  void expandedCompositesHaveTheSameValuesAndGradientsAsCentralDifferences() {
    String text = "x = 0.3\nw = -1.2\ny = sigmoid(w * x) + tanh(x - w) * tan(x)\n";
    for (boolean expand : new boolean[] {false, true}) {
      Graph g = graph(text, expand);
      double[] values = ForwardPass.evaluate(g);
      double[] grads = BackwardPass.run(g, values).gradients();
      for (String name : new String[] {"x", "w"}) {
        int i = g.nodes().stream().filter(n -> name.equals(n.name())).findFirst().orElseThrow().index();
        double v = ((Node.Input) g.node(i)).value();
        double h = 1e-6;
        double up = ForwardPass.evaluate(g, Map.of(name, v + h))[g.output()];
        double down = ForwardPass.evaluate(g, Map.of(name, v - h))[g.output()];
        assertEquals((up - down) / (2 * h), grads[i], 1e-7, name + " expand=" + expand);
      }
    }
    assertEquals(ForwardPass.evaluate(graph(text, false))[2], ForwardPass.evaluate(graph(text, true))[2], 0);
  }
}
