package org.gradframes.render.format;

import java.util.List;
import java.util.Objects;
import org.gradframes.graph.Graph;

/**
 * What a live page needs to warn as the command line does when its inputs change: the graph the warnings are checked
 * on (every operation), and for each of its nodes the warning that does not depend on numbers (null for none), how
 * a warning at the node begins and ends (its place and source line), and its operation with its inputs' values
 * {@link org.gradframes.render.text.Slots} marked (null for a leaf); the words of the two warnings about numbers.
 */
public record LiveChecks(Graph graph, List<String> fixed, List<String> before, List<String> after,
    List<String> described, List<String> valueWords, List<String> slopeWords) {
  public LiveChecks {
    Objects.requireNonNull(graph, "graph");
    fixed = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(fixed));
    before = List.copyOf(before);
    after = List.copyOf(after);
    described = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(described));
    valueWords = List.copyOf(valueWords);
    slopeWords = List.copyOf(slopeWords);
  }
}
