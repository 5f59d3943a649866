package org.gradframes.graph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** An immutable computational graph: nodes in source order, which is a topological order. */
public final class Graph {
  private final List<Node> nodes;
  private final List<Edge> edges;
  private final List<List<Edge>> consumers;
  private final List<List<Edge>> inputs;
  private final int output;

  /** Creates the graph of {@code nodes}; {@code output} is the index of the output node. */
  public Graph(List<Node> nodes, int output) {
    this.nodes = List.copyOf(nodes);
    Objects.checkIndex(output, this.nodes.size());
    this.output = output;
    List<Edge> all = new ArrayList<>();
    List<List<Edge>> byFrom = new ArrayList<>();
    List<List<Edge>> byTo = new ArrayList<>();
    for (int i = 0; i < this.nodes.size(); i++) {
      Node node = this.nodes.get(i);
      if (node.index() != i) {
        throw new IllegalArgumentException("node " + node.id() + " has index " + node.index() + ", not " + i);
      }
      byFrom.add(new ArrayList<>());
      List<Edge> in = new ArrayList<>();
      for (int a = 0; a < node.inputs().size(); a++) {
        Edge edge = new Edge(all.size(), node.inputs().get(a), i, a);
        all.add(edge);
        in.add(edge);
        byFrom.get(edge.from()).add(edge);
      }
      byTo.add(Collections.unmodifiableList(in));
    }
    this.edges = List.copyOf(all);
    this.consumers = byFrom.stream().map(List::copyOf).toList();
    this.inputs = List.copyOf(byTo);
  }

  public List<Node> nodes() {
    return nodes;
  }

  public Node node(int index) {
    return nodes.get(index);
  }

  public List<Edge> edges() {
    return edges;
  }

  /** The output node's index. */
  public int output() {
    return output;
  }

  /** The edges leaving node {@code index}, in the order their consumers appear. */
  public List<Edge> consumers(int index) {
    return consumers.get(index);
  }

  /** The edges entering node {@code index}, by argument. */
  public List<Edge> inputs(int index) {
    return inputs.get(index);
  }

  public int size() {
    return nodes.size();
  }

  /**
   * This graph with the inputs named in {@code names} as data: each keeps its value and has no gradient. A name
   * that is no input's is ignored; checking names is the caller's.
   */
  public Graph withData(Set<String> names) {
    if (names.isEmpty()) {
      return this;
    }
    List<Node> marked = new ArrayList<>();
    for (Node node : nodes) {
      marked.add(node instanceof Node.Input in && names.contains(in.name())
          ? new Node.Input(in.index(), in.name(), in.value(), in.position(), true) : node);
    }
    return new Graph(marked, output);
  }

  /** Whether the output depends on node {@code index} (the output itself included). */
  public boolean[] reachesOutput() {
    boolean[] reaches = new boolean[nodes.size()];
    reaches[output] = true;
    for (int i = output; i >= 0; i--) {
      if (reaches[i]) {
        for (Edge e : inputs.get(i)) {
          reaches[e.from()] = true;
        }
      }
    }
    return reaches;
  }
}
