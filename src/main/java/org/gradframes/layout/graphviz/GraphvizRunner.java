package org.gradframes.layout.graphviz;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.gradframes.layout.LayoutException;

/**
 * Runs DOT text through an installed Graphviz program: each layout is a process of its own reading and writing
 * files in a folder of its own, made in the system's temporary folder and removed when the layout ends, so layouts
 * share nothing and no setting of this process is changed.
 */
final class GraphvizRunner {
  private static final long TIMEOUT_MINUTES = 5;

  private GraphvizRunner() {}

  /**
   * Lays out {@code dot} with {@code program} ({@code dot}) and returns Graphviz's plain-text output.
   *
   * @throws LayoutException when the program is missing or fails, or its temporary folder cannot be made
   */
  static String plain(String dot, String program) {
    Path folder = folder(Path.of(System.getProperty("java.io.tmpdir")));
    try {
      Path in = folder.resolve("graph.dot");
      Path out = folder.resolve("graph.plain");
      Path errors = folder.resolve("errors.txt");
      write(in, dot, folder);
      Process process = new ProcessBuilder(program, "-Tplain", "-o" + out, in.toString())
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(errors.toFile()).start();
      if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new LayoutException("Graphviz (" + program + ") took more than " + TIMEOUT_MINUTES
            + " minutes to lay out the graph.");
      }
      if (process.exitValue() != 0) {
        throw new LayoutException("Graphviz (" + program + ") failed to lay out the graph: "
            + Files.readString(errors, StandardCharsets.UTF_8).strip());
      }
      return Files.readString(out, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new LayoutException("Graphviz (" + program + ") failed to lay out the graph: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LayoutException("the layout by Graphviz (" + program + ") was interrupted.", e);
    } finally {
      remove(folder);
    }
  }

  /**
   * A new folder of this layout's own inside {@code temporary}.
   *
   * @throws LayoutException naming the temporary folder and the space left in it when the folder cannot be made
   */
  static Path folder(Path temporary) {
    try {
      return Files.createTempDirectory(temporary, "gradframes-dot-");
    } catch (IOException | RuntimeException e) {
      throw new LayoutException(cannotWrite(temporary, e), e);
    }
  }

  private static void write(Path file, String text, Path folder) {
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new LayoutException(cannotWrite(folder, e), e);
    }
  }

  /** What to say when the temporary folder cannot be written: which folder, and how much space is left in it. */
  static String cannotWrite(Path temporary, Exception e) {
    return "cannot write the temporary folder " + temporary + " for Graphviz (" + space(temporary) + "): "
        + e.getMessage() + "; free space there, or point java at another with -Djava.io.tmpdir=DIR.";
  }

  private static String space(Path folder) {
    try {
      FileStore store = Files.getFileStore(folder);
      return String.format(Locale.ROOT, "%,d MB free", store.getUsableSpace() / 1_000_000);
    } catch (IOException | RuntimeException e) {
      return "free space unknown";
    }
  }

  /** Removes {@code folder} and what is in it; what cannot be removed is left to the system's cleaning. */
  private static void remove(Path folder) {
    try (Stream<Path> walk = Files.walk(folder)) {
      List<Path> paths = walk.sorted(Comparator.reverseOrder()).toList();
      for (Path p : paths) {
        Files.deleteIfExists(p);
      }
    } catch (IOException | RuntimeException e) {
      // left to the system's temporary-folder cleaning
    }
  }
}
