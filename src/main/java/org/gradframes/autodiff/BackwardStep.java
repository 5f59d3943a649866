package org.gradframes.autodiff;

import java.util.List;

/** One node whose gradient is complete passing a contribution to each of its inputs that carry a gradient. */
public record BackwardStep(int node, double gradient, List<Contribution> contributions) {
  public BackwardStep {
    contributions = List.copyOf(contributions);
  }
}
