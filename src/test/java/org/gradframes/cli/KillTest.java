package org.gradframes.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A render killed while it writes leaves the old frames whole, and the next run finishes the job. */
class KillTest {
  @TempDir Path dir;

  private static Map<String, byte[]> contents(Path folder) throws IOException {
    Map<String, byte[]> files = new LinkedHashMap<>();
    try (Stream<Path> list = Files.list(folder)) {
      for (Path p : list.sorted().toList()) {
        files.put(p.getFileName().toString(), Files.readAllBytes(p));
      }
    }
    return files;
  }

  private static List<Path> partials(Path out) throws IOException {
    try (Stream<Path> list = Files.list(out)) {
      return list.filter(p -> p.getFileName().toString().startsWith(".net.")).toList();
    }
  }

  @Test
  void killedWhileWritingLeavesTheOldFramesWhole() throws Exception {
    Path program = dir.resolve("net.grad");
    Files.copy(Path.of("samples/network.grad"), program);
    Path out = dir.resolve("out");
    Run first = Run.of("-o", out.toString(), "-f", "svg", program.toString());
    assertEquals(Main.OK, first.exit(), first.err());
    Map<String, byte[]> before = contents(out.resolve("net"));

    Files.writeString(program, Files.readString(program).replace("x = 1.2", "x = 0.7"));
    String java = ProcessHandle.current().info().command().orElse("java");
    Process render = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        "org.gradframes.cli.Main", "-o", out.toString(), "-f", "svg,png", program.toString())
        .redirectOutput(new File("/dev/null")).redirectError(new File("/dev/null")).start();
    boolean killedMidway = false;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (render.isAlive() && System.nanoTime() < deadline) {
      List<Path> partial = partials(out);
      if (!partial.isEmpty() && count(partial.get(0)) >= 20) {
        render.destroyForcibly().waitFor();
        killedMidway = true;
        break;
      }
      Thread.sleep(1);
    }
    assertTrue(killedMidway, "the render was caught while writing");
    assertEquals(before.keySet(), contents(out.resolve("net")).keySet(), "the old frames, no more, no fewer");
    before.forEach((name, bytes) -> {
      try {
        assertArrayEquals(bytes, Files.readAllBytes(out.resolve("net").resolve(name)), name);
      } catch (IOException e) {
        throw new AssertionError(e);
      }
    });

    Run again = Run.of("-o", out.toString(), "-f", "svg,png", program.toString());
    assertEquals(Main.OK, again.exit(), again.err());
    assertTrue(Files.exists(out.resolve("net/frame-000.png")), "the new render is complete");
    assertTrue(Files.readString(out.resolve("net/frame-000.svg")).contains("value 0.7"));
    assertFalse(partials(out).stream().anyMatch(Files::exists), "nothing left over: " + partials(out));
  }

  /**
   * Interrupted as Ctrl-C or a plain {@code kill} does (SIGTERM here), a render removes what it had written before
   * it exits: the old frames are whole and no temporary folder is left for a later run to clean up.
   */
  @Test
  void interruptedWhileWritingCleansUpBeforeItExits() throws Exception {
    Path program = dir.resolve("net.grad");
    Files.copy(Path.of("samples/network.grad"), program);
    Path out = dir.resolve("out");
    Run first = Run.of("-o", out.toString(), "-f", "svg", "--view", "ops", program.toString());
    assertEquals(Main.OK, first.exit(), first.err());
    Map<String, byte[]> before = contents(out.resolve("net"));

    Files.writeString(program, Files.readString(program).replace("x = 1.2", "x = 0.7"));
    String java = ProcessHandle.current().info().command().orElse("java");
    Process render = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        "org.gradframes.cli.Main", "-o", out.toString(), "-f", "svg,png", "--view", "ops", program.toString())
        .redirectOutput(new File("/dev/null")).redirectError(new File("/dev/null")).start();
    boolean interrupted = false;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (render.isAlive() && System.nanoTime() < deadline) {
      List<Path> partial = partials(out);
      if (!partial.isEmpty() && count(partial.get(0)) >= 20) {
        render.destroy();
        assertTrue(render.waitFor(60, TimeUnit.SECONDS), "the render exits when asked to");
        interrupted = true;
        break;
      }
      Thread.sleep(1);
    }
    assertTrue(interrupted, "the render was caught while writing");
    assertEquals(List.of(), partials(out), "nothing left behind");
    assertEquals(before.keySet(), contents(out.resolve("net")).keySet(), "the old frames, no more, no fewer");
    before.forEach((name, bytes) -> {
      try {
        assertArrayEquals(bytes, Files.readAllBytes(out.resolve("net").resolve(name)), name);
      } catch (IOException e) {
        throw new AssertionError(e);
      }
    });
  }

  private static long count(Path folder) {
    try (Stream<Path> list = Files.list(folder)) {
      return list.count();
    } catch (IOException e) {
      return 0;
    }
  }
}
