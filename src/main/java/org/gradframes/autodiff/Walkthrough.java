package org.gradframes.autodiff;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.gradframes.graph.Graph;
import org.gradframes.graph.Node;

/**
 * Every frame of one program: for each epoch the forward pass, the seed and the backward steps, and with training
 * the update of the parameters; after the last update, a forward pass with the new values.
 */
public final class Walkthrough {
  private final List<Snapshot> frames;
  private final List<Epoch> epochs;

  private Walkthrough(List<Snapshot> frames, List<Epoch> epochs) {
    this.frames = List.copyOf(frames);
    this.epochs = List.copyOf(epochs);
  }

  /** How to walk through a program. {@code training} is null for a single forward and backward pass. */
  public record Options(boolean forwardSteps, boolean byLevel, Training training) {}

  /** Gradient descent on {@code parameters} (input names) with {@code learningRate}, {@code epochs} times. */
  public record Training(double learningRate, Set<String> parameters, int epochs) {
    public Training {
      parameters = Set.copyOf(parameters);
      if (epochs < 1) {
        throw new IllegalArgumentException("at least one epoch, not " + epochs);
      }
    }
  }

  /**
   * One epoch: its backward pass, the updates (empty without training), and the output before and after them
   * (after is NaN without training).
   */
  public record Epoch(int number, BackwardPass pass, List<ParameterUpdate> updates, double outputBefore,
      double outputAfter) {
    public Epoch {
      Objects.requireNonNull(pass, "pass");
      updates = List.copyOf(updates);
    }
  }

  /** Walks through {@code graph}. */
  public static Walkthrough of(Graph graph, Options options) {
    Map<String, Double> inputs = new LinkedHashMap<>();
    List<Snapshot> frames = new ArrayList<>();
    List<Epoch> epochs = new ArrayList<>();
    int count = options.training() == null ? 1 : options.training().epochs();
    for (int number = 1; number <= count; number++) {
      BackwardPass pass = BackwardPass.run(graph, ForwardPass.evaluate(graph, inputs), options.byLevel());
      Timeline timeline = new Timeline(pass, number,
          number == 1 ? Double.NaN : epochs.get(number - 2).outputBefore());
      timeline.forward(options.forwardSteps());
      timeline.backward(options.byLevel());
      List<ParameterUpdate> updates = List.of();
      double after = Double.NaN;
      if (options.training() != null) {
        updates = updates(graph, pass, options.training(), inputs);
        timeline.update(updates);
        after = ForwardPass.evaluate(graph, inputs)[graph.output()];
      }
      frames.addAll(timeline.frames());
      epochs.add(new Epoch(number, pass, updates, pass.values()[graph.output()], after));
    }
    if (options.training() != null) {
      Timeline last = new Timeline(BackwardPass.run(graph, ForwardPass.evaluate(graph, inputs)), count + 1,
          epochs.get(epochs.size() - 1).outputBefore());
      last.forward(options.forwardSteps());
      frames.addAll(last.frames());
    }
    return new Walkthrough(frames, epochs);
  }

  private static List<ParameterUpdate> updates(Graph graph, BackwardPass pass, Training training,
      Map<String, Double> inputs) {
    List<ParameterUpdate> updates = new ArrayList<>();
    double[] values = pass.values();
    double[] gradients = pass.gradients();
    for (Node node : graph.nodes()) {
      if (node instanceof Node.Input in && training.parameters().contains(in.name())) {
        double before = values[node.index()];
        double after = before - training.learningRate() * gradients[node.index()];
        updates.add(new ParameterUpdate(node.index(), before, gradients[node.index()], training.learningRate(), after));
        inputs.put(in.name(), after);
      }
    }
    return updates;
  }

  public List<Snapshot> frames() {
    return frames;
  }

  public List<Epoch> epochs() {
    return epochs;
  }

  /** The program's values as written (the first epoch's forward pass), by node index. */
  public double[] values() {
    return pass().values();
  }

  /** The gradient of the output with respect to every node in the first epoch, by node index. */
  public double[] gradients() {
    return pass().gradients();
  }

  /** The first epoch's backward pass: the program's values and gradients as written. */
  public BackwardPass pass() {
    return epochs.get(0).pass();
  }
}
