package org.gradframes.render.scene;

import java.util.ArrayList;
import java.util.List;
import org.gradframes.autodiff.BackwardStep;
import org.gradframes.autodiff.Contribution;
import org.gradframes.autodiff.ParameterUpdate;
import org.gradframes.autodiff.Snapshot;
import org.gradframes.autodiff.Walkthrough;
import org.gradframes.graph.Graph;
import org.gradframes.graph.Node;
import org.gradframes.render.text.Notation;
import org.gradframes.render.text.RichText;
import org.gradframes.render.text.Slots;

/**
 * What each frame says, in the notation of the worked examples, with the numbers filled in:
 * {@code ∂y/∂u₁ = ∂y/∂u₃ · ∂u₃/∂u₁ = 4 · (−2) = −8}; a step of the output itself says its local derivative alone
 * ({@code ∂y/∂u₃ = u₄ = 4}). A node with several consumers gets one numbered
 * contribution per path, {@code ∂y⁽¹⁾/∂u₂}, and the frame that completes it shows their sum. With several epochs,
 * every caption starts with its epoch: {@code Epoch 2 of 3: …}, and after the last update {@code After 3 epochs: …}.
 */
public final class Captions {
  private final Graph graph;
  private final Walkthrough walk;
  private final Notation notation;
  private final int output;

  private Captions(Graph graph, Walkthrough walk, int precision, boolean subscripts, boolean marked) {
    this.graph = graph;
    this.walk = walk;
    this.notation = new Notation(graph, precision, subscripts, marked);
    this.output = graph.output();
  }

  /** The caption of every frame: its lines, in rich-text markup. */
  public static List<List<String>> of(Graph graph, Walkthrough walk, int precision) {
    return of(graph, walk, precision, true);
  }

  /** The caption of every frame, names with subscripts or (without {@code subscripts}) as the program spells them. */
  public static List<List<String>> of(Graph graph, Walkthrough walk, int precision, boolean subscripts) {
    return of(graph, walk, precision, subscripts, false);
  }

  /** The caption of every frame, its numbers {@link Slots} marked where {@code marked}. */
  public static List<List<String>> of(Graph graph, Walkthrough walk, int precision, boolean subscripts,
      boolean marked) {
    Captions captions = new Captions(graph, walk, precision, subscripts, marked);
    List<List<String>> all = new ArrayList<>();
    int epochs = walk.epochs().size();
    for (Snapshot frame : walk.frames()) {
      List<String> lines = new ArrayList<>(captions.lines(frame));
      if (epochs > 1 && !lines.isEmpty()) {
        String epoch = frame.epoch() <= epochs ? "Epoch " + frame.epoch() + " of " + epochs : "After " + epochs
            + " epochs";
        lines.set(0, epoch + ": " + lines.get(0));
      }
      all.add(List.copyOf(lines));
    }
    return List.copyOf(all);
  }

  /** A caption's lines as plain Unicode text, one per line. */
  public static String plain(List<String> lines) {
    List<String> plain = new ArrayList<>();
    for (String line : lines) {
      plain.add(RichText.plain(line));
    }
    return String.join("\n", plain);
  }

  private List<String> lines(Snapshot frame) {
    return switch (frame.kind()) {
      case INPUTS -> List.of(inputs(frame));
      case EVALUATE -> List.of(evaluation(frame));
      case FORWARD -> List.of(forward(frame));
      case SEED -> seed();
      case BACKWARD -> backward(frame);
      case UPDATE -> update(frame);
    };
  }

  private String inputs(Snapshot frame) {
    List<String> parts = new ArrayList<>();
    for (Node node : graph.nodes()) {
      if (node instanceof Node.Input) {
        parts.add(notation.ref(node.index()) + " = " + notation.number(frame.value(node.index()),
            Slots.value(node.index())));
      }
    }
    return "Inputs: " + String.join(", ", parts);
  }

  private String evaluation(Snapshot frame) {
    int n = frame.evaluated();
    double[] values = values(frame);
    String formula = notation.formula(n);
    String lhs = graph.node(n).name() != null ? notation.ref(n) + " = " + formula : formula;
    return lhs + " = " + notation.numbers(n, values) + " = " + notation.number(values[n], Slots.value(n));
  }

