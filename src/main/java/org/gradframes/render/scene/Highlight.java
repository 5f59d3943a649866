package org.gradframes.render.scene;

import java.util.Collection;
import org.gradframes.graph.Edge;
import org.gradframes.graph.Graph;
import org.gradframes.graph.Node;

/**
 * The nodes and edges on the paths from some variables to the output, which a frame draws emphasised and everything
 * else dimmed: a node is on them if it is one of the variables or lies on a path from one of them to the output (a
 * descendant of one that the output depends on), an edge if both its ends are.
 */
public final class Highlight {
  private final boolean[] nodes;
  private final boolean[] edges;
  private final boolean any;

  private Highlight(boolean[] nodes, boolean[] edges, boolean any) {
    this.nodes = nodes;
    this.edges = edges;
    this.any = any;
  }

  /**
   * The paths of the variables {@code names} in {@code graph}. A name picks the nodes of that name, and of a vector
   * or matrix the nodes of all its elements ({@code x} picks {@code x[1]}, {@code x[2]}). Where the view hides a
   * variable (the network view's weights and biases), the edge that carries its weight and the neuron that holds
   * its bias are on its path. No names, nothing dimmed.
   */
  public static Highlight of(Graph graph, Shown shown, Collection<String> names) {
    int n = graph.size();
    boolean[] on = new boolean[n];
    boolean[] reaches = graph.reachesOutput();
    for (Node node : graph.nodes()) {
      on[node.index()] |= named(node, names);
      if (on[node.index()]) {
        for (Edge e : graph.consumers(node.index())) {
          on[e.to()] = true;
        }
      }
    }
    boolean[] nodes = new boolean[n];
    for (int i = 0; i < n; i++) {
      nodes[i] = on[i] && reaches[i];
    }
    boolean[] edges = new boolean[graph.edges().size()];
    for (Edge e : graph.edges()) {
      Integer weight = shown.weight(e.index());
      edges[e.index()] = nodes[e.from()] && nodes[e.to()] || weight != null && nodes[weight];
    }
    for (int i = 0; i < n; i++) {
      Integer bias = shown.bias(i);
      nodes[i] |= bias != null && nodes[bias];
    }
    return new Highlight(nodes, edges, !names.isEmpty());
  }

  private static boolean named(Node node, Collection<String> names) {
    String name = node.name();
    if (name == null) {
      return false;
    }
    for (String wanted : names) {
      if (name.equals(wanted) || name.startsWith(wanted + "[")) {
        return true;
      }
    }
    return false;
  }

  /** Whether node {@code index} is drawn dimmed: some variables are highlighted and it is on none of their paths. */
  public boolean dimNode(int index) {
    return any && !nodes[index];
  }

  /** Whether edge {@code index} is drawn dimmed. */
  public boolean dimEdge(int index) {
    return any && !edges[index];
  }
}
