package org.gradframes.autodiff;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.gradframes.graph.Edge;
import org.gradframes.graph.Graph;
import org.gradframes.graph.Node;

/**
 * Reverse-mode differentiation as a list of steps. The output's gradient is seeded with 1; a node takes its step
 * once all of its consumers have sent their contributions. The order is depth-first: after a step, the next one
 * takes the first of the node's inputs (in argument order) that became complete; when none did, it goes back to
 * the most recent node still waiting. For the notebook's advanced example this gives y, u3, u1, u4, u2. Stepping
 * by level instead, all nodes at one longest distance from the output step together.
 */
public final class BackwardPass {
  private final Graph graph;
  private final double[] values;
  private final double[] gradients;
  private final int[] expected;
  private final boolean[] reachesOutput;
  private final List<BackwardStep> steps;
  private final Contribution[] byEdge;
  private final List<List<Contribution>> byTarget;

  private BackwardPass(Graph graph, double[] values) {
    this.graph = graph;
    this.values = values.clone();
    this.gradients = new double[graph.size()];
    this.reachesOutput = graph.reachesOutput();
    this.expected = expectedContributions(graph, reachesOutput);
    this.steps = new ArrayList<>();
    this.byEdge = new Contribution[graph.edges().size()];
    this.byTarget = new ArrayList<>();
    for (int i = 0; i < graph.size(); i++) {
      byTarget.add(new ArrayList<>());
    }
  }

  /** Runs the backward pass, depth first, on a graph whose forward {@code values} are known. */
  public static BackwardPass run(Graph graph, double[] values) {
    return run(graph, values, false);
  }

  /**
   * Runs the backward pass on a graph whose forward {@code values} are known: depth first, or with
   * {@code byLevel} a level of the graph at a time (the depth-first order within a level). Each node's gradient is
   * summed once, in the order its contributions are shown.
   */
  public static BackwardPass run(Graph graph, double[] values, boolean byLevel) {
    BackwardPass pass = new BackwardPass(graph, values);
    List<Integer> order = pass.depthFirst();
    if (byLevel) {
      int[] level = pass.levels();
      order.sort(java.util.Comparator.comparingInt(n -> level[n]));
    }
    pass.gradients[graph.output()] = 1.0;
    int[] received = new int[graph.size()];
    for (int node : order) {
      pass.step(node, received);
    }
    return pass;
  }

  /** The nodes in the order they take their steps depth first; it depends only on the graph. */
  private List<Integer> depthFirst() {
    int[] received = new int[graph.size()];
    List<Integer> order = new ArrayList<>();
    Deque<Integer> waiting = new ArrayDeque<>();
    if (takesStep(graph, graph.output())) {
      waiting.push(graph.output());
    }
    while (!waiting.isEmpty()) {
      int node = waiting.pop();
      order.add(node);
      List<Integer> completed = new ArrayList<>();
      for (Edge e : graph.inputs(node)) {
        if (!graph.node(e.from()).hasGradient()) {
          continue;
        }
        received[e.from()]++;
        if (received[e.from()] == expected[e.from()] && takesStep(graph, e.from())) {
          completed.add(e.from());
        }
      }
      for (int i = completed.size() - 1; i >= 0; i--) {
        waiting.push(completed.get(i));
      }
    }
    return order;
  }

  /** Node {@code node} sends its contributions back; its gradient is complete. */
  private void step(int node, int[] received) {
    double[] args = ForwardPass.arguments(graph, node, values);
    double[] slopes = graph.node(node) instanceof Node.Statement statement ? StatementMath.slopes(statement, args)
        : null;
    List<Contribution> contributions = new ArrayList<>();
    for (Edge e : graph.inputs(node)) {
      if (!graph.node(e.from()).hasGradient()) {
        continue;
      }
      double local = slopes != null ? slopes[e.argument()]
          : ((Node.Operation) graph.node(node)).op().derivative(args, values[node], e.argument());
      double amount = gradients[node] * local;
      gradients[e.from()] += amount;
      received[e.from()]++;
      Contribution c = new Contribution(e, gradients[node], local, amount, received[e.from()], expected[e.from()],
          gradients[e.from()]);
      contributions.add(c);
      byEdge[e.index()] = c;
      byTarget.get(e.from()).add(c);
    }
    steps.add(new BackwardStep(node, gradients[node], contributions));
  }

  /**
   * Whether node {@code index} passes anything back: an operation with an input that has a gradient, not only
   * constants and data.
   */
  static boolean takesStep(Graph graph, int index) {
    for (Edge e : graph.inputs(index)) {
      if (graph.node(e.from()).hasGradient()) {
        return true;
      }
    }
    return false;
  }

  private static int[] expectedContributions(Graph graph, boolean[] reaches) {
    int[] expected = new int[graph.size()];
    for (Edge e : graph.edges()) {
      if (reaches[e.to()] && graph.node(e.from()).hasGradient()) {
        expected[e.from()]++;
      }
    }
    return expected;
  }

  public Graph graph() {
    return graph;
  }

  /** The forward values the pass used, by node index. */
  public double[] values() {
    return values.clone();
  }

  /** The final gradient of the output with respect to every node, by index (0 for constants, data, unused nodes). */
  public double[] gradients() {
    return gradients.clone();
  }

  /** How many contributions node {@code index} receives in all. */
  public int expectedContributions(int index) {
    return expected[index];
  }

  /** Whether the output depends on node {@code index}. */
  public boolean reachesOutput(int index) {
    return reachesOutput[index];
  }

  /**
   * Each node's level: the length of the longest path from it to the output (the output is level 0). All the
   * consumers of a node are on lower levels, so stepping level by level meets only complete gradients.
   */
  public int[] levels() {
    int[] level = new int[graph.size()];
    for (int i = graph.output(); i >= 0; i--) {
      if (reachesOutput[i]) {
        for (Edge e : graph.inputs(i)) {
          level[e.from()] = Math.max(level[e.from()], level[i] + 1);
        }
      }
    }
    return level;
  }

  public List<BackwardStep> steps() {
    return List.copyOf(steps);
  }

  /** The contribution sent back along edge {@code index}, or null when none is (an edge from a constant or data). */
  public Contribution contribution(int edge) {
    return byEdge[edge];
  }

  /** The contributions node {@code index} receives, in the order they arrive. */
  public List<Contribution> contributionsTo(int index) {
    return List.copyOf(byTarget.get(index));
  }
}
