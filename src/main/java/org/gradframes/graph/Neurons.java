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
 * exp, each term is a weight times an input ({@code w·in}, or {@code in·w} where {@code in} is computed), with at
 * least two weights or a weight and a bias, and every weight and bias is an input of the program used by this
 * statement alone (never one named as data). A program is a network when it has at least two neurons. Weights and
 * biases are the neurons' parameters: the network view draws them on the edges and in the boxes instead of as
 * nodes of their own.
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
    weights = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(weights));
    biases = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(biases));
    parameters = List.copyOf(parameters);
  }

  /**
   * The neurons of {@code graph}, a statement graph, where no input named in {@code data} is a weight or bias and,
   * when {@code parameters} is not null, only those named in it are; none when fewer than two statements are
   * neurons.
   */
  public static Neurons of(Graph graph, java.util.Set<String> data, java.util.Set<String> allowed) {
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
        if (neuron(graph, s, uses, mine, bias, data, allowed)) {
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
    if (neurons.size() < 2) {
      return new Neurons(List.of(), Map.of(), Map.of(), List.of());
    }
    return new Neurons(neurons, weights, biases, parameters);
  }

  /** Whether any statement is a neuron. */
  public boolean any() {
    return !neurons.isEmpty();
  }

  private static boolean neuron(Graph graph, Node.Statement s, int[] uses, Map<Integer, Integer> weights,
      int[] bias, java.util.Set<String> data, java.util.Set<String> allowed) {
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
        int p = parameter(graph, s, v, uses, data, allowed);
        if (p < 0 || bias[0] >= 0) {
          return false;
        }
        bias[0] = p;
      } else if (term instanceof Expr.Binary b && b.operator() == Expr.Operator.MULTIPLY
          && b.left() instanceof Expr.Variable l && b.right() instanceof Expr.Variable r) {
        int pl = parameter(graph, s, l, uses, data, allowed);
        int pr = parameter(graph, s, r, uses, data, allowed);
        // The weight comes first (w * x), or second after a computed input (h * v); two inputs the other way
        // round (x * w) are read as data times weight only when the first is not a parameter.
        boolean leftComputed = graph.node(s.inputs().get(s.argument(l.name()))).computed();
        int weight = pl >= 0 ? pl : pr >= 0 && leftComputed ? pr : -1;
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
    return weights.size() >= 2 || !weights.isEmpty() && bias[0] >= 0;
  }

  /** The node of {@code v} when it is an input of the program used by statement {@code s} alone, or -1. */
  private static int parameter(Graph graph, Node.Statement s, Expr.Variable v, int[] uses,
      java.util.Set<String> data, java.util.Set<String> allowed) {
    int node = s.inputs().get(s.argument(v.name()));
    if (data.contains(v.name()) || allowed != null && !allowed.contains(v.name())) {
      return -1;
    }
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
