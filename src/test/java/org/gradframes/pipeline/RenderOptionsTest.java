package org.gradframes.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.UnaryOperator;
import org.gradframes.render.scene.Canvas;
import org.junit.jupiter.api.Test;

/** Options are checked whole when they are built, each failure naming its option and never a command-line flag. */
class RenderOptionsTest {
  private static InvalidOptionException refused(UnaryOperator<RenderOptions.Builder> set) {
    return assertThrows(InvalidOptionException.class, () -> set.apply(RenderOptions.builder()).build());
  }

  @Test
  void theMarksAreCheckedAndNameTheirOptions() {
    InvalidOptionException decimals = refused(b -> b.decimals(13));
    assertEquals(Option.DECIMALS, decimals.option());
    assertEquals("decimals: expected a whole number from 0 to 12, not 13.", decimals.getMessage());
    assertEquals(Option.DECIMALS, refused(b -> b.decimals(-1)).option());
    assertEquals("decimals and precision both say how numbers are written; give one of them.",
        refused(b -> b.decimals(2).precision(3)).getMessage());
    assertEquals(Option.HIGHLIGHT, refused(b -> b.highlight(null)).option());
    assertEquals(Option.HIGHLIGHT, refused(b -> b.highlight(java.util.Arrays.asList("x", " "))).option());
    RenderOptions defaults = RenderOptions.builder().build();
    assertEquals(java.util.List.of(), defaults.highlight());
    assertEquals(null, defaults.decimals());
    assertEquals(true, defaults.stepLabel());
    assertEquals(false, defaults.legend());
    RenderOptions marked = RenderOptions.builder().highlight(java.util.List.of("x")).decimals(0).stepLabel(false)
        .legend(true).build();
    assertEquals(marked, marked.toBuilder().build(), "the marks survive toBuilder");
    assertEquals(false, marked.equals(defaults));
  }

  @Test
  void aScaleOfAMillionIsRefusedWhenTheOptionsAreBuilt() {
    InvalidOptionException e = refused(b -> b.scale(1e6));
    assertEquals(Option.SCALE, e.option());
    assertEquals("scale: expected a number from 0.1 to 20, not 1000000.", e.getMessage());
  }

  @Test
  void aHundredThousandEpochsAreRefused() {
    InvalidOptionException e = refused(b -> b.learningRate(0.1).epochs(100_000));
    assertEquals(Option.EPOCHS, e.option());
    assertEquals("epochs: expected a whole number from 1 to 10000, not 100000.", e.getMessage());
    assertEquals(10_000, RenderOptions.builder().learningRate(0.1).epochs(10_000).build().epochs());
  }

  @Test
  void pagesAreLiveUnlessTurnedOffAndOnlyOffIsSaidInTheOptionsPrint() {
    RenderOptions on = RenderOptions.builder().build();
    RenderOptions off = RenderOptions.builder().live(false).build();
    assertTrue(on.live());
    assertFalse(off.live());
    assertFalse(on.toString().contains("live"), "a live render prints as renders did before pages were live");
    assertTrue(off.toString().endsWith(", live=false]"), off.toString());
    assertFalse(on.equals(off));
    assertFalse(off.toBuilder().build().equals(on), "the builder keeps live off");
  }

  @Test
  void epochsNeedALearningRate() {
    InvalidOptionException e = refused(b -> b.epochs(3));
    assertEquals("epochs needs learningRate.", e.getMessage());
  }

  @Test
  void aRatioWithASideOfZeroIsNoCanvas() {
    assertThrows(IllegalArgumentException.class, () -> Canvas.ratio(1, 0));
    assertThrows(IllegalArgumentException.class, () -> Canvas.ratio(0, 1));
    assertThrows(IllegalArgumentException.class, () -> new Canvas(Double.POSITIVE_INFINITY, 0, 0));
    InvalidOptionException e = refused(b -> b.canvas(Canvas.ratio(100, 1)));
    assertEquals(Option.CANVAS, e.option());
    assertEquals(Option.CANVAS, refused(b -> b.canvas(Canvas.fixed(10, 10))).option());
    assertEquals(Canvas.ratio(16, 9), RenderOptions.builder().canvas(Canvas.ratio(16, 9)).build().canvas());
  }

