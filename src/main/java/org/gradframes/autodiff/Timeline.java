package org.gradframes.autodiff;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.gradframes.graph.Graph;
import org.gradframes.graph.Node;

/** The frames of one program's backward pass: forward, seed, then one per backward step. */
public final class Timeline {
  private final BackwardPass pass;
  private final Graph graph;
  private final double[] gradients;
  private final int[] received;
  private final NodeState[] nodes;
  private final EdgeState[] edges;

  private Timeline(BackwardPass pass) {
    this.pass = pass;
    this.graph = pass.graph();
    this.gradients = new double[graph.size()];
    this.received = new int[graph.size()];
    this.nodes = new NodeState[graph.size()];
    this.edges = new EdgeState[graph.edges().size()];
  }

  /** Returns one snapshot per frame, in order. */
  public static List<Snapshot> of(BackwardPass pass) {
    return new Timeline(pass).snapshots();
  }

  private List<Snapshot> snapshots() {
    List<Snapshot> frames = new ArrayList<>();
    Arrays.fill(edges, EdgeState.IDLE);
    for (Node node : graph.nodes()) {
      nodes[node.index()] = initialState(node);
    }
    frames.add(snapshot(FrameKind.FORWARD, null));
    int output = graph.output();
    gradients[output] = 1.0;
    nodes[output] = NodeState.ACTIVE;
    frames.add(snapshot(FrameKind.SEED, null));
    nodes[output] = BackwardPass.takesStep(graph, output) ? NodeState.READY : NodeState.DONE;
    for (BackwardStep step : pass.steps()) {
      apply(step);
      frames.add(snapshot(FrameKind.BACKWARD, step));
      settle(step);
    }
    return List.copyOf(frames);
  }

  private NodeState initialState(Node node) {
    if (node instanceof Node.Constant) {
      return NodeState.CONSTANT;
    }
    return pass.reachesOutput(node.index()) ? NodeState.PENDING : NodeState.UNUSED;
  }

  private void apply(BackwardStep step) {
    nodes[step.node()] = NodeState.ACTIVE;
    for (Contribution c : step.contributions()) {
      int to = c.edge().from();
      gradients[to] += c.amount();
      received[to]++;
      edges[c.edge().index()] = EdgeState.ACTIVE;
      nodes[to] = stateOf(to);
    }
  }

  private NodeState stateOf(int index) {
    if (received[index] < pass.expectedContributions(index)) {
      return NodeState.PARTIAL;
    }
    return BackwardPass.takesStep(graph, index) ? NodeState.READY : NodeState.DONE;
  }

  private void settle(BackwardStep step) {
    nodes[step.node()] = NodeState.DONE;
    for (Contribution c : step.contributions()) {
      edges[c.edge().index()] = EdgeState.DONE;
    }
  }

  private Snapshot snapshot(FrameKind kind, BackwardStep step) {
    return new Snapshot(kind, step, gradients, received, nodes, edges);
  }
}
