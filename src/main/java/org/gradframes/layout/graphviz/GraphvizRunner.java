package org.gradframes.layout.graphviz;

import guru.nidi.graphviz.engine.Format;
import guru.nidi.graphviz.engine.Graphviz;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.gradframes.layout.LayoutException;

/**
 * Runs DOT text through one Graphviz engine via graphviz-java: one layout at a time, the engine kept warm. The files
 * graphviz-java writes go to a private temporary folder of this run, emptied after each layout and removed at exit.
 */
final class GraphvizRunner {
  private static Class<?> current;
  private static Path temporary;

  private GraphvizRunner() {}

  /** Lays out {@code dot} with {@code engine} and returns Graphviz's plain-text output. */
  static synchronized String plain(String dot, GraphvizEngine engine) {
    if (!engine.available()) {
      throw new LayoutException(engine.unavailableReason());
    }
    privateTemporaryFolder();
    if (engine.getClass() != current) {
      Graphviz.useEngine(engine.engine());
      current = engine.getClass();
    }
    try {
      return Graphviz.fromString(dot).notValidating().render(Format.PLAIN).toString();
    } catch (RuntimeException e) {
      throw new LayoutException("Graphviz (" + engine.name() + ") failed to lay out the graph: " + e.getMessage(), e);
    } finally {
      if (temporary != null) {
        empty(temporary.resolve("GraphvizJava"), false);
      }
    }
  }

  /**
   * Makes graphviz-java keep its files in a folder of this run's own: it puts them under {@code java.io.tmpdir}
   * when its class {@code TempFiles} is first loaded, and never removes them, so that class is loaded here with
   * {@code java.io.tmpdir} pointing at a new private folder for that moment.
   */
  private static void privateTemporaryFolder() {
    if (temporary != null) {
      return;
    }
    String system = System.getProperty("java.io.tmpdir");
    try {
      temporary = Files.createTempDirectory("gradframes-graphviz-");
      System.setProperty("java.io.tmpdir", temporary.toString());
      Class.forName("guru.nidi.graphviz.engine.TempFiles", true, GraphvizRunner.class.getClassLoader());
    } catch (IOException e) {
      temporary = null;
      throw new LayoutException("cannot create a temporary folder in " + system + " for Graphviz (" + e
          + "); free space there, or point java at another with -Djava.io.tmpdir=DIR.", e);
    } catch (ClassNotFoundException e) {
      // A graphviz-java without that class keeps its files elsewhere; nothing to redirect.
    } finally {
      System.setProperty("java.io.tmpdir", system);
    }
    Path folder = temporary;
    Runtime.getRuntime().addShutdownHook(new Thread(() -> empty(folder, true), "gradframes-graphviz-cleanup"));
  }

  /** Removes what is inside {@code folder}, and the folder itself when {@code itself}. */
  private static void empty(Path folder, boolean itself) {
    if (folder == null) {
      return;
    }
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        if (itself || !p.equals(folder)) {
          Files.deleteIfExists(p);
        }
      }
    } catch (IOException | RuntimeException e) {
      // What cannot be removed now is removed at exit, or by the system's temporary-folder cleaning.
    }
  }
}
