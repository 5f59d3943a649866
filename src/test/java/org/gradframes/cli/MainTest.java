package org.gradframes.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  private String out() {
    return dir.resolve("out").toString();
  }

  @Test
  void helpPrintsUsageAndExitsZero() {
    Run run = Run.of("--help");
    assertEquals(Main.OK, run.exit());
    assertTrue(run.out().contains("usage: gradframes [options] FILE|FOLDER|GLOB..."), run.out());
    assertTrue(run.out().contains("--precision"), run.out());
  }

  /** The notes' styles draw the ops view left to right: asking for more is known from the command line alone. */
  @Test
  void aStyleWithAViewOrDirectionItCannotDrawIsAUsageError() {
    for (String[] args : new String[][] {{"--style", "circuit", "--rankdir", "TB"},
        {"--style", "micrograd", "--view", "network"}, {"--style", "circuit", "--view", "statements"}}) {
      List<String> line = new java.util.ArrayList<>(List.of(args));
      line.addAll(List.of("-e", "x = 1\ny = 2 * x"));
      Run run = Run.of(line.toArray(String[]::new));
      assertEquals(Main.USAGE, run.exit(), String.join(" ", args) + ": " + run.err());
      assertTrue(run.err().contains("--style boxes"), run.err());
    }
  }

  @Test
  void versionPrintsName() {
    Run run = Run.of("--version");
    assertEquals(Main.OK, run.exit());
    assertTrue(run.out().startsWith("gradframes "), run.out());
  }

  @Test
  void noInputIsUsageError() {
    Run run = Run.of();
    assertEquals(Main.USAGE, run.exit());
    assertTrue(run.err().startsWith("gradframes: error: no input"), run.err());
  }

  @Test
  void unknownOptionIsUsageError() {
    Run run = Run.of("--frobnicate", "x.grad");
    assertEquals(Main.USAGE, run.exit());
    assertTrue(run.err().contains("frobnicate"), run.err());
  }

  @Test
  void badOptionValuesAreUsageErrors() {
    assertEquals(Main.USAGE, Run.of("-f", "svg,jpeg", "x.grad").exit());
    assertEquals(Main.USAGE, Run.of("--precision", "0", "x.grad").exit());
    assertEquals(Main.USAGE, Run.of("--engine", "neato", "x.grad").exit());
    assertEquals(Main.USAGE, Run.of("--rankdir", "RL", "x.grad").exit());
    assertEquals(Main.USAGE, Run.of("--scale", "abc", "x.grad").exit());
    assertEquals(Main.USAGE, Run.of("--theme", "no-such-theme", "x.grad").exit());
  }

  @Test
  void syntaxErrorPrintsFileLineColumnSourceLineAndCaret() throws IOException {
    Path bad = write("bad.grad", "a = 1\nb = a * (2 +\n");
    Run run = Run.of("-o", out(), bad.toString());
    assertEquals(Main.BAD_INPUT, run.exit());
    assertEquals(bad + ":2:13: error: Expected an expression, found end of line.\n"
        + "b = a * (2 +\n"
        + "            ^\n", run.err());
    assertFalse(Files.exists(dir.resolve("out/bad")), "a failed program leaves no folder");
  }

  @Test
  void caretFollowsTabsAndCrlf() throws IOException {
    Path bad = write("tabs.grad", "a = 1\r\n\tb = a $ 2\r\n");
    Run run = Run.of("-o", out(), bad.toString());
    assertEquals(Main.BAD_INPUT, run.exit());
    assertEquals(bad + ":2:8: error: Unexpected character '$'.\n\tb = a $ 2\n\t      ^\n", run.err());
  }

  @Test
  void undefinedNameIsReportedAtItsUse() throws IOException {
    Path bad = write("undef.grad", "x = 2\ny = x * z\n");
    Run run = Run.of("-o", out(), bad.toString());
    assertEquals(Main.BAD_INPUT, run.exit());
    assertTrue(run.err().startsWith(bad + ":2:9: error: 'z' is not defined."), run.err());
  }

  @Test
  void failedInputDoesNotStopTheOthers() throws IOException {
    Path bad = write("bad.grad", "y = = 2\n");
    Path good = write("good.grad", "x = 3\ny = x * x\n");
    Run run = Run.of("-o", out(), "-f", "json", bad.toString(), good.toString());
    assertEquals(Main.BAD_INPUT, run.exit());
    assertTrue(Files.isRegularFile(dir.resolve("out/good/trace.json")));
    assertFalse(Files.exists(dir.resolve("out/bad")));
    assertTrue(run.out().contains("good.grad: 3 frames"), run.out());
  }

  @Test
  void missingFileIsReportedWithoutStackTrace() {
    Run run = Run.of("-o", out(), dir.resolve("nope.grad").toString());
    assertEquals(Main.BAD_INPUT, run.exit());
    assertTrue(run.err().endsWith("nope.grad: error: no such file.\n"), run.err());
    assertFalse(run.err().contains("Exception"), run.err());
  }

  @Test
  void inputThatIsNotUtf8IsRejected() throws IOException {
    Path latin1 = dir.resolve("latin1.grad");
    Files.write(latin1, new byte[] {'x', ' ', '=', ' ', '1', ' ', '#', ' ', (byte) 0xe9, '\n'});
    Run run = Run.of("-o", out(), latin1.toString());
    assertEquals(Main.BAD_INPUT, run.exit());
    assertTrue(run.err().contains("is not UTF-8 text"), run.err());
  }

  @Test
  void byteOrderMarkIsIgnored() throws IOException {
    Path bom = write("bom.grad", "\uFEFFx = 2\ny = x * 3\n");
    Run run = Run.of("-o", out(), "-f", "json", bom.toString());
    assertEquals(Main.OK, run.exit(), run.err());
  }

  @Test
  void expressionOptionAndStandardInputRender() {
    Run e = Run.of("-o", out(), "-f", "json", "-e", "x = 2\ny = x^3");
    assertEquals(Main.OK, e.exit(), e.err());
    assertTrue(Files.isRegularFile(dir.resolve("out/expression/trace.json")));
    Run stdin = Run.withInput("a = 1\nb = 2\nc = a / b\n", "-o", out(), "-f", "json", "-");
    assertEquals(Main.OK, stdin.exit(), stdin.err());
    assertTrue(Files.isRegularFile(dir.resolve("out/stdin/trace.json")));
  }

  @Test
  void errorsInStandardInputNameIt() {
    Run run = Run.withInput("y = )\n", "-o", out(), "-");
    assertEquals(Main.BAD_INPUT, run.exit());
    assertTrue(run.err().startsWith("<stdin>:1:5: error: Expected an expression, found ')'."), run.err());
  }

  @Test
  void unusedVariableGetsAWarning() throws IOException {
    Path file = write("unused.grad", "x = 2\nz = x + 1\ny = x * 3\n");
    Run run = Run.of("-o", out(), "-f", "json", file.toString());
    assertEquals(Main.OK, run.exit());
    assertTrue(run.err().startsWith(file + ":2:7: warning: 'z' does not affect the output 'y'"), run.err());
  }

  @Test
  void domainErrorGetsAWarningNamingTheNode() throws IOException {
    Path file = write("log.grad", "x = -1\ny = log(x)\n");
    Run run = Run.of("-o", out(), "-f", "json", file.toString());
    assertEquals(Main.OK, run.exit());
    assertTrue(run.err().startsWith(file + ":2:5: warning: y = log(−1) is NaN; the frames show it as NaN."), run.err());
  }

  @Test
  void folderWithForeignFilesIsNotReplaced() throws IOException {
    Path file = write("p.grad", "x = 2\ny = x * 3\n");
    Files.createDirectories(dir.resolve("out/p"));
    Files.writeString(dir.resolve("out/p/notes.txt"), "mine");
    Run run = Run.of("-o", out(), "-f", "json", file.toString());
    assertEquals(Main.BAD_INPUT, run.exit());
    assertTrue(run.err().contains("notes.txt, which gradframes did not write"), run.err());
    assertEquals("mine", Files.readString(dir.resolve("out/p/notes.txt")));
  }

  @Test
  void rerenderReplacesOldFramesEntirely() throws IOException {
    Path file = write("p.grad", "a = 1\nb = 2\nc = a * b\nd = c * a\ny = d * b\n");
    assertEquals(Main.OK, Run.of("-o", out(), "-f", "svg", file.toString()).exit());
    assertTrue(Files.exists(dir.resolve("out/p/frame-004.svg")));
    Files.writeString(file, "a = 1\ny = a * 2\n");
    assertEquals(Main.OK, Run.of("-o", out(), "-f", "svg", file.toString()).exit());
    assertFalse(Files.exists(dir.resolve("out/p/frame-003.svg")), "no stale frame survives");
    try (var files = Files.list(dir.resolve("out"))) {
      assertEquals(1, files.count(), "no temporary folder is left behind");
    }
  }

  @Test
  void twoInputsWithOneStemAreRefused() throws IOException {
    Files.createDirectories(dir.resolve("a"));
    Files.createDirectories(dir.resolve("b"));
    Path one = write("a/p.grad", "x = 1\ny = x + 1\n");
    Path two = write("b/p.grad", "x = 1\ny = x + 2\n");
    Run run = Run.of("-o", out(), "-f", "json", one.toString(), two.toString());
    assertEquals(Main.BAD_INPUT, run.exit());
    assertTrue(run.err().contains("another input of this run also writes to"), run.err());
  }
}
