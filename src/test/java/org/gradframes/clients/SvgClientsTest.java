package org.gradframes.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every SVG frame of the advanced example opens in a browser and in librsvg, and shows a picture. */
class SvgClientsTest {
  @TempDir static Path dir;
  static List<Path> frames;

  @BeforeAll
  static void render() throws IOException {
    frames = Render.files(Render.sample("advanced", dir.resolve("out"), "svg"), ".svg");
    assertEquals(7, frames.size(), "forward, seed and five backward steps");
  }

  @Test
  void everyFrameLoadsInChromiumWithoutErrorsAndShowsAPicture() throws Exception {
    try (Chromium chromium = Chromium.start()) {
      DevTools page = chromium.openPage();
      for (Path svg : frames) {
        int from = page.mark();
        page.navigate(svg.toUri().toString());
        assertEquals("svg", page.evaluate("document.documentElement.localName").asText(), svg + " is not an SVG");
        assertEquals(0, page.evaluate("document.getElementsByTagName('parsererror').length").asInt(),
            svg + " does not parse: " + page.evaluate("document.documentElement.textContent").asText());
        assertEquals(List.of(), page.errors(from), svg + " logs errors");
        BufferedImage shot = Pixels.decode(page.screenshot(), "screenshot of " + svg);
        assertTrue(Pixels.ink(shot) > 0.01, svg + " shows a blank page in Chromium");
      }
    }
  }

  @Test
  void everyFrameRendersWithRsvgConvert() throws Exception {
    Command.assumeInstalled("rsvg-convert", "librsvg2-bin");
    for (Path svg : frames) {
      Path png = dir.resolve(svg.getFileName() + ".rsvg.png");
      Command run = Command.run("rsvg-convert", "-o", png.toString(), svg.toString());
      assertEquals(0, run.exit(), "rsvg-convert " + svg + ": " + run.err());
      assertTrue(Files.size(png) > 0, png + " is empty");
      assertTrue(Pixels.ink(Pixels.read(png)) > 0.01, svg + " renders blank with rsvg-convert");
    }
  }
}
