package org.gradframes.render.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Dimension;
import java.awt.geom.Rectangle2D;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.sl.usermodel.ShapeType;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFAutoShape;
import org.apache.poi.xslf.usermodel.XSLFFreeformShape;
import org.apache.poi.xslf.usermodel.XSLFGroupShape;
import org.apache.poi.xslf.usermodel.XSLFShape;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFTextParagraph;
import org.apache.poi.xslf.usermodel.XSLFTextRun;
import org.apache.poi.xslf.usermodel.XSLFTextShape;
import org.gradframes.pipeline.Gradframes;
import org.gradframes.pipeline.RenderOptions;
import org.gradframes.pipeline.Rendering;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The PowerPoint deck of the advanced example read back with POI: a 16:9 slide per frame, every shape native and on
 * the slide, the worked example's numbers in the text, sub- and superscripts as shifted runs, the caption in the
 * notes, and the same bytes from two renders.
 */
class PptxFormatTest {
  static Rendering rendering;
  static byte[] deck;

  @BeforeAll
  static void render() throws IOException {
    rendering = new Gradframes(RenderOptions.builder().formats("pptx").build())
        .render("advanced.grad", Files.readString(Path.of("samples/advanced.grad")));
    deck = pptx(rendering);
  }

  private static byte[] pptx(Rendering r) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    r.write(name -> {
      assertEquals("advanced.pptx", name);
      return bytes;
    }, "advanced", "");
    return bytes.toByteArray();
  }

  private static XMLSlideShow open() throws IOException {
    return new XMLSlideShow(new ByteArrayInputStream(deck));
  }

  /** Every shape of a slide, groups and what they hold. */
  private static List<XSLFShape> shapes(List<XSLFShape> top) {
    List<XSLFShape> all = new ArrayList<>();
    for (XSLFShape shape : top) {
      all.add(shape);
      if (shape instanceof XSLFGroupShape group) {
        all.addAll(shapes(group.getShapes()));
      }
    }
    return all;
  }

  private static String text(XSLFSlide slide) {
    return shapes(slide.getShapes()).stream().filter(s -> s instanceof XSLFTextShape)
        .map(s -> ((XSLFTextShape) s).getText()).collect(Collectors.joining("\n"));
  }

  @Test
  void oneSixteenByNineSlidePerFrame() throws IOException {
    try (XMLSlideShow show = open()) {
      assertEquals(7, rendering.frameCount(), "forward, seed and five backward steps");
      assertEquals(rendering.frameCount(), show.getSlides().size());
      assertEquals(new Dimension(960, 540), show.getPageSize());
    }
  }

  @Test
  void theLastSlideShowsTheWorkedExamplesNumbers() throws IOException {
    try (XMLSlideShow show = open()) {
      String last = text(show.getSlides().get(6));
      for (String number : List.of("grad −60", "value 40", "−120", "grad 60")) {
        assertTrue(last.contains(number), number + " is not on the last slide: " + last);
      }
      assertTrue(text(show.getSlides().get(5)).contains("−20 + (−40) = −60"), "step 4 sums u₂'s two paths");
    }
  }

  @Test
  void everyShapeIsNativeNamedAndOnTheSlide() throws IOException {
    try (XMLSlideShow show = open()) {
      for (XSLFSlide s : show.getSlides()) {
        for (XSLFShape shape : shapes(s.getShapes())) {
          assertTrue(shape instanceof XSLFGroupShape || shape instanceof XSLFAutoShape, shape + " is not native");
          Rectangle2D a = shape.getAnchor();
          assertTrue(a.getMinX() > -0.5 && a.getMinY() > -0.5 && a.getMaxX() < 960.5 && a.getMaxY() < 540.5,
              shape.getShapeName() + " leaves the slide: " + a);
          assertFalse(shape.getShapeName().isBlank(), "a shape without a name");
        }
      }
      List<XSLFShape> last = shapes(show.getSlides().get(6).getShapes());
      assertTrue(last.stream().anyMatch(s -> s instanceof XSLFGroupShape && s.getShapeName().equals("node-u2")));
      assertTrue(last.stream().anyMatch(s -> s.getShapeName().equals("node-u2 box") && s instanceof XSLFAutoShape a
          && a.getShapeType() == ShapeType.ROUND_RECT), "node boxes are rounded rectangles");
      assertTrue(last.stream().anyMatch(s -> s.getShapeName().startsWith("edge-") && s instanceof XSLFFreeformShape),
          "edges are freeforms");
    }
  }

  @Test
  void indicesAreShiftedRunsOfTheirOwn() throws IOException {
    try (XMLSlideShow show = open()) {
      List<XSLFTextRun> runs = new ArrayList<>();
      for (XSLFShape shape : shapes(show.getSlides().get(6).getShapes())) {
        if (shape instanceof XSLFTextShape t) {
          for (XSLFTextParagraph p : t.getTextParagraphs()) {
            runs.addAll(p.getTextRuns());
          }
        }
      }
      assertTrue(runs.stream().anyMatch(r -> r.isSubscript() && r.getRawText().equals("2")), "u₂'s index");
      assertTrue(runs.stream().anyMatch(r -> r.isSuperscript() && r.getRawText().equals("2")), "u₂² in u₄'s box");
      assertTrue(runs.stream().noneMatch(r -> r.getRawText().contains("_{")), "no markup left in the text");
    }
  }

  @Test
  void theNotesHoldTheCaption() throws IOException {
    try (XMLSlideShow show = open()) {
      for (int i = 0; i < show.getSlides().size(); i++) {
        String notes = shapes(show.getSlides().get(i).getNotes().getShapes()).stream()
            .filter(s -> s instanceof XSLFTextShape).map(s -> ((XSLFTextShape) s).getText())
            .collect(Collectors.joining("\n"));
        for (String line : rendering.caption(i).split("\n")) {
          assertTrue(notes.contains(line), "slide " + (i + 1) + "'s notes lack " + line + ": " + notes);
        }
      }
    }
  }

  @Test
  void twoRendersGiveTheSameBytes() throws IOException {
    Rendering again = new Gradframes(RenderOptions.builder().formats("pptx").build())
        .render("advanced.grad", Files.readString(Path.of("samples/advanced.grad")));
    assertArrayEquals(deck, pptx(again));
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(deck))) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        assertEquals("2026-01-01T00:00", e.getTimeLocal().toString(), e.getName() + " carries the time of the render");
      }
    }
  }
}
