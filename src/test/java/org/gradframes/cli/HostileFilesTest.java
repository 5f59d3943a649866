package org.gradframes.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Inputs and output folders built to break the tool: no endless read, no hang, no file touched outside --out. */
class HostileFilesTest {
  @TempDir Path dir;

  private Path program(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return file;
  }

  private Path good() throws IOException {
    return program("good.grad", "x = 2\ny = x * x\n");
  }

  private String out() {
    return dir.resolve("out").toString();
  }

  @Test
  void anInputLargerThanTheLimitIsAnErrorAndTheOthersRender() throws IOException {
    Path big = program("big.grad", "x = 1\n" + "# filler\n".repeat(200));
    Run run = Run.of("-o", out(), "-f", "json", "--max-bytes", "1000", big.toString(), good().toString());
    assertEquals(Main.BAD_INPUT, run.exit());
    assertTrue(run.err().contains("big.grad: error: is larger than 1000 bytes, the most a program may have"
        + " (--max-bytes raises the limit)."), run.err());
    assertTrue(Files.exists(dir.resolve("out/good/trace.json")), run.err());
  }

  @Test
  void standardInputIsReadOnlyUpToTheLimit() {
    Run run = Run.withInput("x = 1\n".repeat(100), "-o", out(), "-f", "json", "--max-bytes", "100", "-");
    assertEquals(Main.BAD_INPUT, run.exit());
    assertTrue(run.err().contains("-: error: is larger than 100 bytes"), run.err());
  }

  /** An endless standard input is read only to the byte past the limit, not until the memory is full. */
  @Test
  void anEndlessStandardInputIsReadOnlyToTheLimit() {
    long[] served = {0};
    InputStream endless = new InputStream() {
      @Override
      public int read() {
        return read(new byte[1], 0, 1) < 0 ? -1 : '\n';
      }

      @Override
      public int read(byte[] b, int off, int len) {
        served[0] += len;
        if (served[0] > 1 << 20) {
          throw new AssertionError("read " + served[0] + " bytes of a 100-byte limit");
        }
        Arrays.fill(b, off, off + len, (byte) '\n');
        return len;
      }
    };
    ProgramInput.ReadException e = assertThrows(ProgramInput.ReadException.class,
        () -> ProgramInput.ofStandardInput(endless, 100));
    assertTrue(e.getMessage().contains("is larger than 100 bytes"), e.getMessage());
    assertEquals(101, served[0], "the read stops at the byte past the limit");
  }

  /** A FIFO would block the read forever: a separate thread times the test out rather than hanging the build. */
  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void devicesAndPipesAreNotRead() throws Exception {
    Path fifo = dir.resolve("f.grad");
    assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo works here");
    Run run = Run.of("-o", out(), "-f", "json", fifo.toString(), "/dev/zero", good().toString());
    assertEquals(Main.BAD_INPUT, run.exit());
    assertTrue(run.err().contains("f.grad: error: is not a regular file (a pipe or a device?)"), run.err());
    assertTrue(run.err().contains("/dev/zero: error: is not a regular file"), run.err());
    assertTrue(Files.exists(dir.resolve("out/good/trace.json")), run.err());
  }

  @Test
  void aMalformedGlobIsAUsageErrorNamingThePattern() throws IOException {
    good();
    for (String pattern : new String[] {dir + "/a{b.grad", dir + "/[z"}) {
      Run run = Run.of("-o", out(), "-f", "json", pattern);
      assertEquals(Main.USAGE, run.exit(), run.err());
      assertTrue(run.err().contains("gradframes: error: '" + pattern + "' is not a well-formed pattern"), run.err());
    }
  }

  @Test
  void anEmptyOutIsAUsageError() throws IOException {
    Run run = Run.of("-o", "", good().toString());
    assertEquals(Main.USAGE, run.exit(), run.err());
    assertTrue(run.err().contains("--out: expected a folder, not ''."), run.err());
  }

  @Test
  void anOutThatIsAFileIsNamedAsSuch() throws IOException {
    Path file = program("afile", "not a folder");
    Run run = Run.of("-o", file.toString(), "-f", "json", good().toString());
    assertEquals(Main.BAD_INPUT, run.exit());
    assertTrue(run.err().contains(file + " exists and is not a folder; the output must go into a folder."), run.err());
  }

