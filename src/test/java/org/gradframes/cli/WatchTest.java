package org.gradframes.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --watch} renders again when a program changes, keeps the last good frames through an error, sees saves by
 * rename and new files of a watched folder, and stops when interrupted or sent SIGTERM. Each test waits for what it
 * expects with a timeout, never a fixed sleep. Whichever test runs first in a fresh JVM pays for its first render
 * (about 4 s here); the others take under 1 s but for the one in a child JVM.
 */
class WatchTest {
  private static final long TIMEOUT_S = 20;

  @TempDir Path dir;
  private Thread thread;
  private final StringWriter err = new StringWriter();
  private final CompletableFuture<Integer> exit = new CompletableFuture<>();

  /** Starts {@code gradframes --watch ARGS} on a thread of its own and waits until it watches. */
  private void watch(String... args) {
    watchInto(dir.resolve("out"), args);
  }

  private void watchInto(Path out, String... args) {
    List<String> line = new ArrayList<>(List.of("--watch", "-f", "svg", "-o", out.toString()));
    line.addAll(List.of(args));
    thread = new Thread(() -> exit.complete(new Main(new PrintWriter(new StringWriter()), new PrintWriter(err))
        .run(line.toArray(String[]::new))), "watch");
    thread.setDaemon(true);
    thread.start();
  }

  @AfterEach
  void stop() throws Exception {
    if (thread != null && thread.isAlive()) {
      thread.interrupt();
      thread.join(TimeUnit.SECONDS.toMillis(TIMEOUT_S));
    }
  }

