package org.gradframes.autodiff;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.gradframes.graph.Edge;
import org.gradframes.graph.Graph;
import org.gradframes.graph.Node;

/** The frames of one forward and backward pass: what is known of values and gradients after each step. */
public final class Timeline {
  private final BackwardPass pass;
  private final Graph graph;
  private final int epoch;
  private final double[] values;
  private final boolean[] known;
  private final double[] gradients;
  private final int[] received;
  private final NodeState[] nodes;
  private final EdgeState[] edges;
  private final List<Snapshot> frames = new ArrayList<>();
  private final double outputBeforeUpdate;

  Timeline(BackwardPass pass, int epoch) {
    this(pass, epoch, Double.NaN);
  }

  /** The frames of epoch {@code epoch}; {@code outputBeforeUpdate} is the output before the last update, or NaN. */
  Timeline(BackwardPass pass, int epoch, double outputBeforeUpdate) {
    this.outputBeforeUpdate = outputBeforeUpdate;
    this.pass = pass;
    this.graph = pass.graph();
    this.epoch = epoch;
    this.values = pass.values();
    this.known = new boolean[graph.size()];
    this.gradients = new double[graph.size()];
    this.received = new int[graph.size()];
    this.nodes = new NodeState[graph.size()];
    this.edges = new EdgeState[graph.edges().size()];
    Arrays.fill(edges, EdgeState.IDLE);
    for (Node node : graph.nodes()) {
      nodes[node.index()] = initialState(node);
    }
  }

  /** The frames of {@code pass}: the finished forward pass, the seed, then one per backward step. */
  public static List<Snapshot> of(BackwardPass pass) {
    Timeline timeline = new Timeline(pass, 1);
    timeline.forward(false);
    timeline.backward(false);
    return timeline.frames();
  }

  List<Snapshot> frames() {
    return List.copyOf(frames);
  }

  /** Adds the forward pass: one frame with every value, or the inputs and then one frame per evaluation. */
  void forward(boolean stepwise) {
    if (!stepwise) {
      Arrays.fill(known, true);
      frames.add(builder(FrameKind.FORWARD).build());
      return;
    }
    for (Node node : graph.nodes()) {
      known[node.index()] = !node.computed();
    }
    frames.add(builder(FrameKind.INPUTS).build());
    for (Node node : graph.nodes()) {
      if (node.computed()) {
        evaluate(node.index());
      }
    }
  }

  private void evaluate(int index) {
    known[index] = true;
    for (Edge e : graph.inputs(index)) {
      edges[e.index()] = EdgeState.ACTIVE;
    }
    NodeState before = nodes[index];
    nodes[index] = NodeState.ACTIVE;
    Snapshot.Builder b = builder(FrameKind.EVALUATE);
    b.evaluated = index;
    frames.add(b.build());
    nodes[index] = before;
    for (Edge e : graph.inputs(index)) {
      edges[e.index()] = EdgeState.IDLE;
    }
  }

  /** Adds the seed frame and the backward steps, one frame per step or per level of the graph. */
  void backward(boolean byLevel) {
    Arrays.fill(known, true);
    int output = graph.output();
    gradients[output] = 1.0;
    nodes[output] = NodeState.ACTIVE;
    frames.add(builder(FrameKind.SEED).build());
    nodes[output] = BackwardPass.takesStep(graph, output) ? NodeState.READY : NodeState.DONE;
    for (List<BackwardStep> group : byLevel ? levels() : singles()) {
      for (BackwardStep step : group) {
        apply(step);
      }
      Snapshot.Builder b = builder(FrameKind.BACKWARD);
      b.steps = group;
      frames.add(b.build());
      for (BackwardStep step : group) {
        settle(step);
      }
    }
  }

  /** Adds the frame of a gradient-descent update. */
  void update(List<ParameterUpdate> updates) {
    NodeState[] before = nodes.clone();
    for (ParameterUpdate u : updates) {
      nodes[u.node()] = NodeState.ACTIVE;
    }
    Snapshot.Builder b = builder(FrameKind.UPDATE);
    b.updates = updates;
    for (ParameterUpdate u : updates) {
      b.values[u.node()] = u.after();
    }
    frames.add(b.build());
    System.arraycopy(before, 0, nodes, 0, nodes.length);
  }

  private List<List<BackwardStep>> singles() {
    return pass.steps().stream().map(List::of).toList();
  }

  /** The steps grouped by the node's longest distance from the output: a level's gradients are all complete. */
  private List<List<BackwardStep>> levels() {
    int[] level = pass.levels();
    List<BackwardStep> sorted = new ArrayList<>(pass.steps());
    sorted.sort(Comparator.comparingInt(s -> level[s.node()]));
    List<List<BackwardStep>> groups = new ArrayList<>();
    for (BackwardStep step : sorted) {
      if (groups.isEmpty() || level[groups.get(groups.size() - 1).get(0).node()] != level[step.node()]) {
        groups.add(new ArrayList<>());
      }
      groups.get(groups.size() - 1).add(step);
    }
    return groups;
  }

  private NodeState initialState(Node node) {
    if (!node.hasGradient()) {
      return NodeState.CONSTANT;
    }
    return pass.reachesOutput(node.index()) ? NodeState.PENDING : NodeState.UNUSED;
  }

  private void apply(BackwardStep step) {
    nodes[step.node()] = NodeState.ACTIVE;
    for (Contribution c : step.contributions()) {
      int to = c.to();
      gradients[to] = c.sum();
      received[to] = c.path();
      edges[c.edge().index()] = EdgeState.ACTIVE;
      nodes[to] = stateOf(to);
    }
  }

  private NodeState stateOf(int index) {
    if (nodes[index] == NodeState.ACTIVE) {
      return NodeState.ACTIVE;
    }
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

  private Snapshot.Builder builder(FrameKind kind) {
    Snapshot.Builder b = new Snapshot.Builder();
    b.kind = kind;
    b.epoch = epoch;
    b.values = values.clone();
    b.known = known;
    b.gradients = gradients;
    b.received = received;
    b.nodeStates = nodes;
    b.edgeStates = edges;
    b.pass = pass;
    b.outputBeforeUpdate = outputBeforeUpdate;
    return b;
  }
}
