package org.gradframes.autodiff;

import java.util.Map;
import org.gradframes.graph.Graph;
import org.gradframes.graph.Node;

/** Central finite differences of a graph's output, worked out only from forward evaluations. */
final class FiniteDifferences {
  /** The step relative to an input's size: central differences then err by about h^2 and 1e-16 / h. */
  static final double STEP = 1e-5;

  private FiniteDifferences() {}

  /** d(output)/d(input) at the program's values, by (f(x + h) - f(x - h)) / 2h. */
  static double derivative(Graph graph, Node.Input input) {
    return derivative(graph, input, STEP);
  }

  private static double derivative(Graph graph, Node.Input input, double step) {
    double x = input.value();
    double h = step * Math.max(1.0, Math.abs(x));
    double up = ForwardPass.evaluate(graph, Map.of(input.name(), x + h))[graph.output()];
    double down = ForwardPass.evaluate(graph, Map.of(input.name(), x - h))[graph.output()];
    return (up - down) / ((x + h) - (x - h));
  }

  /**
   * Whether the difference at {@link #STEP} is accurate enough to judge a gradient by. Central differences err by
   * about c h^2, so the one at 2h differs from the one at h by about three times the error at h; a steep or sharply
   * curved program (a small divisor inside a sine, say) shows a large change and is not fit for the check.
   */
  static boolean settled(Graph graph, Node.Input input) {
    double atStep = derivative(graph, input, STEP);
    double atTwice = derivative(graph, input, 2 * STEP);
    return Double.isFinite(atStep) && Math.abs(atTwice - atStep) <= tolerance(atStep, atStep) / 3;
  }

  /** Whether a gradient agrees with its finite difference, up to the error of the difference itself. */
  static boolean agree(double expected, double actual) {
    return Math.abs(expected - actual) <= tolerance(expected, actual);
  }

  private static double tolerance(double expected, double actual) {
    return 1e-6 + 1e-5 * Math.max(Math.abs(expected), Math.abs(actual));
  }
}
