package org.gradframes.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A course of programs in folders: mirrored, parallel, incremental. */
class BatchTest {
  @TempDir Path dir;
  Path course;

  @BeforeEach
  void course() throws IOException {
    course = dir.resolve("course");
    Files.createDirectories(course.resolve("week1"));
    Files.createDirectories(course.resolve("week2/extra"));
    Files.writeString(course.resolve("week1/a.grad"), "x = 2\ny = x * x\n");
    Files.writeString(course.resolve("week1/b.grad"), "x = 1\nw = 3\ny = sigmoid(w * x)\n");
    Files.writeString(course.resolve("week2/c.grad"), "a = 1\nb = 2\nc = a / b + a\n");
    Files.writeString(course.resolve("week2/extra/d.grad"), "t = 0.5\nu = tanh(t) * t\n");
    Files.writeString(course.resolve("week2/notes.txt"), "not a program");
  }

  private Run run(String out, String... more) {
    String[] args = Stream.concat(Stream.of("-o", dir.resolve(out).toString(), "-f", "svg,json"), Stream.of(more))
        .toArray(String[]::new);
    return Run.of(args);
  }

  private static List<Path> files(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
    }
  }

  @Test
  void folderInputIsMirroredUnderOut() {
    Run r = run("out", course.toString());
    assertEquals(Main.OK, r.exit(), r.err());
    for (String folder : new String[] {"week1/a", "week1/b", "week2/c", "week2/extra/d"}) {
      assertTrue(Files.isRegularFile(dir.resolve("out").resolve(folder).resolve("trace.json")), folder);
    }
    assertFalse(Files.exists(dir.resolve("out/week2/notes")));
    assertTrue(r.out().contains("gradframes: 4 programs: 4 rendered, 0 up to date, 0 failed;"), r.out());
  }

  @Test
  void globInputKeepsPathsBelowItsFolder() {
    Run r = run("out", course + "/week2/**.grad");
    assertEquals(Main.OK, r.exit(), r.err());
    assertTrue(Files.isRegularFile(dir.resolve("out/c/trace.json")));
    assertTrue(Files.isRegularFile(dir.resolve("out/extra/d/trace.json")));
    assertFalse(Files.exists(dir.resolve("out/a")));
    assertEquals(Main.BAD_INPUT, run("none", course + "/week9/*.grad").exit(), "a pattern matching nothing fails");
  }

  @Test
  void parallelOutputIsIdenticalToSerial() throws IOException {
    assertEquals(Main.OK, run("serial", "--jobs", "1", course.toString()).exit());
    assertEquals(Main.OK, run("parallel", "--jobs", "4", course.toString()).exit());
    List<Path> serial = files(dir.resolve("serial"));
    assertEquals(serial, files(dir.resolve("parallel")));
    assertTrue(serial.size() > 20);
    for (Path p : serial) {
      assertArrayEquals(Files.readAllBytes(dir.resolve("serial").resolve(p)),
          Files.readAllBytes(dir.resolve("parallel").resolve(p)), p.toString());
    }
  }

  @Test
  void unchangedProgramsAreSkippedAndChangedOnesRendered() throws IOException {
    assertEquals(Main.OK, run("out", course.toString()).exit());
    Run again = run("out", course.toString());
    assertTrue(again.out().contains("4 programs: 0 rendered, 4 up to date"), again.out());
    Files.writeString(course.resolve("week1/a.grad"), "x = 3\ny = x * x\n");
    Run edited = run("out", course.toString());
    assertTrue(edited.out().contains("4 programs: 1 rendered, 3 up to date"), edited.out());
    assertTrue(Files.readString(dir.resolve("out/week1/a/trace.json")).contains("\"value\" : 9.0"));
    Run forced = run("out", "--force", course.toString());
    assertTrue(forced.out().contains("4 programs: 4 rendered, 0 up to date"), forced.out());
    Run otherOptions = run("out", "--precision", "3", course.toString());
    assertTrue(otherOptions.out().contains("4 programs: 4 rendered"), "options are part of what is up to date");
  }

  @Test
  void aDeletedOutputFileMakesTheProgramRenderAgain() throws IOException {
    assertEquals(Main.OK, run("out", course.toString()).exit());
    Files.delete(dir.resolve("out/week2/c/frame-001.svg"));
    Run again = run("out", course.toString());
    assertTrue(again.out().contains("1 rendered, 3 up to date"), again.out());
    assertTrue(Files.exists(dir.resolve("out/week2/c/frame-001.svg")));
  }

  @Test
  void aProgramWhoseFolderWouldHoldAnothersIsRefused() throws IOException {
    Files.writeString(course.resolve("week1.grad"), "x = 1\ny = x + 1\n");
    Run r = run("out", "--jobs", "2", course.toString());
    assertEquals(Main.BAD_INPUT, r.exit());
    assertTrue(r.err().contains("which would hold or be inside this one's folder"), r.err());
    assertTrue(Files.isRegularFile(dir.resolve("out/week2/c/trace.json")), "the others render");
    assertTrue(Files.isRegularFile(dir.resolve("out/week1/trace.json")), "the first of the two renders");
  }

  @Test
  void aTerminalGetsAProgressBarWithRateAndTimeLeft() {
    java.io.ByteArrayOutputStream terminal = new java.io.ByteArrayOutputStream();
    java.io.StringWriter out = new java.io.StringWriter();
    java.io.StringWriter err = new java.io.StringWriter();
    int exit = new Main(new java.io.PrintWriter(out), new java.io.PrintWriter(err), java.io.InputStream.nullInputStream(),
        new java.io.PrintStream(terminal, true, java.nio.charset.StandardCharsets.UTF_8))
        .run("-o", dir.resolve("out").toString(), "-f", "json", course.toString());
    assertEquals(Main.OK, exit, err.toString());
    String bar = terminal.toString(java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(bar.contains("100%") && bar.contains("4/4 programs") && bar.contains("programs/s"), bar);
    assertTrue(bar.contains("frames"), "frames written are shown: " + bar);
    assertFalse(out.toString().contains("frames ->"), "no per-program lines under a bar");
    assertTrue(out.toString().contains("4 programs: 4 rendered"), out.toString());
  }

  @Test
  void quietPrintsNothingButErrors() throws IOException {
    Files.writeString(course.resolve("week1/bad.grad"), "y = (\n");
    Run r = run("out", "--quiet", course.toString());
    assertEquals(Main.BAD_INPUT, r.exit());
    assertEquals("", r.out());
    assertTrue(r.err().contains("bad.grad:1:6: error:"), r.err());
    assertTrue(Files.exists(dir.resolve("out/week1/a/trace.json")), "the others still render");
  }

  @Test
  void theUpToDateKeyNamesTheBuildByItsContentNotItsVersion() {
    String build = org.gradframes.pipeline.Gradframes.build();
    assertTrue(build.matches("[0-9a-f]{64}"), "the build is fingerprinted by the SHA-256 of its classes: " + build);
  }
}