  @Test
  void everyRangeIsCheckedAndNamesItsOption() {
    assertEquals(Option.TEXT_PX, refused(b -> b.textPx(2)).option());
    assertEquals(Option.MAX_NODES, refused(b -> b.maxNodes(0)).option());
    assertEquals(Option.MAX_NODES, refused(b -> b.maxNodes(2_000_000)).option());
    assertEquals(Option.MAX_DECK_MB, refused(b -> b.maxDeckMb(0)).option());
    assertEquals(Option.PRECISION, refused(b -> b.precision(18)).option());
    assertEquals(Option.DELAY, refused(b -> b.delay(1)).option());
    assertEquals(Option.MAX_DEPTH, refused(b -> b.maxDepth(0)).option());
    assertEquals(Option.LEARNING_RATE, refused(b -> b.learningRate(Double.NaN)).option());
    assertEquals(Option.ENGINE, refused(b -> b.engine("neato")).option());
    assertEquals(Option.FORMATS, refused(b -> b.formats("svg", "bmp")).option());
    assertEquals(Option.OUTPUT, refused(b -> b.output(" ")).option());
    assertEquals(Option.VIEW, refused(b -> b.view(null)).option());
  }

  @Test
  void noLibraryMessageNamesACommandLineFlag() {
    List<UnaryOperator<RenderOptions.Builder>> wrong = List.of(b -> b.scale(1e6), b -> b.epochs(3),
        b -> b.style(org.gradframes.render.scene.DrawingStyle.CIRCUIT).direction(org.gradframes.layout.Direction.TB),
        b -> b.style(org.gradframes.render.scene.DrawingStyle.CIRCUIT).view(View.NETWORK), b -> b.engine("neato"));
    for (UnaryOperator<RenderOptions.Builder> set : wrong) {
      InvalidOptionException e = refused(set);
      assertFalse(e.getMessage().contains("--"), e.getMessage());
      assertTrue(e.message(o -> "--" + o.key()).startsWith("--"), e.message(o -> "--" + o.key()));
    }
  }

  @Test
  void errorsOfAProgramAndItsOptionsNameOptionsAsTheLibraryDoes() {
    Gradframes net = new Gradframes(RenderOptions.builder().view(View.NETWORK).formats().build());
    InvalidOptionException view = assertThrows(InvalidOptionException.class, () -> net.render("t", "x = 1\ny = x\n"));
    assertTrue(view.getMessage().startsWith("view network: the program is not a network"), view.getMessage());
    Gradframes deep = new Gradframes(RenderOptions.builder().maxDepth(2).formats().build());
    InvalidProgramException nested = assertThrows(InvalidProgramException.class,
        () -> deep.render("t", "y = (((1)))\n"));
    assertEquals("Expression is nested more than 2 levels deep (maxDepth raises the limit).", nested.getMessage());
    assertEquals("Expression is nested more than 2 levels deep (--max-depth raises the limit).",
        nested.message(o -> o == Option.MAX_DEPTH ? "--max-depth" : "?"));
    Gradframes strict = new Gradframes(RenderOptions.builder().strict(true).formats().build());
    InvalidProgramException warned = assertThrows(InvalidProgramException.class,
        () -> strict.render("t", "x = 0\ny = log(x)\n"));
    assertTrue(warned.getMessage().endsWith(" (strict)"), warned.getMessage());
    assertEquals(2, warned.position().line());
  }

  @Test
  void equalOptionsAreEqualAndPrintAlike() {
    RenderOptions a = RenderOptions.builder().scale(2.0).build();
    RenderOptions b = a.toBuilder().build();
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertEquals(a.toString(), b.toString());
    assertFalse(a.equals(a.toBuilder().scale(3.0).build()));
    assertTrue(a.toString().contains("scale=2.0"), a.toString());
  }
}
