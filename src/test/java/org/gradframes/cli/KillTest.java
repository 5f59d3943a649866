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

  /** The old frames of {@code out/net}, rendered once, and the program changed so a new render differs. */
  private Map<String, byte[]> renderedOnce(Path program, Path out, String... view) throws IOException {
    Files.copy(Path.of("samples/network.grad"), program);
    List<String> args = new java.util.ArrayList<>(List.of("-o", out.toString(), "-f", "svg"));
    args.addAll(List.of(view));
    args.add(program.toString());
    Run first = Run.of(args.toArray(String[]::new));
    assertEquals(Main.OK, first.exit(), first.err());
    Files.writeString(program, Files.readString(program).replace("x = 1.2", "x = 0.7"));
    return contents(out.resolve("net"));
  }

  /** A render in a child JVM, stopped by {@code stop} once its temporary folder holds 20 files. */
  private static boolean stoppedWhileWriting(Path program, Path out, java.util.function.Consumer<Process> stop,
      String... view) throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command = new java.util.ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
        "org.gradframes.cli.Main", "-o", out.toString(), "-f", "svg,png"));
    command.addAll(List.of(view));
    command.add(program.toString());
    Process render = new ProcessBuilder(command).redirectOutput(new File("/dev/null"))
        .redirectError(new File("/dev/null")).start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (render.isAlive() && System.nanoTime() < deadline) {
      List<Path> partial = partials(out);
      if (!partial.isEmpty() && count(partial.get(0)) >= 20) {
        stop.accept(render);
        assertTrue(render.waitFor(60, TimeUnit.SECONDS), "the render exits when stopped");
        return true;
      }
      Thread.sleep(10);
    }
    return false;
  }

  private static void sameFiles(Map<String, byte[]> before, Path folder) throws IOException {
    assertEquals(before.keySet(), contents(folder).keySet(), "the old frames, no more, no fewer");
    for (Map.Entry<String, byte[]> file : before.entrySet()) {
      assertArrayEquals(file.getValue(), Files.readAllBytes(folder.resolve(file.getKey())), file.getKey());
    }
  }

  @Test
  void killedWhileWritingLeavesTheOldFramesWhole() throws Exception {
    Path program = dir.resolve("net.grad");
    Path out = dir.resolve("out");
    Map<String, byte[]> before = renderedOnce(program, out);
    assertTrue(stoppedWhileWriting(program, out, Process::destroyForcibly), "the render was caught while writing");
    sameFiles(before, out.resolve("net"));

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
    Path out = dir.resolve("out");
    Map<String, byte[]> before = renderedOnce(program, out);
    assertTrue(stoppedWhileWriting(program, out, Process::destroy),
        "the render was caught while writing");
    assertEquals(List.of(), partials(out), "nothing left behind");
    sameFiles(before, out.resolve("net"));
  }

  private static long count(Path folder) {
    try (Stream<Path> list = Files.list(folder)) {
      return list.count();
    } catch (IOException e) {
      return 0;
    }
  }
}
