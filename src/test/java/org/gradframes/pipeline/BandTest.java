package org.gradframes.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gradframes.render.scene.CaptionMode;
import org.gradframes.render.scene.Drawing;
import org.gradframes.render.scene.Scene;
import org.gradframes.render.text.RichText;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The band under the graph: the caption's lines, the step label and the key never overlap each other or the graph,
 * and stay on the canvas, in every frame, whatever the captions' lengths.
 */
class BandTest {
  /** A text's box in canvas points: its extent along the baseline and from above its letters to below them. */
  private record Box(String what, double left, double top, double right, double bottom) {
    boolean meets(Box o) {
      return left < o.right && o.left < right && top < o.bottom && o.top < bottom;
    }
  }

  private static Box box(String what, Scene.Text t) {
    double w = RichText.width(t.text(), t.size(), t.bold());
    double left = t.anchor() == Scene.Anchor.MIDDLE ? t.x() - w / 2 : t.x();
    return new Box(what + " '" + RichText.plain(t.text()) + "'", left, t.y() - 0.8 * t.size(), left + w,
        t.y() + 0.25 * t.size());
  }

  @ParameterizedTest
  @ValueSource(strings = {"chain-rule", "advanced"})
  void captionStepLabelAndKeyNeverOverlap(String sample) throws IOException {
    for (CaptionMode caption : List.of(CaptionMode.BELOW, CaptionMode.NONE)) {
      RenderOptions options = RenderOptions.builder().formats(List.of()).legend(true).caption(caption).build();
      Drawing drawing = new Gradframes(options).render(sample + ".grad",
          Files.readString(Path.of("samples", sample + ".grad"))).drawing();
      for (int f = 0; f < drawing.frameCount(); f++) {
        check(drawing.scene(f), sample + " frame " + f + " (caption " + caption + ")", f, drawing.frameCount());
      }
    }
  }

  private static void check(Scene scene, String where, int frame, int frames) {
    List<Box> band = new ArrayList<>();
    List<Box> graph = new ArrayList<>();
    int labels = 0;
    for (Scene.Group group : scene.groups()) {
      boolean inBand = group.id().equals("caption") || group.id().equals("step-label")
          || group.id().startsWith("legend-");
      for (Scene.Shape shape : group.shapes()) {
        if (shape instanceof Scene.Text t) {
          (inBand ? band : graph).add(box(group.id(), t));
          if (group.id().equals("step-label")) {
            labels++;
            assertEquals("Step " + (frame + 1) + " of " + frames, t.text(), where);
          }
        } else if (shape instanceof Scene.Box b && !inBand) {
          graph.add(new Box(group.id(), b.x(), b.y(), b.x() + b.width(), b.y() + b.height()));
        }
      }
    }
    assertEquals(1, labels, where + " has one step label");
    for (int i = 0; i < band.size(); i++) {
      Box a = band.get(i);
      assertTrue(a.left() >= 0 && a.right() <= scene.width() / scene.scale() + 0.5 && a.bottom() <= scene.height(),
          where + ": " + a + " is on the canvas");
      for (int j = i + 1; j < band.size(); j++) {
        assertTrue(!a.meets(band.get(j)), where + ": " + a + " overlaps " + band.get(j));
      }
      for (Box g : graph) {
        assertTrue(!a.meets(g), where + ": " + a + " overlaps the graph's " + g);
      }
    }
  }
}
