package org.gradframes.pipeline;

import java.util.ArrayList;
import java.util.List;
import org.gradframes.autodiff.BackwardPass;
import org.gradframes.autodiff.BackwardStep;
import org.gradframes.autodiff.Contribution;
import org.gradframes.graph.Edge;
import org.gradframes.graph.Graph;
import org.gradframes.graph.Node;
import org.gradframes.render.scene.Captions;
import org.gradframes.render.text.NumberText;

/** The warnings of a program's numbers: a variable the output does not use, a value or a slope that is not finite. */
final class Warnings {
  private Warnings() {}

  /** What the numbers of {@code graph} warn about: unused variables, values and slopes that are not finite. */
  static List<Warning> of(Graph graph, BackwardPass pass, int precision) {
    List<Warning> warnings = new ArrayList<>();
    double[] values = pass.values();
    String output = graph.node(graph.output()).id();
    for (Node node : graph.nodes()) {
      if (node.name() != null && !pass.reachesOutput(node.index())) {
        warnings.add(new Warning(node.position(), "'" + node.name() + "' does not affect the output '" + output
            + "'; its gradient is 0."));
      }
      if (!Double.isFinite(values[node.index()]) && inputsFinite(graph, node, values)) {
        warnings.add(new Warning(node.position(), Captions.describe(graph, node, values, precision) + " is "
            + NumberText.format(values[node.index()], precision) + "; the frames show it as "
            + NumberText.format(values[node.index()], precision) + "."));
      }
    }
    for (BackwardStep step : pass.steps()) {
      for (Contribution c : step.contributions()) {
        if (!Double.isFinite(c.local()) && Double.isFinite(values[step.node()])) {
          Node consumer = graph.node(step.node());
          warnings.add(new Warning(consumer.position(), "the slope of " + Captions.describe(graph, consumer, values,
              precision) + " is " + NumberText.format(c.local(), precision) + ", so the gradients behind it are "
              + NumberText.format(c.amount(), precision) + "."));
        }
      }
    }
    return warnings;
  }

  private static boolean inputsFinite(Graph graph, Node node, double[] values) {
    for (Edge e : graph.inputs(node.index())) {
      if (!Double.isFinite(values[e.from()])) {
        return false;
      }
    }
    return true;
  }
}
