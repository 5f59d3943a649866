package org.gradframes.autodiff;

import java.util.Map;
import org.gradframes.graph.Edge;
import org.gradframes.graph.Graph;
import org.gradframes.graph.Node;

/** Evaluates every node of a graph in source order. */
public final class ForwardPass {
  private ForwardPass() {}

  /** Returns the value of every node, by index, with the inputs' values from the program. */
  public static double[] evaluate(Graph graph) {
    return evaluate(graph, Map.of());
  }

  /** Returns the value of every node, by index, with some inputs' values replaced (by input name). */
  public static double[] evaluate(Graph graph, Map<String, Double> inputValues) {
    double[] values = new double[graph.size()];
    for (Node node : graph.nodes()) {
      values[node.index()] = value(graph, node, values, inputValues);
    }
    return values;
  }

  /** The values of the inputs of node {@code index}, by argument. */
  static double[] arguments(Graph graph, int index, double[] values) {
    double[] args = new double[graph.inputs(index).size()];
    for (Edge e : graph.inputs(index)) {
      args[e.argument()] = values[e.from()];
    }
    return args;
  }

  private static double value(Graph graph, Node node, double[] values, Map<String, Double> inputValues) {
    if (node instanceof Node.Input in) {
      return inputValues.getOrDefault(in.name(), in.value());
    }
    if (node instanceof Node.Constant c) {
      return c.value();
    }
    if (node instanceof Node.Statement statement) {
      return StatementMath.value(statement, arguments(graph, node.index(), values));
    }
    Node.Operation op = (Node.Operation) node;
    return op.op().apply(arguments(graph, op.index(), values));
  }
}
