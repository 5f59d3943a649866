package org.gradframes.render;

import java.util.ArrayList;
import java.util.List;
import org.gradframes.autodiff.BackwardPass;
import org.gradframes.autodiff.BackwardStep;
import org.gradframes.autodiff.Contribution;
import org.gradframes.autodiff.Snapshot;
import org.gradframes.graph.Edge;
import org.gradframes.graph.Graph;
import org.gradframes.graph.Node;

/** The sentence under each frame that says what the frame shows, with its numbers. */
public final class Captions {
  private Captions() {}

  /** One caption per snapshot. */
  public static List<String> of(Graph graph, BackwardPass pass, List<Snapshot> snapshots, int precision) {
    List<String> captions = new ArrayList<>();
    int steps = pass.steps().size();
    double[] values = pass.values();
    String out = display(graph.node(graph.output()));
    for (Snapshot s : snapshots) {
      captions.add(switch (s.kind()) {
        case FORWARD -> "Forward pass: every value is computed, " + out + " = "
            + NumberText.format(values[graph.output()], precision) + ".";
        case SEED -> "Seed: ∂" + out + "/∂" + out + " = 1." + (steps == 0 ? " There is nothing to pass back." : "");
        case BACKWARD -> step(graph, s.step(), captions.size() - 1, steps, out, precision);
      });
    }
    return List.copyOf(captions);
  }

  private static String step(Graph graph, BackwardStep step, int number, int steps, String out, int precision) {
    String node = display(graph.node(step.node()));
    StringBuilder text = new StringBuilder();
    text.append("Step ").append(number).append(" of ").append(steps).append(": ").append(node)
        .append(" has ∂").append(out).append("/∂").append(node).append(" = ")
        .append(NumberText.format(step.gradient(), precision)).append(" and passes ");
    List<String> parts = new ArrayList<>();
    for (Contribution c : step.contributions()) {
      parts.add(factor(c.upstream(), precision) + " · " + factor(c.local(), precision) + " = "
          + NumberText.format(c.amount(), precision) + " to " + display(graph.node(c.edge().from())));
    }
    text.append(String.join(", ", parts)).append('.');
    return text.toString();
  }

  /** The operation of {@code node} with its input values written in, such as {@code log(−1)} or {@code 1 ÷ 0}. */
  public static String describe(Graph graph, Node node, double[] values, int precision) {
    if (!(node instanceof Node.Operation op)) {
      return display(node);
    }
    List<Edge> inputs = graph.inputs(node.index());
    String a = factor(values[inputs.get(0).from()], precision);
    String prefix = node.name() != null ? node.name() + " = " : "";
    if (op.op().arity() == 2) {
      return prefix + a + " " + op.op().symbol() + " " + factor(values[inputs.get(1).from()], precision);
    }
    return prefix + op.op().symbol() + "(" + NumberText.format(values[inputs.get(0).from()], precision) + ")";
  }

  /** A number as a factor of a product: negative numbers in parentheses. */
  static String factor(double value, int precision) {
    String text = NumberText.format(value, precision);
    return text.startsWith("\u2212") ? "(" + text + ")" : text;
  }

  /** How a caption names a node: its name, or its operation for an unnamed one. */
  static String display(Node node) {
    if (node.name() != null) {
      return node.name();
    }
    if (node instanceof Node.Operation op) {
      return "(" + op.op().symbol() + ")";
    }
    return ((Node.Constant) node).text();
  }
}
