package org.gradframes.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.gradframes.graph.Graph;
import org.gradframes.graph.Neurons;
import org.gradframes.graph.Node;

/** A program's inputs as the options divide them: data, parameters, and the neurons they make. */
final class Inputs {
  private Inputs() {}

  /** The neurons of a statement graph, never taking an input named as data, or one not named as a parameter. */
  static Neurons neurons(Graph statements, RenderOptions options) {
    Set<String> inputs = names(statements);
    return Neurons.of(statements, Set.copyOf(elements(options.data(), inputs)),
        options.parameters() == null ? null : Set.copyOf(elements(options.parameters(), inputs)));
  }

  /** The names of the inputs of {@code graph}, in order. */
  static Set<String> names(Graph graph) {
    Set<String> inputs = new LinkedHashSet<>();
    for (Node node : graph.nodes()) {
      if (node instanceof Node.Input) {
        inputs.add(node.name());
      }
    }
    return inputs;
  }

  /**
   * The inputs of {@code graph} that are data: those the options name as data, and, when they name parameters,
   * every input they do not name.
   *
   * @throws InvalidOptionException when a name is no input's
   */
  static Set<String> data(Graph graph, RenderOptions options) {
    Set<String> inputs = names(graph);
    List<String> data = elements(options.data(), inputs);
    List<String> named = options.parameters() == null ? null : elements(options.parameters(), inputs);
    check(Option.DATA, data, inputs);
    if (named != null) {
      check(Option.PARAMETERS, named, inputs);
    }
    Set<String> all = new LinkedHashSet<>(data);
    if (named != null) {
      inputs.stream().filter(i -> !named.contains(i)).forEach(all::add);
    }
    return all;
  }

  /** {@code names}, each that names a vector or a matrix of inputs ({@code W1}) replaced by its elements. */
  private static List<String> elements(List<String> names, Set<String> inputs) {
    List<String> elements = new ArrayList<>();
    for (String name : names) {
      List<String> mine = inputs.contains(name) ? List.of(name)
          : inputs.stream().filter(i -> i.startsWith(name + "[")).toList();
      elements.addAll(mine.isEmpty() ? List.of(name) : mine);
    }
    return elements;
  }

  private static void check(Option option, List<String> names, Set<String> inputs) {
    for (String name : names) {
      if (!inputs.contains(name)) {
        throw new InvalidOptionException(option, Message.of(option, ": '" + name + "' is not an input of this program"
            + " (its inputs: " + String.join(", ", inputs) + ")."), null);
      }
    }
  }
}
