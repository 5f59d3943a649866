package org.gradframes.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The TikZ picture and the Beamer snippet of the advanced example in a real Beamer deck, compiled by pdflatex and by
 * lualatex: one page per frame, the numbers of the worked example in the text of the pages, no warning about the
 * PDF's version.
 */
class LatexClientsTest {
  @TempDir static Path dir;
  static Path folder;

  @BeforeAll
  static void render() throws IOException {
    folder = Render.sample("advanced", dir.resolve("frames"), "tikz,beamer,pdf");
  }

  private static Path deck(String name, String body) throws IOException {
    Path tex = dir.resolve(name + ".tex");
    Files.writeString(tex, "\\documentclass{beamer}\n\\usepackage{tikz}\n\\begin{document}\n" + body
        + "\n\\end{document}\n");
    return tex;
  }

  private static Command latex(String engine, Path tex) throws Exception {
    Command.assumeInstalled(engine, engine.equals("lualatex") ? "texlive-luatex" : "texlive-latex-recommended");
    Command run = Command.run(engine, "-interaction=nonstopmode", "-halt-on-error", "-output-directory="
        + dir, tex.toString());
    assertEquals(0, run.exit(), engine + " failed:\n" + run.out());
    return run;
  }

  private static int pages(Command run) {
    Matcher m = Pattern.compile("Output written on .*\\((\\d+) pages?").matcher(run.out().replace("\n", ""));
    assertTrue(m.find(), run.out());
    return Integer.parseInt(m.group(1));
  }

  @ParameterizedTest
  @ValueSource(strings = {"pdflatex", "lualatex"})
  void theTikzPictureCompilesToOnePagePerFrame(String engine) throws Exception {
    Path tex = deck("tikz-" + engine, "\\begin{frame}\\input{" + folder.resolve("advanced-tikz.tex") + "}\\end{frame}");
    Command run = latex(engine, tex);
    assertEquals(7, pages(run), "one overlay per frame");
    Command.assumeInstalled("pdftotext", "poppler-utils");
    Path pdf = dir.resolve("tikz-" + engine + ".pdf");
    String text = Command.run("pdftotext", "-f", "7", "-l", "7", pdf.toString(), "-").out();
    assertTrue(text.contains("120"), "the last frame shows ∂y/∂x₄ = −120 as text: " + text);
    assertTrue(text.contains("value"), text);
  }

  @ParameterizedTest
  @ValueSource(strings = {"pdflatex", "lualatex"})
  void theBeamerSnippetCompilesWithItsCaptionsAsMath(String engine) throws Exception {
    Path tex = deck("beamer-" + engine, "\\newcommand{\\gfcaption}[1]{\\par\\small #1}\n\\begin{frame}\\input{"
        + folder.resolve("advanced.tex") + "}\\end{frame}");
    Command run = latex(engine, tex);
    assertEquals(7, pages(run));
    assertFalse(run.out().contains("found PDF version"), "the PDF's version is one pdflatex includes quietly");
    String snippet = Files.readString(folder.resolve("advanced.tex"));
    assertTrue(snippet.contains("\\only<6>{\\gfcaption{$\\partial y^{(2)}/\\partial u_{2}"), snippet);
  }

  /** A program named in Greek and accented Latin letters, rendered as a TikZ picture and a Beamer snippet. */
  private static Path greek() throws IOException {
    Path program = dir.resolve("greek.grad");
    Files.writeString(program, "ξ = 2\nΩ = 3\nφ_1 = ξ * Ω\nδé = sin(φ_1) + ξ\n");
    java.io.StringWriter err = new java.io.StringWriter();
    int exit = new org.gradframes.cli.Main(new java.io.PrintWriter(new java.io.StringWriter()),
        new java.io.PrintWriter(err)).run("-o", dir.resolve("greek").toString(), "-f", "tikz,beamer,pdf",
        program.toString());
    assertEquals(org.gradframes.cli.Main.OK, exit, err.toString());
    return dir.resolve("greek/greek");
  }

  @ParameterizedTest
  @ValueSource(strings = {"pdflatex", "lualatex"})
  void greekAndAccentedNamesAreWrittenAsLettersAndCompile(String engine) throws Exception {
    Path out = greek();
    String tikz = Files.readString(out.resolve("greek-tikz.tex"));
    assertFalse(tikz.contains("U+"), "no letter spelt as its code point: " + tikz);
    assertTrue(tikz.contains("\\xi") && tikz.contains("\\Omega") && tikz.contains("\\varphi")
        && tikz.contains("\\mbox{é}"), tikz);
    Path tex = deck("greek-" + engine, "\\begin{frame}\\input{" + out.resolve("greek-tikz.tex") + "}\\end{frame}\n"
        + "\\newcommand{\\gfcaption}[1]{\\par\\small #1}\n\\begin{frame}\\input{" + out.resolve("greek.tex")
        + "}\\end{frame}");
    Command run = latex(engine, tex);
    assertFalse(run.out().contains("Missing character"), run.out());
  }

  @org.junit.jupiter.api.Test
  void aCyrillicNameIsRefusedAtTheNameForLatex() throws IOException {
    Path program = dir.resolve("cyrillic.grad");
    Files.writeString(program, "x = 2\nж = 3\ny = x * ж\n");
    java.io.StringWriter err = new java.io.StringWriter();
    int exit = new org.gradframes.cli.Main(new java.io.PrintWriter(new java.io.StringWriter()),
        new java.io.PrintWriter(err)).run("-o", dir.resolve("cyrillic").toString(), "-f", "tikz", program.toString());
    assertEquals(org.gradframes.cli.Main.BAD_INPUT, exit, err.toString());
    assertTrue(err.toString().contains("cyrillic.grad:2:1: error: 'ж' (U+0436) of 'ж' cannot be written in the TikZ"
        + " picture or the Beamer snippet"), err.toString());
    assertFalse(Files.exists(dir.resolve("cyrillic/cyrillic")), "nothing is written");
    exit = new org.gradframes.cli.Main(new java.io.PrintWriter(new java.io.StringWriter()),
        new java.io.PrintWriter(new java.io.StringWriter())).run("-o", dir.resolve("cyrillic").toString(), "-f", "svg",
        program.toString());
    assertEquals(org.gradframes.cli.Main.OK, exit, "the SVG frames draw it");
  }
}
