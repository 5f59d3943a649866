package org.gradframes.graph;

/** A value flowing from node {@code from} into argument {@code argument} of node {@code to}. */
public record Edge(int index, int from, int to, int argument) {
  public Edge {
    if (from >= to || from < 0 || argument < 0 || index < 0) {
      throw new IllegalArgumentException("bad edge " + from + " -> " + to + " arg " + argument);
    }
  }
}
