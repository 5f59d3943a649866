package org.gradframes.layout;

import guru.nidi.graphviz.engine.Format;
import guru.nidi.graphviz.engine.Graphviz;
import guru.nidi.graphviz.engine.GraphvizCmdLineEngine;
import guru.nidi.graphviz.engine.GraphvizEngine;
import guru.nidi.graphviz.engine.GraphvizJdkEngine;
import java.io.File;
import java.util.concurrent.TimeUnit;

/** Runs DOT text through one Graphviz engine via graphviz-java; one layout at a time, engines kept warm. */
final class GraphvizRunner {
  private static final int EMBEDDED_MEMORY = 32 * 1024 * 1024;
  private static Engine current;

  private GraphvizRunner() {}

  /** Lays out {@code dot} with {@code engine} and returns Graphviz's plain-text output. */
  static synchronized String plain(String dot, Engine engine) {
    Engine resolved = engine.resolve();
    if (resolved == Engine.DOT && !dotOnPath()) {
      throw new LayoutException("--engine dot: no 'dot' program on the PATH (install Graphviz, or use --engine embedded).");
    }
    use(resolved);
    try {
      Graphviz graphviz = Graphviz.fromString(dot).notValidating();
      if (resolved == Engine.EMBEDDED) {
        graphviz = graphviz.totalMemory(EMBEDDED_MEMORY);
      }
      return graphviz.render(Format.PLAIN).toString();
    } catch (RuntimeException e) {
      throw new LayoutException("Graphviz (" + resolved.name().toLowerCase(java.util.Locale.ROOT)
          + ") failed to lay out the graph: " + e.getMessage(), e);
    }
  }

  private static void use(Engine engine) {
    if (engine == current) {
      return;
    }
    System.setProperty("polyglot.engine.WarnInterpreterOnly", "false");
    GraphvizEngine chosen = engine == Engine.DOT
        ? new GraphvizCmdLineEngine().timeout(5, TimeUnit.MINUTES)
        : new GraphvizJdkEngine();
    Graphviz.useEngine(chosen);
    current = engine;
  }

  /** Whether an executable {@code dot} is in one of the PATH's folders. */
  static boolean dotOnPath() {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(File.pathSeparator)) {
      File dot = new File(dir, "dot");
      if (!dir.isEmpty() && dot.isFile() && dot.canExecute()) {
        return true;
      }
    }
    return false;
  }
}
