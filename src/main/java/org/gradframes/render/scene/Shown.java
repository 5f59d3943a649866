package org.gradframes.render.scene;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.gradframes.graph.Graph;

/**
 * Which nodes and edges the frames draw, and what the network view draws instead of the parameters it leaves
 * out: the weight of an edge on the edge, the bias of a neuron in its box.
 *
 * @param neurons the nodes drawn as neurons: their names only, their weights on their edges
 * @param weights the weight node of each edge that carries one
 * @param biases the bias node of each neuron that has one
 * @param captionLines the most lines of a caption the picture shows
 */
public record Shown(boolean[] nodes, boolean[] edges, Set<Integer> neurons, Map<Integer, Integer> weights,
    Map<Integer, Integer> biases, int captionLines) {
  public Shown {
    nodes = nodes.clone();
    edges = edges.clone();
    neurons = java.util.Collections.unmodifiableSet(new java.util.TreeSet<>(neurons));
    weights = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(weights));
    biases = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(biases));
  }

  /** Every node and edge of {@code graph}. */
  public static Shown all(Graph graph) {
    boolean[] nodes = new boolean[graph.size()];
    boolean[] edges = new boolean[graph.edges().size()];
    Arrays.fill(nodes, true);
    Arrays.fill(edges, true);
    return new Shown(nodes, edges, Set.of(), Map.of(), Map.of(), 8);
  }

  /** Whether node {@code index} is drawn. */
  public boolean node(int index) {
    return nodes[index];
  }

  /** Whether edge {@code index} is drawn. */
  public boolean edge(int index) {
    return edges[index];
  }

  /** The weight node edge {@code index} carries, or null. */
  public Integer weight(int edge) {
    return weights.get(edge);
  }

  /** The bias node of neuron {@code index}, or null. */
  public Integer bias(int node) {
    return biases.get(node);
  }

  /** Whether node {@code index} is a neuron of the network view. */
  public boolean neuron(int node) {
    return neurons.contains(node);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Shown s && Arrays.equals(nodes, s.nodes) && Arrays.equals(edges, s.edges)
        && neurons.equals(s.neurons) && weights.equals(s.weights) && biases.equals(s.biases)
        && captionLines == s.captionLines;
  }

  @Override
  public int hashCode() {
    return Objects.hash(Arrays.hashCode(nodes), Arrays.hashCode(edges), neurons, weights, biases);
  }

  @Override
  public String toString() {
    return "Shown" + Arrays.toString(nodes);
  }
}
