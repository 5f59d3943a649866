package org.gradframes.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gradframes.expr.Lexer;
import org.gradframes.expr.Position;
import org.gradframes.expr.Token;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inputs built to break the tool end in a clear message, never a crash, a hang or stray output. */
class HostileInputTest {
  @TempDir Path dir;

  private Run render(String text, String... options) throws IOException {
    Path file = dir.resolve("p.grad");
    Files.writeString(file, text);
    String[] args = new String[options.length + 5];
    System.arraycopy(options, 0, args, 0, options.length);
    System.arraycopy(new String[] {"-o", dir.resolve("out").toString(), "-f", "json", file.toString()}, 0, args,
        options.length, 5);
    return Run.of(args);
  }

  @Test
  void hundredThousandParenthesesEndInTheDepthLimit() throws IOException {
    String deep = "x = 1\ny = " + "(".repeat(100_000) + "x" + ")".repeat(100_000) + "\n";
    Run run = render(deep);
    assertEquals(Main.BAD_INPUT, run.exit());
    String[] lines = run.err().split("\n");
    assertTrue(lines[0].endsWith(":2:1005: error: Expression is nested more than 1000 levels deep"
        + " (--max-depth raises the limit)."), lines[0]);
    assertTrue(lines[1].length() <= 102, "a long line is shown as a window around the column");
    assertEquals('(', lines[1].charAt(lines[2].length() - 1), "the caret is under a parenthesis");
    assertFalse(run.err().contains("StackOverflow"));
  }

  @Test
  void twoHundredThousandTermsEndInTheNodeLimit() throws IOException {
    StringBuilder sum = new StringBuilder("x = 1\ny = x");
    for (int i = 1; i < 200_000; i++) {
      sum.append(" + x");
    }
    // In the ops view (the automatic view skips to the statements view, a test below shows)
    Run run = render(sum.append('\n').toString(), "--view", "ops");
    assertEquals(Main.BAD_INPUT, run.exit());
    // the builder stops at node 2001, the 2000th +, rather than building all 200,000 nodes and counting them
    assertTrue(run.err().contains("p.grad:2:8003: error: the graph has more than 2000 nodes, the most gradframes"
        + " lays out; it passes that here, in 'y' (--max-nodes raises the limit)."), run.err());
    assertFalse(Files.exists(dir.resolve("out/p")));
  }

  @Test
  void deepNestingWithinARaisedLimitIsComputedCorrectly() throws IOException {
    String deep = "x = 3\ny = " + "-(".repeat(600) + "x" + ")".repeat(600) + "\n";
    Run run = render(deep, "--max-depth", "2000", "--edge-labels", "none", "--view", "ops");
    assertEquals(Main.OK, run.exit(), run.err());
    String trace = Files.readString(dir.resolve("out/p/trace.json"));
    assertTrue(trace.contains("\"id\" : \"y\",\n      \"name\" : \"y\",\n      \"op\" : \"negate\",\n"
        + "      \"value\" : 3.0,\n      \"grad\" : 1.0"), "an even number of minus signs gives x back");
  }

  @Test
  void domainErrorsAreWarningsAndStrictMakesThemErrors() throws IOException {
    Run run = render("x = 0\ny = sqrt(x) + log(x)\n");
    assertEquals(Main.OK, run.exit(), run.err());
    assertTrue(run.err().contains("warning: log(0) is −∞; the frames show it as −∞."), run.err());
    Run strict = render("x = 0\ny = sqrt(x) + log(x)\n", "--strict");
    assertEquals(Main.BAD_INPUT, strict.exit());
    assertTrue(strict.err().contains("error: log(0) is −∞; the frames show it as −∞. (--strict)"), strict.err());
  }

  @Test
  void anInfiniteSlopeIsNamed() throws IOException {
    Run run = render("x = 0\ny = sqrt(x)\n");
    assertEquals(Main.OK, run.exit(), run.err());
    assertTrue(run.err().contains("warning: the slope of y = sqrt(0) is ∞, so the gradients behind it are ∞."),
        run.err());
  }

  @Test
  void divisionByZeroAndOverflowAreWarnings() throws IOException {
    Run run = render("a = 1\nb = 0\nc = a / b\nd = exp(1000)\ny = c + d\n");
    assertEquals(Main.OK, run.exit(), run.err());
    assertTrue(run.err().contains("p.grad:3:7: warning: c = 1 / 0 is ∞"), run.err());
    assertTrue(run.err().contains("p.grad:4:5: warning: d = exp(1000) is ∞"), run.err());
  }

