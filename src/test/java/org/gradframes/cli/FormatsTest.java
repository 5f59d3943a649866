package org.gradframes.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.gradframes.pipeline.Gradframes;
import org.gradframes.pipeline.RenderOptions;
import org.gradframes.pipeline.Rendering;
import org.gradframes.pipeline.View;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every deck and docs format of one program, checked for what a user's tool needs from it. */
class FormatsTest {
  @TempDir static Path dir;
  static Path out;

  @BeforeAll
  static void render() {
    Run run = Run.of("-o", dir.resolve("out").toString(), "-f", "all", "--canvas", "16:9", "samples/advanced.grad");
    assertEquals(Main.OK, run.exit(), run.err());
    out = dir.resolve("out/advanced");
  }

  private static int count(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  @Test
  void allFormatsAreWritten() {
    for (String name : new String[] {"advanced.gif", "advanced.html", "advanced.pdf", "advanced.tex", "advanced.md",
        "advanced.dot", "trace.json", "frame-006.svg", "frame-006.png"}) {
      assertTrue(Files.isRegularFile(out.resolve(name)), name);
    }
    assertFalse(Files.exists(out.resolve("captions.txt")), "captions.txt is written with --caption file only");
  }

  @Test
  void theCaptionFileIsAskedForByCaptionFileNotByFormat() throws IOException {
    Run refused = Run.of("-o", dir.resolve("refused").toString(), "-f", "captions", "samples/chain-rule.grad");
    assertEquals(Main.USAGE, refused.exit(), "-f does not name the caption file: " + refused.err());
    Run run = Run.of("-o", dir.resolve("file").toString(), "-f", "svg", "--caption", "file",
        "samples/chain-rule.grad");
    assertEquals(Main.OK, run.exit(), run.err());
    assertTrue(Files.readString(dir.resolve("file/chain-rule/captions.txt")).endsWith("\n"));
  }

  @Test
  void sixteenByNineFillsA1080pSlideExactly() throws IOException {
    BufferedImage png = ImageIO.read(out.resolve("frame-000.png").toFile());
    assertEquals(1920, png.getWidth());
    assertEquals(1080, png.getHeight());
  }

  @Test
  void htmlIsSelfContained() throws IOException {
    String html = Files.readString(out.resolve("advanced.html"));
    assertEquals(1, count(html, "<svg "), "the drawing is inline once");
    assertEquals(1, count(html, "<div class=\"frame\" data-index=\"0\">"), "one picture, the first frame's");
    assertFalse(html.contains("<script src"), "no external script");
    assertFalse(html.contains("<link"), "no external stylesheet or font");
    assertFalse(html.replace("http://www.w3.org/2000/svg", "").contains("http"), "no address at all");
    assertFalse(html.contains("<?xml"), "frames are inlined as elements");
    assertEquals(1, count(html, "id=\"gf-node-u1\""), "ids are unique on the page");
    assertEquals(1, count(html, "id=\"caption\""), "the picture's caption group does not take the page's id");
  }

  @Test
  void htmlCarriesEachFramesChangesAndEveryFrameComesBackWhole() throws IOException {
    StepperPage page = new StepperPage(Files.readString(out.resolve("advanced.html")));
    assertEquals(7, page.data().get("steps").size(), "one list of changes per frame");
    assertEquals(0, page.data().get("steps").get(0).size(), "the first frame is the picture itself");
    for (int i = 1; i < 7; i++) {
      assertTrue(page.data().get("steps").get(i).size() > 0, "frame " + i + " changes something");
    }
    assertTrue(page.ids().contains("node-u1") && page.ids().contains("edge-0"), page.ids().toString());
    for (int i = 0; i < 7; i++) {
      String svg = Files.readString(out.resolve(String.format("frame-%03d.svg", i)));
      assertEquals(StepperPage.svgFrame(svg), page.frame(i), "frame " + i + " put together from the page");
      int desc = svg.indexOf("\">", svg.indexOf("<desc id=\"")) + 2;
      assertEquals(svg.substring(desc, svg.indexOf("</desc>")),
          escapedCaption(page, i), "frame " + i + "'s description");
    }
  }

  private static String escapedCaption(StepperPage page, int frame) {
    JsonNode description = page.data().get("descriptions").get(frame);
    String text = description.isNull() ? page.data().get("captions").get(frame).asText() : description.asText();
    // A live page's captions mark each number with its slot, which its script fills: the number as written.
    text = text.replaceAll("\ue000[^\ue001]*\ue001([^\ue002]*)\ue002", "$1");
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
        .replace("'", "&#39;");
  }

  @Test
  void networkPageCarriesItsDrawingOnceInUnderFiveMegabytes() throws IOException {
    Rendering network = new Gradframes(RenderOptions.builder().view(View.OPS).formats("html").build())
        .render("network.grad", Files.readString(Path.of("samples/network.grad")));
    assertEquals(316, network.frameCount());
    network.writeTo(dir.resolve("network"));
    Path html = dir.resolve("network/network.html");
    long size = Files.size(html);
    assertTrue(size < 5_000_000, "network.html is " + size + " bytes");
    String text = Files.readString(html);
    assertEquals(1, count(text, "<svg "), "the drawing is inline once");
    StepperPage page = new StepperPage(text);
    assertEquals(316, page.data().get("steps").size(), "every frame's changes");
    for (int i : new int[] {0, 1, 2, 157, 314, 315}) {
      String svg = new String(network.frame("svg", i), StandardCharsets.UTF_8);
      assertEquals(StepperPage.svgFrame(svg), page.frame(i), "frame " + i + " put together from the page");
    }
  }

  @Test
  void beamerHasOneOverlayPerFramePage() throws IOException {
    String tex = Files.readString(out.resolve("advanced.tex"));
    for (int i = 1; i <= 7; i++) {
      assertTrue(tex.contains("\\includegraphics<" + i + ">[width=\\linewidth,height=0.78\\textheight,"
          + "keepaspectratio,page=" + i + "]{"), "overlay " + i);
    }
    assertEquals(7, count(tex, "\\\\includegraphics<"));
    assertTrue(tex.contains("advanced/advanced.pdf}"));
    for (String line : tex.split("\n")) {
      assertTrue(line.startsWith("%") || line.startsWith("\\"), "every line is a comment or a command: " + line);
    }
  }

  @Test
  void beamerFallsBackToPngFramesWithoutPdf() {
    Path other = dir.resolve("png");
    Run run = Run.of("-o", other.toString(), "-f", "png,beamer", "samples/chain-rule.grad");
    assertEquals(Main.OK, run.exit(), run.err());
    assertTrue(Files.exists(other.resolve("chain-rule/chain-rule.tex")));
    assertFalse(Files.exists(other.resolve("chain-rule/chain-rule.pdf")));
  }

  @Test
  void markdownShowsEachCaptionOnceUnderItsPicture() throws IOException {
    String md = Files.readString(out.resolve("advanced.md"));
    List<String> captions = Files.readAllLines(Path.of("src/test/resources/golden/advanced.captions"));
    assertEquals(7, count(md, "!\\[[^\\]]*\\]\\(frame-\\d{3}\\.svg\\)"));
    for (int i = 0; i < captions.size(); i++) {
      String name = "Frame " + (i + 1);
      assertTrue(md.contains("![" + name + "](" + String.format("frame-%03d.svg", i) + ")\\\n**" + name + ".** "),
          "a short alt text, then the frame's number and caption in the same paragraph (no figure caption): " + md);
      for (String line : captions.get(i).split("; ")) {
        assertEquals(1, shownLines(md).stream().filter(line::equals).count(), "'" + line + "' once in " + md);
      }
    }
    assertTrue(md.contains("**Frame 4.** ∂y/∂u₁ = ∂y/∂u₃ · ∂u₃/∂u₁ = 4 · \\(−2\\) = −8\\\n∂y⁽¹⁾/∂u₂ = "), md);
  }

  /** The lines of text a Markdown page shows: escapes undone, hard breaks and frame numbers left out. */
  private static List<String> shownLines(String md) {
    return md.lines().map(line -> line.replaceAll("\\\\$", "").replaceAll("^\\*\\*Frame \\d+\\.\\*\\* ", "")
        .replaceAll("\\\\(.)", "$1")).toList();
  }

  @Test
  void dotPinsEveryNodeWhereTheFramesDrawIt() throws IOException {
    String dot = Files.readString(out.resolve("advanced.dot"));
    assertEquals(10, count(dot, "pos=\"[-0-9.]+,[-0-9.]+!\""), "every node pinned");
    assertEquals(10, count(dot, " -> "), "every edge, the constant's too");
    assertTrue(dot.contains("\"u2\" [pos="));
    assertTrue(dot.contains("grad −60"), "labelled with the last frame's gradients");
  }

  @Test
  void gifStartsWithItsSignature() throws IOException {
    byte[] gif = Files.readAllBytes(out.resolve("advanced.gif"));
    assertEquals("GIF89a", new String(gif, 0, 6, java.nio.charset.StandardCharsets.US_ASCII));
  }

  @Test
  void pdfStartsWithItsSignatureAndIsTheSameEveryTime() throws IOException {
    Path again = dir.resolve("again");
    assertEquals(Main.OK, Run.of("-o", again.toString(), "-f", "pdf,gif,html", "--canvas", "16:9",
        "samples/advanced.grad").exit());
    for (String name : new String[] {"advanced.pdf", "advanced.gif", "advanced.html"}) {
      assertTrue(java.util.Arrays.equals(Files.readAllBytes(out.resolve(name)),
          Files.readAllBytes(again.resolve("advanced/" + name))), name + " differs between runs");
    }
    assertTrue(new String(Files.readAllBytes(out.resolve("advanced.pdf")), 0, 5,
        java.nio.charset.StandardCharsets.US_ASCII).equals("%PDF-"));
  }

  @Test
  void fixedCanvasScalesTheGraphToFit() throws IOException {
    Path fixed = dir.resolve("fixed");
    assertEquals(Main.OK, Run.of("-o", fixed.toString(), "-f", "svg", "--canvas", "400x300",
        "samples/advanced.grad").exit());
    String svg = Files.readString(fixed.resolve("advanced/frame-000.svg"));
    assertTrue(svg.contains("width=\"400pt\" height=\"300pt\" viewBox=\"0 0 400 300\""), svg.substring(0, 300));
    assertTrue(svg.contains("scale(0."), "scaled down to fit");
  }
}