  @Test
  void aLinkInsideOutIsNotWrittenThrough() throws IOException {
    program("course/week1/a.grad", "x = 1\ny = x + x\n");
    Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
    Files.createDirectories(dir.resolve("out"));
    Files.createSymbolicLink(dir.resolve("out/week1"), elsewhere);
    Run run = Run.of("-o", out(), "-f", "json", dir.resolve("course").toString());
    assertEquals(Main.BAD_INPUT, run.exit());
    assertTrue(run.err().contains(dir.resolve("out/week1") + " is a link; not writing through it"), run.err());
    try (Stream<Path> files = Files.list(elsewhere)) {
      assertEquals(0, files.count());
    }
  }

  /**
   * Root reads every folder, so as root the render runs in a child JVM whose capabilities to do so are dropped
   * (setpriv): the test then runs, rather than being skipped, wherever the build runs as root, as in containers.
   */
  @Test
  void anUnreadableSubfolderIsReportedAndTheRestRendered() throws Exception {
    List<String> command = new ArrayList<>();
    if ("root".equals(System.getProperty("user.name"))) {
      List<String> setpriv = List.of("setpriv", "--bounding-set", "-dac_override,-dac_read_search");
      List<String> check = new ArrayList<>(setpriv);
      check.add("true");
      assumeTrue(exitOf(check) == 0, "root reads every folder, and setpriv cannot drop that here");
      command.addAll(setpriv);
    }
    command.addAll(List.of(ProcessHandle.current().info().command().orElse("java"), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp",
        System.getProperty("java.class.path"), "org.gradframes.cli.Main"));
    program("course/a.grad", "x = 1\ny = x + x\n");
    program("course/locked/b.grad", "x = 1\ny = x + x\n");
    Path locked = dir.resolve("course/locked");
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
    try {
      command.addAll(List.of("-o", out(), "-f", "json", dir.resolve("course").toString()));
      Process render = new ProcessBuilder(command).redirectErrorStream(true).start();
      render.getOutputStream().close();
      String output = new String(render.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(render.waitFor(120, TimeUnit.SECONDS));
      assertEquals(Main.BAD_INPUT, render.exitValue(), output);
      assertTrue(output.contains(locked + ": error: cannot list the folder: " + locked + ": permission denied."),
          output);
      assertTrue(Files.exists(dir.resolve("out/a/trace.json")), output);
    } finally {
      Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
    }
  }

  private static int exitOf(List<String> command) throws InterruptedException {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(new File("/dev/null")).start();
      return p.waitFor(30, TimeUnit.SECONDS) ? p.exitValue() : -1;
    } catch (IOException e) {
      return -1;
    }
  }

  @Test
  void controlCharactersReachNoTerminal() throws IOException {
    Path file = program("evil\u001b[2J.grad", "x = 1\ny = x \u001b]0;pwned\u0007 + 1\n");
    Run run = Run.of("-o", out(), "-f", "json", file.toString());
    assertEquals(Main.BAD_INPUT, run.exit());
    assertFalse(run.err().contains("\u001b") || run.err().contains("\u0007"), run.err());
    String[] lines = run.err().split("\n");
    assertTrue(lines[0].contains("evil\\x1B[2J.grad:2:7: error: Unexpected character U+001B."), lines[0]);
    assertEquals("y = x \\x1B]0;pwned\\x07 + 1", lines[1]);
    assertEquals("      ^", lines[2], "the caret stays under the escaped character");
  }

  @Test
  void aThemeInAnotherEncodingSaysSo() throws IOException {
    Path theme = dir.resolve("latin1.theme");
    Files.write(theme, "# th\u00e8me\n".getBytes(StandardCharsets.ISO_8859_1));
    Run run = Run.of("--theme", theme.toString(), "-o", out(), good().toString());
    assertEquals(Main.USAGE, run.exit());
    assertTrue(run.err().contains("the theme file is not UTF-8 text; save it as UTF-8."), run.err());
  }

  @Test
  void aFullTemporaryFolderIsNamedForEveryProgram() throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    Path err = dir.resolve("err.txt");
    Process render = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Djava.io.tmpdir=" + dir.resolve("missing"), "-cp",
        System.getProperty("java.class.path"), "org.gradframes.cli.Main", "-o", out(), "-f", "png", "-j", "1",
        good().toString(), program("two.grad", "a = 1\nb = a * 3\n").toString())
        .redirectOutput(new File("/dev/null")).redirectError(err.toFile()).start();
    assertTrue(render.waitFor(120, TimeUnit.SECONDS));
    String text = Files.readString(err);
    assertEquals(Main.BAD_INPUT, render.exitValue(), text);
    assertFalse(text.contains("ExceptionInInitializerError") || text.contains("NoClassDefFoundError"), text);
    assertTrue(text.contains("good.grad: error: cannot load the font Liberation Sans"), text);
    assertTrue(text.contains("two.grad: error: cannot load the font Liberation Sans"), text);
  }
}