  /** Waits until the error stream satisfies {@code test}; fails with what it says after the timeout. */
  private String awaitErr(String what, Predicate<String> test) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_S);
    while (System.nanoTime() < deadline) {
      String text = err.toString();
      if (test.test(text)) {
        return text;
      }
      assertFalse(exit.isDone(), "the watch ended early: " + text);
      Thread.sleep(10);
    }
    throw new AssertionError("waited " + TIMEOUT_S + " s for " + what + "; stderr:\n" + err);
  }

  private String awaitLines(String fragment, int count) throws InterruptedException {
    return awaitErr(count + " x '" + fragment + "'", text -> occurrences(text, fragment) >= count);
  }

  private static int occurrences(String text, String fragment) {
    int n = 0;
    for (int i = text.indexOf(fragment); i >= 0; i = text.indexOf(fragment, i + 1)) {
      n++;
    }
    return n;
  }

  private byte[] lastFrame(String program) throws IOException {
    Path folder = dir.resolve("out").resolve(program);
    try (var files = Files.list(folder)) {
      Path last = files.filter(p -> p.getFileName().toString().matches("frame-\\d+\\.svg")).sorted()
          .reduce((a, b) -> b).orElseThrow();
      return Files.readAllBytes(last);
    }
  }

  private int stopAndExit() throws Exception {
    thread.interrupt();
    return exit.get(TIMEOUT_S, TimeUnit.SECONDS);
  }

  @Test
  void aChangeRendersAgainAnErrorKeepsTheFramesAndAFixRendersAgain() throws Exception {
    Path program = dir.resolve("lecture.grad");
    Files.writeString(program, "x = 3\ny = x * x\n");
    watch(program.toString());
    awaitLines("gradframes: watching 1 program for changes", 1);
    byte[] first = lastFrame("lecture");

    Files.writeString(program, "x = 4\ny = x * x\n");
    awaitLines("rendered " + program + " (", 1);
    byte[] second = lastFrame("lecture");
    assertNotEquals(new String(first, "UTF-8"), new String(second, "UTF-8"), "the new program's frame");
    assertTrue(new String(second, "UTF-8").contains(">value 16<"), "y = 16 is drawn");

    String bad = "x = 4\ny = (x * x\n";
    Files.writeString(program, bad);
    String text = awaitLines(": error: ", 1);
    Path alone = dir.resolve("alone.grad");
    Files.writeString(alone, bad);
    Run normal = Run.of("-o", dir.resolve("normal").toString(), "-f", "svg", alone.toString());
    String located = normal.err().replace(alone.toString(), program.toString());
    assertTrue(located.startsWith(program + ":2:"), located);
    assertTrue(text.contains(located), "the error as a normal run prints it:\n" + located + "\nin:\n" + text);
    assertArrayEquals(second, lastFrame("lecture"), "the last good frames stay");

    Files.writeString(program, "x = 5\ny = x * x\n");
    awaitLines("rendered " + program + " (", 2);
    assertTrue(new String(lastFrame("lecture"), "UTF-8").contains(">value 25<"), "y = 25 is drawn");
    assertEquals(Main.OK, stopAndExit());
  }

  @Test
  void aSaveByRenamingANewFileOverTheOldIsSeen() throws Exception {
    Path program = dir.resolve("lecture.grad");
    Files.writeString(program, "x = 3\ny = x * x\n");
    watch(program.toString());
    awaitLines("gradframes: watching", 1);
    // As vim and JetBrains editors save: a new file beside it, renamed over the old one.
    Path temporary = dir.resolve("lecture.grad___jb_tmp___");
    Files.writeString(temporary, "x = 7\ny = x * x\n");
    Files.move(temporary, program, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    awaitLines("rendered " + program + " (", 1);
    assertTrue(new String(lastFrame("lecture"), "UTF-8").contains(">value 49<"), "y = 49 is drawn");
    // The watch goes on after the rename: the new file is watched by its name, not its inode.
    Files.writeString(program, "x = 8\ny = x * x\n");
    awaitLines("rendered " + program + " (", 2);
    assertTrue(new String(lastFrame("lecture"), "UTF-8").contains(">value 64<"), "y = 64 is drawn");
  }

  @Test
  void aNewProgramInAWatchedFolderIsRenderedAndOnlyItIs() throws Exception {
    Path course = Files.createDirectories(dir.resolve("course"));
    Files.writeString(course.resolve("a.grad"), "x = 3\ny = x * x\n");
    watch(course.toString());
    awaitLines("gradframes: watching 1 program", 1);
    Path week = Files.createDirectories(course.resolve("week2"));
    Files.writeString(week.resolve("b.grad"), "x = 2\ny = x * x * x\n");
    awaitLines("rendered " + week.resolve("b.grad") + " (", 1);
    assertTrue(new String(lastFrame("week2/b"), "UTF-8").contains(">value 8<"), "y = 8 is drawn");
    assertFalse(err.toString().contains("rendered " + course.resolve("a.grad")), "a.grad did not change");
    Files.delete(week.resolve("b.grad"));
    awaitLines("b.grad: removed", 1);
    assertTrue(Files.isDirectory(dir.resolve("out/week2/b")), "the frames of a removed program stay");
    assertEquals(Main.OK, stopAndExit());
  }

  @Test
  void anOutputFolderThatHoldsTheProgramsIsNoReasonToMissThem() throws Exception {
    Path course = Files.createDirectories(dir.resolve("out/course"));
    Path program = course.resolve("a.grad");
    Files.writeString(program, "x = 3\ny = x * x\n");
    watch(course.toString());
    awaitLines("gradframes: watching 1 program", 1);
    Files.writeString(program, "x = 6\ny = x * x\n");
    awaitLines("rendered " + program + " (", 1);
    assertTrue(new String(lastFrame("a"), "UTF-8").contains(">value 36<"), "y = 36 is drawn");
  }

  @Test
  void aChangedThemeFileRendersAgainAndABrokenOneWaitsForItsFix() throws Exception {
    Path program = dir.resolve("lecture.grad");
    Files.writeString(program, "x = 3\ny = x * x\n");
    Path theme = dir.resolve("slides.theme");
    Files.writeString(theme, "background = #102030\n");
    watch("--theme", theme.toString(), program.toString());
    awaitLines("gradframes: watching 1 program and the theme file", 1);
    assertTrue(new String(lastFrame("lecture"), "UTF-8").contains("#102030"), "the theme's background");
    Files.writeString(theme, "background = nonsense\n");
    awaitLines("gradframes: error: ", 1);
    assertTrue(new String(lastFrame("lecture"), "UTF-8").contains("#102030"), "the frames wait for the fix");
    Files.writeString(theme, "background = #405060\n");
    awaitLines("rendered " + program + " (", 1);
    assertTrue(new String(lastFrame("lecture"), "UTF-8").contains("#405060"), "the new background");
  }

  /** Slow for this suite (a JVM's start and first render: 3 to 9 s here, by load), as a stop by a signal must be. */
  @Test
  void sigtermStopsTheWatchWithTheSignalsStatusAndNoTrace() throws Exception {
    Path program = dir.resolve("lecture.grad");
    Files.writeString(program, "x = 3\ny = x * x\n");
    Path log = dir.resolve("stderr.txt");
    String java = ProcessHandle.current().info().command().orElse("java");
    Process process = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
        "org.gradframes.cli.Main", "--watch", "-f", "svg", "-o", dir.resolve("out").toString(), program.toString())
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(log.toFile()).start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (!Files.readString(log).contains("gradframes: watching") && System.nanoTime() < deadline) {
        assertTrue(process.isAlive(), Files.readString(log));
        Thread.sleep(20);
      }
      process.destroy();
      assertTrue(process.waitFor(TIMEOUT_S, TimeUnit.SECONDS), "the watch stops");
      assertEquals(143, process.exitValue(), "128 + SIGTERM, as a JVM stopped by the signal exits");
      assertEquals("gradframes: watching 1 program for changes; Ctrl-C stops.\n", Files.readString(log),
          "nothing but the watch's line: no trace");
      assertTrue(Files.isRegularFile(dir.resolve("out/lecture/frame-002.svg")), "the frames stay");
    } finally {
      process.destroyForcibly();
    }
  }

  @Test
  void watchRefusesStandardOutputAndStandardInput() throws IOException {
    Path program = dir.resolve("lecture.grad");
    Files.writeString(program, "x = 3\ny = x * x\n");
    Run toStdout = Run.of("--watch", "-f", "svg", "--frame", "last", "-o", "-", program.toString());
    assertEquals(Main.USAGE, toStdout.exit());
    assertTrue(toStdout.err().contains("--watch") && toStdout.err().contains("-o -"), toStdout.err());
    Run fromStdin = Run.of("--watch", "-o", dir.toString(), "-");
    assertEquals(Main.USAGE, fromStdin.exit());
    assertTrue(fromStdin.err().contains("standard input (-)"), fromStdin.err());
    Run expression = Run.of("--watch", "-o", dir.toString(), "-e", "y = 2 * 3");
    assertEquals(Main.USAGE, expression.exit());
    assertTrue(expression.err().contains("-e"), expression.err());
  }
}
