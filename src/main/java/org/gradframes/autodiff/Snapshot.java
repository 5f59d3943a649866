package org.gradframes.autodiff;

import java.util.List;
import java.util.Objects;

/**
 * What one frame shows, all of it: the values and gradients known so far, the state of every node and edge, the
 * step's contributions with their local derivatives and amounts, and what the captions need beyond them (how many
 * contributions each node gets, the output before the last update).
 */
public final class Snapshot {
  private final FrameKind kind;
  private final int epoch;
  private final int evaluated;
  private final List<BackwardStep> steps;
  private final List<ParameterUpdate> updates;
  private final double[] values;
  private final boolean[] known;
  private final double[] gradients;
  private final int[] received;
  private final NodeState[] nodeStates;
  private final EdgeState[] edgeStates;
  private final BackwardPass pass;
  private final double outputBeforeUpdate;

  private Snapshot(Builder b) {
    this.kind = Objects.requireNonNull(b.kind, "kind");
    if ((kind == FrameKind.BACKWARD) == b.steps.isEmpty()) {
      throw new IllegalArgumentException("a backward frame, and only one, has steps");
    }
    this.epoch = b.epoch;
    this.evaluated = b.evaluated;
    this.steps = List.copyOf(b.steps);
    this.updates = List.copyOf(b.updates);
    this.values = b.values.clone();
    this.known = b.known.clone();
    this.gradients = b.gradients.clone();
    this.received = b.received.clone();
    this.nodeStates = b.nodeStates.clone();
    this.edgeStates = b.edgeStates.clone();
    this.pass = Objects.requireNonNull(b.pass, "pass");
    this.outputBeforeUpdate = b.outputBeforeUpdate;
  }

  public FrameKind kind() {
    return kind;
  }

  /** The epoch this frame belongs to, from 1; the forward pass after the last update has the next number. */
  public int epoch() {
    return epoch;
  }

  /** The first step this frame shows, or null for a frame that is not a backward step. */
  public BackwardStep step() {
    return steps.isEmpty() ? null : steps.get(0);
  }

  /** The steps this frame shows: one, or all of a level's; empty for a frame that is not a backward step. */
  public List<BackwardStep> steps() {
    return steps;
  }

  /** The node evaluated in an {@link FrameKind#EVALUATE} frame, or -1. */
  public int evaluated() {
    return evaluated;
  }

  /** The parameter updates of an {@link FrameKind#UPDATE} frame; empty otherwise. */
  public List<ParameterUpdate> updates() {
    return updates;
  }

  /** The first node highlighted in this frame, or -1. */
  public int active() {
    for (int i = 0; i < nodeStates.length; i++) {
      if (nodeStates[i] == NodeState.ACTIVE) {
        return i;
      }
    }
    return -1;
  }

  /** The value of node {@code index} in this frame (meaningful where {@link #valueKnown} is true). */
  public double value(int index) {
    return values[index];
  }

  /** Whether this frame shows the value of node {@code index}. */
  public boolean valueKnown(int index) {
    return known[index];
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

  /** How many contributions node {@code index} receives in this frame's backward pass, in all. */
  public int expected(int index) {
    return pass.expectedContributions(index);
  }

  /**
   * The contribution that this frame's backward pass sends along edge {@code index}, whether or not it has been
   * sent by this frame (its local derivative is known from the forward values); null for an edge from a constant.
   */
  public Contribution contribution(int edge) {
    return pass.contribution(edge);
  }

  /** Every contribution node {@code index} receives in this frame's backward pass, in the order they arrive. */
  public List<Contribution> contributionsTo(int index) {
    return pass.contributionsTo(index);
  }

  /** In the forward frames after an update, the output's value before that update; NaN in every other frame. */
  public double outputBeforeUpdate() {
    return outputBeforeUpdate;
  }

  /** Collects the parts of a snapshot; the arrays are copied when it is built. */
  static final class Builder {
    FrameKind kind;
    int epoch = 1;
    int evaluated = -1;
    List<BackwardStep> steps = List.of();
    List<ParameterUpdate> updates = List.of();
    double[] values;
    boolean[] known;
    double[] gradients;
    int[] received;
    NodeState[] nodeStates;
    EdgeState[] edgeStates;
    BackwardPass pass;
    double outputBeforeUpdate = Double.NaN;

    Snapshot build() {
      return new Snapshot(this);
    }
  }
}