  @Test
  void anOutputFolderThatIsALinkIsNotWrittenThrough() throws IOException {
    Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
    Files.createDirectories(dir.resolve("out"));
    Files.createSymbolicLink(dir.resolve("out/p"), elsewhere);
    Run run = render("x = 1\ny = x * 2\n");
    assertEquals(Main.BAD_INPUT, run.exit());
    assertTrue(run.err().contains("is a link; not writing through it"), run.err());
    try (var files = Files.list(elsewhere)) {
      assertEquals(0, files.count());
    }
  }

  @Test
  void aVeryLongNameIsClippedNotAZeroHeightPicture() throws IOException {
    String name = "a".repeat(30_000);
    Run run = render(name + " = 1\ny = " + name + " * 2\n", "-f", "png,svg");
    assertEquals(Main.OK, run.exit(), run.err());
    String svg = Files.readString(dir.resolve("out/p/frame-000.svg"));
    assertTrue(svg.contains("a…"), "the name is cut with an ellipsis");
    assertTrue(Files.size(dir.resolve("out/p/frame-000.png")) > 0);
  }

  /** A name the frames' font cannot draw is refused at the letter, and the other programs still render. */
  @Test
  void aNameTheFontCannotDrawIsRefusedWhereItIsWritten() throws IOException {
    Run run = render("x = 1\n重み = 2\ny = x * 重み\n");
    assertEquals(Main.BAD_INPUT, run.exit());
    assertTrue(run.err().contains(":2:1: error: '重' (U+91CD) cannot be drawn: the frames' font, Liberation Sans,"
        + " has no glyph for it"), run.err());
    assertTrue(run.err().contains("\n^\n") || run.err().contains("\n^"), "a caret under the letter: " + run.err());
    Run greek = render("θ = 1\nλ1 = 2\ny = θ * λ1\n");
    assertEquals(Main.OK, greek.exit(), "Greek letters are drawn: " + greek.err());
  }

  @Test
  void aVeryLongThemeLabelIsClipped() throws IOException {
    Path theme = dir.resolve("long.theme");
    Files.writeString(theme, "label.input = {name} " + "x".repeat(100_000) + "\n");
    Run run = render("x = 1\ny = x * 2\n", "-f", "png,svg", "--theme", theme.toString());
    assertEquals(Main.OK, run.exit(), run.err());
    String svg = Files.readString(dir.resolve("out/p/frame-000.svg"));
    assertTrue(svg.contains("x…"), "the label is cut with an ellipsis");
    assertFalse(svg.contains("x".repeat(1000)), "no line of 100,000 characters");
    assertTrue(Files.size(dir.resolve("out/p/frame-000.png")) > 0);
  }

  /** Counts how often the lexer reads the text's characters. */
  private static final class CountedText implements CharSequence {
    private final String text;
    private long reads;

    CountedText(String text) {
      this.text = text;
    }

    @Override
    public int length() {
      return text.length();
    }

    @Override
    public char charAt(int index) {
      reads++;
      return text.charAt(index);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      reads += end - start;
      return text.subSequence(start, end);
    }

    @Override
    public String toString() {
      return text;
    }
  }

  /**
   * The lexer reads each character of a long line a bounded number of times, also outside Latin-1, where counting a
   * column from the start of the line made it quadratic: an operation count, so a slow machine cannot fail it.
   */
  @Test
  void theLexerReadsEachCharacterOfALongLineAFewTimes() {
    int terms = 10_000;
    String greek = "y = θ" + " + θ".repeat(terms - 1);
    String commented = "y = x" + " + x".repeat(terms - 1) + " # θ";
    for (String line : new String[] {greek, commented}) {
      CountedText text = new CountedText(line);
      List<Token> tokens = new Lexer(text).tokens();
      assertEquals(new Position(1, 4 * terms + 1), tokens.get(2 * terms).position(), "the last term");
      assertTrue(text.reads <= 10L * line.length(), text.reads + " reads of " + line.length() + " characters");
    }
  }

  @Test
  void anEdgeWithNoSlopeSaysWhy() throws IOException {
    Run run = render("b = 1e308\nc = b * 10\nd = 0 - c\ng = c + d\n", "-f", "svg");
    assertEquals(Main.OK, run.exit(), run.err());
    String svg = Files.readString(dir.resolve("out/p/frame-002.svg"));
    assertTrue(svg.contains("∂g/∂c = NaN (g is NaN)"), svg);
  }

