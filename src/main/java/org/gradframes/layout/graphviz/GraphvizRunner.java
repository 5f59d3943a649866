package org.gradframes.layout.graphviz;

import guru.nidi.graphviz.engine.Format;
import guru.nidi.graphviz.engine.Graphviz;
import org.gradframes.layout.LayoutException;

/** Runs DOT text through one Graphviz engine via graphviz-java: one layout at a time, the engine kept warm. */
final class GraphvizRunner {
  private static Class<?> current;

  private GraphvizRunner() {}

  /** Lays out {@code dot} with {@code engine} and returns Graphviz's plain-text output. */
  static synchronized String plain(String dot, GraphvizEngine engine) {
    if (!engine.available()) {
      throw new LayoutException(engine.unavailableReason());
    }
    if (engine.getClass() != current) {
      Graphviz.useEngine(engine.engine());
      current = engine.getClass();
    }
    try {
      return Graphviz.fromString(dot).notValidating().render(Format.PLAIN).toString();
    } catch (RuntimeException e) {
      throw new LayoutException("Graphviz (" + engine.name() + ") failed to lay out the graph: " + e.getMessage(), e);
    }
  }
}
