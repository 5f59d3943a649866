package org.gradframes.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Both layout engines render a sample quietly and the same way every time; ELK is the default everywhere. */
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
  void elkNeedsNothingInstalled() throws IOException {
    rendersQuietlyAndDeterministically("elk");
  }

  @Test
  void embeddedIsAnotherNameForElk() throws IOException {
    Run run = Run.of("--engine", "embedded", "-f", "json", "-o", dir.toString(), "samples/sigmoid.grad");
    assertEquals(Main.OK, run.exit(), run.err());
    assertEquals("elk", new ObjectMapper().readTree(dir.resolve("sigmoid/trace.json").toFile()).get("engine")
        .asText());
  }

  /** Without --engine, ELK lays out whether or not dot is installed, and the trace names it and its version. */
  @Test
  void elkIsTheDefaultAndTheTraceRecordsItsVersion() throws IOException {
    Run run = Run.of("-f", "json", "-o", dir.toString(), "samples/sigmoid.grad");
    assertEquals(Main.OK, run.exit(), run.err());
    var trace = new ObjectMapper().readTree(dir.resolve("sigmoid/trace.json").toFile());
    assertEquals("elk", trace.get("engine").asText());
    assertTrue(trace.get("engineVersion").asText().matches("elk \\d+\\.\\d+\\.\\d+"), trace.get("engineVersion").asText());
  }

  /** The same program gives the same bytes in another JVM: what a colleague's machine renders, file for file. */
  @Test
  void elkGivesTheSameBytesInAnotherJvm() throws Exception {
    Run run = Run.of("-f", "svg,png,json", "-o", dir.resolve("here").toString(), "samples/advanced.grad");
    assertEquals(Main.OK, run.exit(), run.err());
    Process child = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp",
        System.getProperty("java.class.path"), "org.gradframes.cli.Main", "-q", "-f", "svg,png,json", "-o",
        dir.resolve("there").toString(), "samples/advanced.grad").redirectErrorStream(true).start();
    child.getOutputStream().close();
    String printed = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(child.waitFor(2, TimeUnit.MINUTES), "the child finished");
    assertEquals(0, child.exitValue(), printed);
    List<Path> here = FramesTest.files(dir.resolve("here/advanced"), "");
    List<Path> there = FramesTest.files(dir.resolve("there/advanced"), "");
    assertEquals(here.size(), there.size());
    for (int i = 0; i < here.size(); i++) {
      assertArrayEquals(Files.readAllBytes(here.get(i)), Files.readAllBytes(there.get(i)), here.get(i).toString());
    }
  }

  @Test
  void dotEngineWhenInstalled() throws IOException {
    assumeTrue(dotOnPath(), "Graphviz's dot is not on the PATH: skipping the dot engine's test"
        + " (.ci/run installs it; on Debian: apt-get install graphviz)");
    rendersQuietlyAndDeterministically("dot");
  }

  /**
   * The real command line in a child JVM whose PATH is an empty folder, so that {@code dot} is missing wherever the
   * test runs: forcing the dot engine is then a usage error, and nothing is rendered.
   */
  @Test
  void forcingAMissingDotIsAUsageError() throws Exception {
    Path empty = Files.createDirectory(dir.resolve("empty-path"));
    Path out = dir.resolve("out");
    String java = ProcessHandle.current().info().command().orElseThrow();
    assertTrue(Path.of(java).isAbsolute(), "the java binary is run by its absolute path: " + java);
    ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        "org.gradframes.cli.Main", "--engine", "dot", "-e", "y = 1", "-o", out.toString());
    builder.environment().put("PATH", empty.toString());
    Process child = builder.start();
    child.getOutputStream().close();
    CompletableFuture<byte[]> stdout = CompletableFuture.supplyAsync(() -> readAll(child.getInputStream()));
    byte[] stderr = child.getErrorStream().readAllBytes();
    assertTrue(child.waitFor(2, TimeUnit.MINUTES), "the command line finished");
    String err = new String(stderr, StandardCharsets.UTF_8);
    String printed = new String(stdout.get(), StandardCharsets.UTF_8);
    assertEquals(Main.USAGE, child.exitValue(), err);
    List<String> lines = err.lines().toList();
    assertEquals(2, lines.size(), err);
    assertEquals("gradframes: error: --engine dot: no 'dot' program on the PATH (install Graphviz, or use the elk"
        + " engine).", lines.get(0));
    assertTrue(lines.get(1).startsWith("usage: gradframes "), err);
    assertEquals("", printed, "nothing on standard output");
    assertFalse(Files.exists(out), "nothing rendered");
  }

  /** Whether an executable {@code dot} is in one of the PATH's folders, looked up here. */
  private static boolean dotOnPath() {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String folder : path.split(File.pathSeparator)) {
      File dot = new File(folder, "dot");
      if (!folder.isEmpty() && dot.isFile() && dot.canExecute()) {
        return true;
      }
    }
    return false;
  }

  private static byte[] readAll(InputStream in) {
    try {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
