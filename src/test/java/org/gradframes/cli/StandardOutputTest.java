package org.gradframes.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --frame} chooses the frames written in every format, and {@code -o -} writes one of them to standard output. */
class StandardOutputTest {
  private static final String PROGRAM = "x = 3; y = x * x\n";

  @TempDir Path dir;

  /** A run whose standard output is kept as bytes. */
  private record Figure(int exit, byte[] bytes, String out, String err) {
    static Figure of(String stdin, String... args) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      int exit = new Main(new PrintWriter(out), new PrintWriter(err),
          new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), bytes).run(args);
      return new Figure(exit, bytes.toByteArray(), out.toString(), err.toString());
    }

    String text() {
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }

  @Test
  void lastFrameOfStandardInputGoesToStandardOutputAsTheFrameFileWouldBe() throws IOException {
    Figure figure = Figure.of(PROGRAM, "-", "-f", "svg", "--frame", "last", "-o", "-");
    assertEquals(Main.OK, figure.exit(), figure.err());
    assertEquals("", figure.out(), "nothing but the figure on standard output");
    assertEquals("", figure.err());
    Run folder = Run.withInput(PROGRAM, "-", "-f", "svg", "-o", dir.toString());
    assertEquals(Main.OK, folder.exit(), folder.err());
    List<Path> frames = FramesTest.files(dir.resolve("stdin"), ".svg");
    assertEquals(3, frames.size());
    assertArrayEquals(Files.readAllBytes(frames.get(2)), figure.bytes(), "the last frame, byte for byte");
    Figure first = Figure.of(PROGRAM, "-", "-f", "svg", "--frame", "first", "-o", "-");
    assertArrayEquals(Files.readAllBytes(frames.get(0)), first.bytes(), "the first frame, byte for byte");
    Figure one = Figure.of(PROGRAM, "-", "-f", "svg", "--frame", "1", "-o", "-");
    assertArrayEquals(Files.readAllBytes(frames.get(1)), one.bytes(), "frame 1, byte for byte");
  }

  @Test
  void aPngFrameGoesOutAsBytes() {
    Figure figure = Figure.of("", "-e", PROGRAM, "-f", "png", "--frame", "0", "-o", "-");
    assertEquals(Main.OK, figure.exit(), figure.err());
    assertTrue(figure.bytes().length > 1000 && figure.bytes()[0] == (byte) 0x89 && figure.bytes()[1] == 'P',
        "a PNG file");
  }

  @Test
  void warningsAndNotesGoToTheErrorStreamNotIntoTheFigure() {
    Figure figure = Figure.of("x = 2\nz = x + 1\ny = x * 3\n", "-", "-f", "svg", "--frame", "last", "-o", "-");
    assertEquals(Main.OK, figure.exit(), figure.err());
    assertTrue(figure.err().contains("warning: 'z' does not affect the output 'y'"), figure.err());
    assertTrue(figure.text().startsWith("<?xml") && figure.text().endsWith("</svg>\n"), "only the figure");
    assertEquals("", figure.out());
  }

  @Test
  void standardOutputRefusesAnythingButOneFrameOfOneFrameFormat() throws IOException {
    Files.writeString(dir.resolve("a.grad"), PROGRAM);
    Files.writeString(dir.resolve("b.grad"), PROGRAM);
    String a = dir.resolve("a.grad").toString();
    assertRefused("one file-per-frame format (-f svg or -f png), not svg,png", a, "-f", "svg,png", "--frame", "1");
    assertRefused("one file-per-frame format (-f svg or -f png), not pdf", a, "-f", "pdf", "--frame", "1");
    assertRefused("not svg,png,json", a, "--frame", "1");
    assertRefused("not svg,captions", a, "-f", "svg", "--caption", "file", "--frame", "1");
    assertRefused("one frame (--frame N, first or last), not every frame", a, "-f", "svg");
    assertRefused("not --frame 1,2", a, "-f", "svg", "--frame", "1,2");
    assertRefused("not --frame 0-last", a, "-f", "svg", "--frame", "0-last");
    assertRefused("one program, not 2", a, dir.resolve("b.grad").toString(), "-f", "svg", "--frame", "1");
    assertRefused("one program, not the 2 that", dir.toString(), "-f", "svg", "--frame", "1");
  }

  private static void assertRefused(String says, String... args) {
    List<String> line = new ArrayList<>(List.of(args));
    line.addAll(List.of("-o", "-"));
    Figure figure = Figure.of("", line.toArray(String[]::new));
    assertEquals(Main.USAGE, figure.exit(), figure.err());
    assertTrue(figure.err().startsWith("gradframes: error: -o - writes one figure to standard output, so it takes ")
        && figure.err().contains(says), figure.err());
    assertEquals(0, figure.bytes().length, "nothing written");
  }

  @Test
  void aFramePastTheLastIsAnErrorNamingHowManyThereAre() {
    Figure figure = Figure.of(PROGRAM, "-", "-f", "svg", "--frame", "3", "-o", "-");
    assertEquals(Main.BAD_INPUT, figure.exit());
    assertEquals("<stdin>: error: --frame: there is no frame 3; this program has 3 frames, numbered 0 to 2.\n",
        figure.err());
    assertEquals(0, figure.bytes().length);
    Run folder = Run.of("-e", PROGRAM, "-f", "svg", "--frame", "1,7", "-o", dir.toString());
    assertEquals(Main.BAD_INPUT, folder.exit());
    assertTrue(folder.err().contains("there is no frame 7; this program has 3 frames"), folder.err());
  }

  @Test
  void malformedFrameListsAreUsageErrors() {
    for (String spec : List.of("", "x", "1,,2", "-1", "3-1", "last-2", "1-2-3", "first,")) {
      Run run = Run.of("-e", PROGRAM, "-f", "svg", "--frame", spec, "-o", "unused");
      assertEquals(Main.USAGE, run.exit(), spec + ": " + run.err());
      assertTrue(run.err().startsWith("gradframes: error: --frame: "), run.err());
    }
  }

  @Test
  void aFrameListWritesThoseFramesInEveryFormatAndTheTraceListsThem() throws IOException {
    Run run = Run.of("-f", "svg,png,json,pdf,pptx,html", "--caption", "file", "--frame", "1,3,5-last",
        "-o", dir.toString(), "samples/advanced.grad");
    assertEquals(Main.OK, run.exit(), run.err());
    Path out = dir.resolve("advanced");
    List<String> svgs = FramesTest.files(out, ".svg").stream().map(p -> p.getFileName().toString()).toList();
    assertEquals(List.of("frame-001.svg", "frame-003.svg", "frame-005.svg", "frame-006.svg"), svgs);
    assertEquals(4, FramesTest.files(out, ".png").size());
    JsonNode trace = new ObjectMapper().readTree(out.resolve("trace.json").toFile());
    List<Integer> indexes = new ArrayList<>();
    trace.get("frames").forEach(f -> indexes.add(f.get("index").asInt()));
    assertEquals(List.of(1, 3, 5, 6), indexes);
    assertEquals("frame-005.svg", trace.get("frames").get(2).get("files").get("svg").asText());
    try (PDDocument pdf = Loader.loadPDF(out.resolve("advanced.pdf").toFile())) {
      assertEquals(4, pdf.getNumberOfPages());
    }
    try (XMLSlideShow show = new XMLSlideShow(Files.newInputStream(out.resolve("advanced.pptx")))) {
      assertEquals(4, show.getSlides().size());
    }
    assertEquals(4, Files.readAllLines(out.resolve("captions.txt")).size());
    assertTrue(Files.readString(out.resolve("advanced.html")).contains("<span id=\"counter\">1 / 4</span>"));
  }

  @Test
  void theFramesOfAListMatchThoseOfAWholeRender() throws IOException {
    Run some = Run.of("-f", "svg", "--frame", "2", "-o", dir.resolve("some").toString(), "samples/advanced.grad");
    Run all = Run.of("-f", "svg", "-o", dir.resolve("all").toString(), "samples/advanced.grad");
    assertEquals(Main.OK, some.exit() + all.exit(), some.err() + all.err());
    assertArrayEquals(Files.readAllBytes(dir.resolve("all/advanced/frame-002.svg")),
        Files.readAllBytes(dir.resolve("some/advanced/frame-002.svg")));
  }
}
