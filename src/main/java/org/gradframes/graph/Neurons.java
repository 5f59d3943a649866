package org.gradframes.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gradframes.expr.Expr;

/**
 * The neurons of a statement graph, for drawing it as a network. A neuron is a statement
 * {@code act(w1·in1 + w2·in2 + … + b)} or {@code w1·in1 + … + b}, where {@code act} is relu, tanh, sigmoid or
 * exp, each term is a weight times an input ({@code w·in} or {@code in·w}), the bias {@code b} is optional, and
 * every weight and bias is an input of the program used by this statement alone. Weights and biases are the
 * neurons' parameters: the network view draws them on the edges and in the boxes instead of as nodes of their own.
 *
 * @param neurons the statement nodes that are neurons
 * @param weights for each edge from an input of a neuron to the neuron, the node of its weight
 * @param biases for each neuron with a bias, the node of its bias
 * @param parameters every weight and bias node
 */
public record Neurons(List<Integer> neurons, Map<Integer, Integer> weights, Map<Integer, Integer> biases,
    List<Integer> parameters) {
  public Neurons {
    neurons = List.copyOf(neurons);
    weights = Map.copyOf(weights);
    biases = Map.copyOf(biases);
    parameters = List.copyOf(parameters);
  }

  /** The neurons of {@code graph}, a statement graph; none when no statement has a neuron's shape. */
  public static Neurons of(Graph graph) {
    int[] uses = new int[graph.size()];
    for (Edge e : graph.edges()) {
      uses[e.from()]++;
    }
    List<Integer> neurons = new ArrayList<>();
    Map<Integer, Integer> weights = new LinkedHashMap<>();
    Map<Integer, Integer> biases = new LinkedHashMap<>();
    List<Integer> parameters = new ArrayList<>();
    for (Node node : graph.nodes()) {
      if (node instanceof Node.Statement s) {
        Map<Integer, Integer> mine = new HashMap<>();
        int[] bias = {-1};
        if (neuron(graph, s, uses, mine, bias)) {
          neurons.add(s.index());
          for (Map.Entry<Integer, Integer> w : mine.entrySet()) {
            weights.put(w.getKey(), w.getValue());
            parameters.add(w.getValue());
          }
          if (bias[0] >= 0) {
            biases.put(s.index(), bias[0]);
            parameters.add(bias[0]);
          }
        }
      }
    }
    parameters.sort(null);
    return new Neurons(neurons, weights, biases, parameters);
  }

  /** Whether any statement is a neuron. */
  public boolean any() {
    return !neurons.isEmpty();
  }

  private static boolean neuron(Graph graph, Node.Statement s, int[] uses, Map<Integer, Integer> weights,
      int[] bias) {
    Expr sum = s.expression();
    if (sum instanceof Expr.Call c && switch (c.function()) {
      case RELU, TANH, SIGMOID, EXP -> true;
      default -> false;
    }) {
      sum = c.argument();
    }
    List<Expr> terms = new ArrayList<>();
    terms(sum, terms);
    for (Expr term : terms) {
      if (term instanceof Expr.Variable v) {
        int p = parameter(graph, s, v, uses);
        if (p < 0 || bias[0] >= 0) {
          return false;
        }
        bias[0] = p;
      } else if (term instanceof Expr.Binary b && b.operator() == Expr.Operator.MULTIPLY
          && b.left() instanceof Expr.Variable l && b.right() instanceof Expr.Variable r) {
        int pl = parameter(graph, s, l, uses);
        int pr = parameter(graph, s, r, uses);
        int weight = pl >= 0 && pr < 0 ? pl : pr >= 0 && pl < 0 ? pr : pl >= 0 ? pl : -1;
        if (weight < 0) {
          return false;
        }
        String input = weight == pl ? r.name() : l.name();
        int edge = graph.inputs(s.index()).get(s.argument(input)).index();
        if (weights.containsKey(edge)) {
          return false;
        }
        weights.put(edge, weight);
      } else {
        return false;
      }
    }
    return !weights.isEmpty();
  }

  /** The node of {@code v} when it is an input of the program used by statement {@code s} alone, or -1. */
  private static int parameter(Graph graph, Node.Statement s, Expr.Variable v, int[] uses) {
    int node = s.inputs().get(s.argument(v.name()));
    return graph.node(node) instanceof Node.Input && uses[node] == 1 && occurrences(s.expression(), v.name()) == 1
        ? node : -1;
  }

  private static int occurrences(Expr expr, String name) {
    if (expr instanceof Expr.Variable v) {
      return v.name().equals(name) ? 1 : 0;
    }
    if (expr instanceof Expr.Negation n) {
      return occurrences(n.operand(), name);
    }
    if (expr instanceof Expr.Binary b) {
      return occurrences(b.left(), name) + occurrences(b.right(), name);
    }
    if (expr instanceof Expr.Call c) {
      int count = 0;
      for (Expr argument : c.arguments()) {
        count += occurrences(argument, name);
      }
      return count;
    }
    return 0;
  }

  private static void terms(Expr expr, List<Expr> into) {
    if (expr instanceof Expr.Binary b && b.operator() == Expr.Operator.ADD) {
      terms(b.left(), into);
      terms(b.right(), into);
    } else {
      into.add(expr);
    }
  }
}
