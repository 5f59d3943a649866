package org.gradframes.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.gradframes.cli.Main;

/** Renders a sample through the real command line, in-process, and finds the files it wrote. */
final class Render {
  private Render() {}

  /** Renders {@code samples/NAME.grad} into {@code out} in the given formats and returns {@code out/NAME}. */
  static Path sample(String name, Path out, String formats) {
    StringWriter err = new StringWriter();
    int exit = new Main(new PrintWriter(new StringWriter()), new PrintWriter(err))
        .run("-o", out.toString(), "-f", formats, "samples/" + name + ".grad");
    assertEquals(Main.OK, exit, err.toString());
    return out.resolve(name);
  }

  /** The files of a folder whose names end with {@code suffix}, in name order. */
  static List<Path> files(Path folder, String suffix) throws IOException {
    try (Stream<Path> list = Files.list(folder)) {
      return list.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
    }
  }
}
