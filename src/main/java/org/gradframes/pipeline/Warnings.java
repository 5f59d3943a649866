package org.gradframes.pipeline;

import java.util.ArrayList;
import java.util.List;
import org.gradframes.autodiff.BackwardPass;
import org.gradframes.autodiff.BackwardStep;
import org.gradframes.autodiff.Contribution;
import org.gradframes.expr.Source;
import org.gradframes.graph.Edge;
import org.gradframes.graph.Graph;
import org.gradframes.graph.Node;
import org.gradframes.render.format.LiveChecks;
import org.gradframes.render.scene.Captions;
import org.gradframes.render.text.Notation;
import org.gradframes.render.text.NumberText;

/** The warnings of a program's numbers: a variable the output does not use, a value or a slope that is not finite. */
final class Warnings {
  /** The words around a value that is not finite: its operation, the value, the value again. */
  private static final List<String> VALUE = List.of(" is ", "; the frames show it as ", ".");
  /** The words around a slope that is not finite: its operation, the slope, the gradients behind it. */
  private static final List<String> SLOPE = List.of("the slope of ", " is ", ", so the gradients behind it are ",
      ".");

  private Warnings() {}

  /** What the numbers of {@code graph} warn about: unused variables, values and slopes that are not finite. */
  static List<Warning> of(Graph graph, BackwardPass pass, int precision) {
    List<Warning> warnings = new ArrayList<>();
    double[] values = pass.values();
    for (Node node : graph.nodes()) {
      String fixed = unused(graph, pass, node);
      if (fixed != null) {
        warnings.add(new Warning(node.position(), fixed));
      }
      if (!Double.isFinite(values[node.index()]) && inputsFinite(graph, node, values)) {
        String value = NumberText.format(values[node.index()], precision);
        warnings.add(new Warning(node.position(), Captions.describe(graph, node, values, precision) + VALUE.get(0)
            + value + VALUE.get(1) + value + VALUE.get(2)));
      }
    }
    for (BackwardStep step : pass.steps()) {
      for (Contribution c : step.contributions()) {
        if (!Double.isFinite(c.local()) && Double.isFinite(values[step.node()])) {
          Node consumer = graph.node(step.node());
          warnings.add(new Warning(consumer.position(), SLOPE.get(0) + Captions.describe(graph, consumer, values,
              precision) + SLOPE.get(1) + NumberText.format(c.local(), precision) + SLOPE.get(2)
              + NumberText.format(c.amount(), precision) + SLOPE.get(3)));
        }
      }
    }
    return warnings;
  }

  /** The same warnings as texts a live page fills in with its own numbers, each placed as the command line does. */
  static LiveChecks live(Source source, Graph graph, BackwardPass pass, int precision) {
    List<String> fixed = new ArrayList<>();
    List<String> before = new ArrayList<>();
    List<String> after = new ArrayList<>();
    List<String> described = new ArrayList<>();
    double[] values = pass.values();
    Notation marked = new Notation(graph, precision, true, true);
    for (Node node : graph.nodes()) {
      fixed.add(unused(graph, pass, node));
      String whole = Diagnostic.at(source, node.position(), "warning", "\u0000");
      before.add(whole.substring(0, whole.indexOf('\u0000')));
      after.add(whole.substring(whole.indexOf('\u0000') + 1));
      described.add(node.computed() ? Captions.describe(marked, node, values) : null);
    }
    return new LiveChecks(graph, fixed, before, after, described, VALUE, SLOPE);
  }

  private static String unused(Graph graph, BackwardPass pass, Node node) {
    if (node.name() == null || pass.reachesOutput(node.index())) {
      return null;
    }
    return "'" + node.name() + "' does not affect the output '" + graph.node(graph.output()).id()
        + "'; its gradient is 0.";
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