  private String forward(Snapshot frame) {
    String out = notation.ref(output) + " = " + notation.number(frame.value(output), Slots.value(output));
    if (frame.epoch() == 1) {
      return "Forward pass: " + out;
    }
    double before = frame.outputBeforeUpdate();
    return "Forward pass with the updated parameters: " + out + " (before the update: "
        + notation.number(before) + ")";
  }

  /** The seed, said as where the backward pass starts and why its gradient is 1. */
  private List<String> seed() {
    String out = notation.ref(output);
    return List.of("Backward pass, starting at " + out + ": " + notation.partial(output, output, null) + " = 1, since "
        + out + " changes one for one with itself");
  }

  private List<String> backward(Snapshot frame) {
    List<String> lines = new ArrayList<>();
    for (BackwardStep step : frame.steps()) {
      for (Contribution c : step.contributions()) {
        int to = c.to();
        int e = c.edge().index();
        String path = c.paths() > 1 ? "(" + c.path() + ")" : null;
        lines.add(notation.partial(output, to, path) + " = " + (step.node() == output ? fromOutput(c)
            : notation.partial(output, step.node(), null) + " · " + notation.localPartial(c.edge(), c.path()) + " = "
            + notation.number(c.upstream(), Slots.upstream(e)) + " · " + notation.factor(c.local(), Slots.local(e))
            + " = " + notation.number(c.amount(), Slots.amount(e))));
        if (c.paths() > 1 && c.path() == c.paths()) {
          lines.add(sum(to, frame.contributionsTo(to), c.sum()));
        }
      }
    }
    return lines;
  }

  /**
   * A step of the output itself: its local derivative, with its formula where it has one ({@code u₄ = 10}), not
   * multiplied by ∂y/∂y = 1, which would read as ∂y/∂u₃ defined by itself.
   */
  private String fromOutput(Contribution c) {
    String formula = notation.local(c.edge());
    String number = notation.number(c.amount(), Slots.amount(c.edge().index()));
    return formula.isEmpty() || formula.equals(notation.number(c.amount())) ? number : formula + " = " + number;
  }

  /** The line that adds up the contributions of a node whose gradient the frame completes. */
  private String sum(int node, List<Contribution> contributions, double total) {
    List<String> terms = new ArrayList<>();
    List<String> numbers = new ArrayList<>();
    for (Contribution c : contributions) {
      terms.add(notation.partial(output, node, "(" + c.path() + ")"));
      String slot = Slots.amount(c.edge().index());
      numbers.add(c.path() == 1 ? notation.number(c.amount(), slot) : notation.factor(c.amount(), slot));
    }
    return notation.partial(output, node, null) + " = " + String.join(" + ", terms) + " = "
        + String.join(" + ", numbers) + " = " + notation.number(total, Slots.gradient(node, contributions.size()));
  }

  private List<String> update(Snapshot frame) {
    List<String> lines = new ArrayList<>();
    for (ParameterUpdate u : frame.updates()) {
      String p = notation.ref(u.node());
      lines.add(p + " := " + p + " − lr · " + notation.partial(output, u.node(), null) + " = "
          + notation.number(u.before()) + " − " + notation.number(u.learningRate()) + " · "
          + notation.factor(u.gradient()) + " = " + notation.number(u.after()));
    }
    return lines;
  }

  private double[] values(Snapshot frame) {
    double[] values = new double[graph.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = frame.value(i);
    }
    return values;
  }

  /** The operation of {@code node} with its input values written in, such as {@code log(−1)} or {@code 1 / 0}. */
  public static String describe(Graph graph, Node node, double[] values, int precision) {
    return describe(new Notation(graph, precision), node, values);
  }

  /** {@link #describe} in {@code notation}, which marks the input values as slots or not. */
  public static String describe(Notation notation, Node node, double[] values) {
    if (!node.computed()) {
      return RichText.plain(notation.ref(node.index()));
    }
    String prefix = node.name() != null ? RichText.plain(notation.ref(node.index())) + " = " : "";
    return prefix + RichText.plain(notation.numbers(node.index(), values));
  }
}
