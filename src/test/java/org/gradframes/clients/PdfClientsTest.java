package org.gradframes.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The PDF of the advanced example, opened with poppler: one vector page per frame, its fonts embedded. */
class PdfClientsTest {
  @TempDir static Path dir;
  static Path pdf;
  static int frames;

  @BeforeAll
  static void render() throws IOException {
    Path folder = Render.sample("advanced", dir.resolve("out"), "pdf,svg");
    frames = Render.files(folder, ".svg").size();
    assertEquals(7, frames, "forward, seed and five backward steps");
    pdf = folder.resolve("advanced.pdf");
  }

  private static Command poppler(String... command) throws IOException, InterruptedException {
    Command.assumeInstalled(command[0], "poppler-utils");
    Command run = Command.run(command);
    assertEquals(0, run.exit(), command[0] + ": " + run.err());
    assertEquals("", run.err(), command[0] + " complains about " + pdf);
    return run;
  }

  @Test
  void pdfinfoCountsOnePagePerFrame() throws Exception {
    Matcher pages = Pattern.compile("(?m)^Pages:\\s+(\\d+)$").matcher(poppler("pdfinfo", pdf.toString()).out());
    assertTrue(pages.find(), "pdfinfo names no page count");
    assertEquals(frames, Integer.parseInt(pages.group(1)));
  }

  @Test
  void pdftoppmRendersTheFirstPageToAPicture() throws Exception {
    Path page = dir.resolve("page-1");
    poppler("pdftoppm", "-png", "-r", "50", "-f", "1", "-l", "1", "-singlefile", pdf.toString(), page.toString());
    assertTrue(Pixels.ink(Pixels.read(dir.resolve("page-1.png"))) > 0.01, "page 1 renders blank");
  }

  @Test
  void pdffontsListsEveryFontAsEmbedded() throws Exception {
    Map<String, String> embedded = column(poppler("pdffonts", pdf.toString()).out(), "emb");
    assertFalse(embedded.isEmpty(), "the captions and labels are text, so the PDF has fonts");
    embedded.forEach((font, emb) -> assertEquals("yes", emb, font + " is not embedded"));
  }

  @Test
  void pagesAreVectorWithNoPictureInside() throws Exception {
    String[] table = poppler("pdfimages", "-list", pdf.toString()).out().split("\\R");
    assertTrue(table.length >= 2 && table[0].startsWith("page"), "pdfimages prints its table header");
    List<String> images = Arrays.stream(table).skip(2).filter(line -> !line.isBlank()).toList();
    assertEquals(List.of(), images, "raster images in the PDF");
  }

  /** One column of a poppler table (a header, a line of dashes, then rows), keyed by each row's first column. */
  static Map<String, String> column(String table, String name) {
    String[] lines = table.split("\\R");
    List<int[]> spans = new ArrayList<>();
    Matcher dashes = Pattern.compile("-+").matcher(lines[1]);
    while (dashes.find()) {
      spans.add(new int[] {dashes.start(), dashes.end()});
    }
    int wanted = 0;
    while (!cell(lines[0], spans.get(wanted)).equals(name)) {
      wanted++;
    }
    Map<String, String> cells = new LinkedHashMap<>();
    for (int i = 2; i < lines.length; i++) {
      if (!lines[i].isBlank()) {
        cells.put(cell(lines[i], spans.get(0)) + " (row " + (i - 1) + ")", cell(lines[i], spans.get(wanted)));
      }
    }
    return cells;
  }

  private static String cell(String line, int[] span) {
    return line.substring(Math.min(span[0], line.length()), Math.min(span[1], line.length())).strip();
  }
}
