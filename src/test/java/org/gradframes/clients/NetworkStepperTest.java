package org.gradframes.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gradframes.pipeline.Gradframes;
import org.gradframes.pipeline.RenderOptions;
import org.gradframes.pipeline.Rendering;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stepper of the network sample, in its default network view (28 frames), shows every frame's picture in
 * headless Chromium, live inputs included. The 316-frame page of its operations view is measured by
 * {@code bench/live-stepper.sh} (load time, stepping, edits) and checked frame by frame without a browser by
 * {@code cli/FormatsTest}; in a browser here it cost the suite some 30 s.
 */
class NetworkStepperTest {
  private static final int FRAMES = 28;

  @TempDir Path dir;

  @Test
  void opensAtOnceAndShowsTheStatesOfAnyFrame() throws IOException {
    try (Chromium chromium = Chromium.start()) {
      Rendering network = new Gradframes(RenderOptions.builder().formats("html").build())
          .render("network.grad", Files.readString(Path.of("samples/network.grad")));
      assertEquals(FRAMES, network.frameCount());
      network.writeTo(dir.resolve("network"));
      Path html = dir.resolve("network/network.html");
      DevTools page = chromium.openPage();
      int from = page.mark();
      long start = System.nanoTime();
      page.navigate(html.toUri().toString());
      long opened = (System.nanoTime() - start) / 1_000_000;
      System.out.println("network.html, " + Files.size(html) + " bytes, loaded in " + opened + " ms");
      assertEquals(FRAMES, page.evaluate("window.gradframes.count").asInt());
      for (int i : new int[] {0, FRAMES - 1, 0, 14, 13, 15, 2, 1}) {
        page.evaluate("window.gradframes.go(" + i + ")");
        assertShows(page, network, i);
      }
      double walk = page.evaluate("(() => { const t = performance.now();"
          + " for (let i = 0; i < " + FRAMES + "; i++) { window.gradframes.go(i); }"
          + " for (let i = " + (FRAMES - 1) + "; i >= 0; i--) { window.gradframes.go(i); }"
          + " window.gradframes.go(" + (FRAMES - 1) + "); return performance.now() - t; })()").asDouble();
      System.out.println("network.html: every frame forward and back in " + Math.round(walk) + " ms");
      assertShows(page, network, FRAMES - 1);
      assertEquals(List.of(), page.errors(from));
    }
  }

  private static void assertShows(DevTools page, Rendering network, int frame) throws IOException {
    SvgGroups shown = new ObjectMapper().treeToValue(page.evaluate(SvgGroups.SCRIPT), SvgGroups.class);
    assertEquals(SvgGroups.of(network.frame("svg", frame)), shown, "the picture is frame " + frame + "'s SVG");
    assertEquals(frame, page.evaluate("window.gradframes.index()").asInt());
  }
}
