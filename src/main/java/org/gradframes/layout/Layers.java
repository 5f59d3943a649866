package org.gradframes.layout;

import java.util.ArrayList;
import java.util.List;
import org.gradframes.graph.Edge;
import org.gradframes.graph.Graph;

/** The layers of a network's graph: which column each node is drawn in, and the order within each column. */
final class Layers {
  private Layers() {}

  /**
   * The column of each node: a computed node one past its latest input (the longest path from the inputs), an
   * input one before its earliest consumer, so that a target {@code y} sits beside the output it is compared with.
   */
  static int[] of(Graph graph) {
    int n = graph.size();
    int[] column = new int[n];
    for (int i = 0; i < n; i++) {
      for (Edge e : graph.inputs(i)) {
        column[i] = Math.max(column[i], column[e.from()] + 1);
      }
    }
    for (int i = 0; i < n; i++) {
      if (graph.inputs(i).isEmpty() && !graph.consumers(i).isEmpty()) {
        int earliest = Integer.MAX_VALUE;
        for (Edge e : graph.consumers(i)) {
          earliest = Math.min(earliest, column[e.to()]);
        }
        column[i] = earliest - 1;
      }
    }
    return column;
  }

  /** The nodes of each column, top to bottom: computed nodes in source order, then inputs in source order. */
  static List<List<Integer>> columns(Graph graph, int[] column) {
    int count = 0;
    for (int c : column) {
      count = Math.max(count, c + 1);
    }
    List<List<Integer>> columns = new ArrayList<>();
    for (int c = 0; c < count; c++) {
      columns.add(new ArrayList<>());
    }
    for (boolean computed : new boolean[] {true, false}) {
      for (int i = 0; i < graph.size(); i++) {
        if (graph.inputs(i).isEmpty() != computed) {
          columns.get(column[i]).add(i);
        }
      }
    }
    return columns;
  }
}
