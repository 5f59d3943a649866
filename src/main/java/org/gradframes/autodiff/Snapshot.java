package org.gradframes.autodiff;

import java.util.Objects;

/** What one frame shows: the gradients known so far and the state of every node and edge. */
public final class Snapshot {
  private final FrameKind kind;
  private final BackwardStep step;
  private final double[] gradients;
  private final int[] received;
  private final NodeState[] nodeStates;
  private final EdgeState[] edgeStates;

  Snapshot(FrameKind kind, BackwardStep step, double[] gradients, int[] received, NodeState[] nodeStates,
      EdgeState[] edgeStates) {
    this.kind = Objects.requireNonNull(kind, "kind");
    if ((kind == FrameKind.BACKWARD) != (step != null)) {
      throw new IllegalArgumentException("a backward frame, and only one, has a step");
    }
    this.step = step;
    this.gradients = gradients.clone();
    this.received = received.clone();
    this.nodeStates = nodeStates.clone();
    this.edgeStates = edgeStates.clone();
  }

  public FrameKind kind() {
    return kind;
  }

  /** The step this frame shows, or null for the forward and seed frames. */
  public BackwardStep step() {
    return step;
  }

  /** The node highlighted in this frame (the output in the seed frame), or -1. */
  public int active() {
    for (int i = 0; i < nodeStates.length; i++) {
      if (nodeStates[i] == NodeState.ACTIVE) {
        return i;
      }
    }
    return -1;
  }

  /** The sum of the contributions node {@code index} has received so far (1 for the seeded output). */
  public double gradient(int index) {
    return gradients[index];
  }

  /** How many contributions node {@code index} has received so far. */
  public int received(int index) {
    return received[index];
  }

  public NodeState nodeState(int index) {
    return nodeStates[index];
  }

  public EdgeState edgeState(int index) {
    return edgeStates[index];
  }
}
