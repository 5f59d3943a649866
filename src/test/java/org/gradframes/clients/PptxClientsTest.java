package org.gradframes.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PowerPoint deck of the advanced example opened by LibreOffice Impress, as a teacher's office suite would, and
 * converted to PDF once: a 16:9 page per frame, the worked example's numbers in the text of the pages, drawn in the
 * theme's font, not blank.
 */
class PptxClientsTest {
  @TempDir static Path dir;
  static Path pdf;
  static int frames;

  @BeforeAll
  static void convert() throws Exception {
    Path folder = Render.sample("advanced", dir.resolve("out"), "pptx,svg");
    frames = Render.files(folder, ".svg").size();
    assertEquals(7, frames, "forward, seed and five backward steps");
    Command.assumeInstalled("soffice", "libreoffice-impress");
    Path converted = dir.resolve("pdf");
    // A profile of its own, so that the conversion neither needs nor touches the user's LibreOffice.
    Command run = Command.run("soffice", "-env:UserInstallation=" + dir.resolve("profile").toUri(), "--headless",
        "--convert-to", "pdf", "--outdir", converted.toString(), folder.resolve("advanced.pptx").toString());
    pdf = converted.resolve("advanced.pdf");
    assertTrue(Files.isRegularFile(pdf), "LibreOffice made no PDF: " + run.out() + run.err());
  }

  private static String poppler(String... command) throws IOException, InterruptedException {
    Command.assumeInstalled(command[0], "poppler-utils");
    Command run = Command.run(command);
    assertEquals(0, run.exit(), command[0] + ": " + run.err());
    return run.out();
  }

  @Test
  void everyFrameIsASixteenByNinePage() throws Exception {
    String info = poppler("pdfinfo", pdf.toString());
    Matcher pages = Pattern.compile("(?m)^Pages:\\s+(\\d+)$").matcher(info);
    assertTrue(pages.find(), info);
    assertEquals(frames, Integer.parseInt(pages.group(1)));
    Matcher size = Pattern.compile("(?m)^Page size:\\s+([\\d.]+) x ([\\d.]+) pts").matcher(info);
    assertTrue(size.find(), info);
    assertEquals(16.0 / 9, Double.parseDouble(size.group(1)) / Double.parseDouble(size.group(2)), 0.001);
  }

  @Test
  void theNumbersOfTheWorkedExampleAreText() throws Exception {
    String last = poppler("pdftotext", "-f", "7", "-l", "7", pdf.toString(), "-");
    for (String number : new String[] {"120", "60", "value", "grad"}) {
      assertTrue(last.contains(number), number + " is not in the text of the last page: " + last);
    }
    String step4 = poppler("pdftotext", "-f", "6", "-l", "6", pdf.toString(), "-");
    assertTrue(step4.replace('\u2212', '-').contains("-20 + (-40) = -60"), step4);
  }

  @Test
  void theTextIsSetInTheThemesFont() throws Exception {
    String fonts = poppler("pdffonts", pdf.toString());
    assertTrue(fonts.contains("LiberationSans"), "LibreOffice drew the text in another font:\n" + fonts);
  }

  @Test
  void pagesAreNotBlank() throws Exception {
    Path page = dir.resolve("page-6");
    poppler("pdftoppm", "-png", "-r", "50", "-f", "6", "-l", "6", "-singlefile", pdf.toString(), page.toString());
    assertTrue(Pixels.ink(Pixels.read(dir.resolve("page-6.png"))) > 0.01, "page 6 renders blank");
  }
}