  @Test
  void anUpToDateRunRemovesWhatAKilledRunLeft() throws IOException {
    assertEquals(Main.OK, render("x = 1\ny = x * 2\n").exit());
    Path partial = Files.createDirectory(dir.resolve("out/.p.partial-" + Integer.MAX_VALUE + "-ab"));
    Files.writeString(partial.resolve("trace.json"), "{");
    Files.writeString(partial.resolve(".gradframes-manifest"), "# writing\ntrace.json\n");
    Run run = render("x = 1\ny = x * 2\n");
    assertTrue(run.out().contains("up to date"), run.out());
    assertFalse(Files.exists(partial));
  }

  /** A chain of {@code n} sines after an input: n + 1 nodes, n edges, n + 2 frames. */
  private static String chain(int n) {
    StringBuilder text = new StringBuilder("v0 = 0.5\n");
    for (int i = 1; i <= n; i++) {
      text.append("v").append(i).append(" = sin(v").append(i - 1).append(")\n");
    }
    return text.toString();
  }

  @Test
  void aDeckPastTheSizeLimitIsRefusedBeforeAnythingIsWrittenAndTheEstimateIsNearTheTruth() throws IOException {
    Path file = dir.resolve("chain.grad");
    Files.writeString(file, chain(70));
    Path out = dir.resolve("out");
    Run refused = Run.of("-o", out.toString(), "-f", "pptx", "--view", "ops", "--max-deck-mb", "1",
        file.toString());
    assertEquals(Main.BAD_INPUT, refused.exit(), refused.err());
    assertTrue(refused.err().contains("would take about 1.3 MB (pptx 1.3 MB), more than --max-deck-mb 1; --steps"
        + " level"), refused.err());
    assertFalse(Files.exists(out.resolve("chain")), "nothing written");
    Run written = Run.of("-o", out.toString(), "-f", "pptx", "--view", "ops", "--max-deck-mb", "2",
        file.toString());
    assertEquals(Main.OK, written.exit(), written.err());
    long size = Files.size(out.resolve("chain/chain.pptx"));
    assertTrue(size > 625_000 && size < 2_500_000, "the estimate, 1.25 MB, is within a factor of 2: " + size);
  }

  /** A 300-sine chain's frames have text of 0.4 px: its PNG and GIF frames are refused, its trace is not. */
  @Test
  void picturesOfAFixedSizeWhoseTextNobodyCanReadAreRefusedBeforeAnythingIsWritten() throws IOException {
    Path file = dir.resolve("long.grad");
    Files.writeString(file, chain(300));
    Path out = dir.resolve("out");
    Run refused = Run.of("-o", out.toString(), "-f", "gif,png", file.toString());
    assertEquals(Main.BAD_INPUT, refused.exit(), refused.err());
    assertTrue(refused.err().contains("too small for anyone to read (under 1 px), so the png, gif is not written;"
        + " --steps level or a coarser --view"), refused.err());
    assertFalse(Files.exists(out.resolve("long")), "nothing written");
    Run zoomable = Run.of("-o", out.toString(), "-f", "json", "--view", "statements", file.toString());
    assertEquals(Main.OK, zoomable.exit(), zoomable.err());
    assertTrue(Files.exists(out.resolve("long/trace.json")));
  }

  private static String sum(int terms) {
    return "x = 1\ny = x" + " + x".repeat(terms - 1) + "\n";
  }

  @Test
  void inTheAutomaticViewTooManyOperationsToLayOutIsAReasonForACoarserView() throws IOException {
    Run run = render(sum(3000));
    assertEquals(Main.OK, run.exit(), run.err());
    assertTrue(run.err().contains("note: the ops view would have more than 2000 nodes, the most gradframes lays out"
        + " (--max-nodes raises the limit), so the frames show the statements view."), run.err());
  }

  @Test
  void everyViewIsBoundedNotOnlyTheOperationsView() throws IOException {
    Run run = render(sum(300_000), "--view", "statements");
    assertEquals(Main.BAD_INPUT, run.exit(), run.err());
    assertTrue(run.err().contains(":2:800003: error: the program has more than 200000 operations, the most"
        + " gradframes checks for the statements view (100 times --max-nodes, which raises the limit)"), run.err());
    assertFalse(Files.exists(dir.resolve("out/p")), "nothing written");
  }

  @Test
  void theNodeLimitInsideAMatrixLiteralPointsAtTheElementThatPassesIt() throws IOException {
    Run run = render("W = [[1, 2, 3],\n     [4, 5, 6]]\ny = sum(W)\n", "--max-nodes", "4", "--view", "ops");
    assertEquals(Main.BAD_INPUT, run.exit(), run.err());
    assertTrue(run.err().contains("p.grad:2:10: error: the graph has more than 4 nodes, the most gradframes lays out;"
        + " it passes that here, in 'W[2,2]'"), run.err());
  }
}
