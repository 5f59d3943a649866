package org.gradframes.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gradframes.layout.Engine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Both layout engines render a sample quietly and the same way every time. */
class EngineTest {
  @TempDir Path dir;

  private void rendersQuietlyAndDeterministically(String engine) throws IOException {
    for (String out : List.of("one", "two")) {
      Run run = Run.of("--engine", engine, "-o", dir.resolve(out).toString(), "samples/sigmoid.grad");
      assertEquals(Main.OK, run.exit(), run.err());
      assertEquals("", run.err(), "the engine prints nothing");
    }
    List<Path> one = FramesTest.files(dir.resolve("one/sigmoid"), "");
    List<Path> two = FramesTest.files(dir.resolve("two/sigmoid"), "");
    assertEquals(6 * 2 + 2, one.size(), "six SVG and six PNG frames, trace.json and the manifest");
    for (int i = 0; i < one.size(); i++) {
      assertArrayEquals(Files.readAllBytes(one.get(i)), Files.readAllBytes(two.get(i)), one.get(i).toString());
    }
    String recorded = new ObjectMapper().readTree(dir.resolve("one/sigmoid/trace.json").toFile())
        .get("engine").asText();
    assertEquals(engine, recorded);
  }

  @Test
  void embeddedEngineNeedsNothingInstalled() throws IOException {
    rendersQuietlyAndDeterministically("embedded");
  }

  @Test
  void dotEngineWhenInstalled() throws IOException {
    assumeTrue(Engine.DOT.available(), "Graphviz's dot is not on the PATH: skipping the dot engine's test"
        + " (.ci/run installs it; on Debian: apt-get install graphviz)");
    rendersQuietlyAndDeterministically("dot");
  }

  @Test
  void forcingAMissingDotIsAUsageError() {
    assumeTrue(!Engine.DOT.available(), "dot is installed here, so it cannot be missing: skipping");
    Run run = Run.of("--engine", "dot", "-o", dir.toString(), "samples/sigmoid.grad");
    assertEquals(Main.USAGE, run.exit());
  }
}
