package org.gradframes.render.scene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gradframes.render.text.RichText;
import org.junit.jupiter.api.Test;

/** A caption line too wide for the picture is cut before its result, never through it. */
class CaptionClipTest {
  @Test
  void aSumTooLongIsCutBeforeItsResult() {
    StringBuilder sum = new StringBuilder("∂L/∂x_{1} = ∂L^{(1)}/∂x_{1} + ∂L^{(2)}/∂x_{1} = 0.0123");
    for (int i = 0; i < 40; i++) {
      sum.append(" + (−0.00").append(i).append(')');
    }
    String line = sum.append(" = −0.068794").toString();
    double max = 600;
    String shown = Band.clipBeforeResult(line, 20, max);
    assertTrue(shown.endsWith(" + … = −0.068794"), "cut between two terms, before the result: " + shown);
    assertTrue(shown.contains("…"), "the cut is marked: " + shown);
    assertTrue(RichText.width(shown, 20, false) <= max + 0.01, shown);
    assertTrue(shown.startsWith("∂L/∂x_{1} = ∂L^{(1)}/∂x_{1}"), shown);
  }

  @Test
  void aLineThatFitsOrHasNoResultIsCutAsBefore() {
    assertEquals("∂y/∂u = −5", Band.clipBeforeResult("∂y/∂u = −5", 20, 600));
    String words = "the forward pass: every value, no gradient yet ".repeat(10);
    assertEquals(RichText.clip(words, 20, false, 300), Band.clipBeforeResult(words, 20, 300));
  }
}
