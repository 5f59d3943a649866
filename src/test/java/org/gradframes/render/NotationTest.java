package org.gradframes.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NotationTest {
  @Test
  void trailingDigitsBecomeSubscripts() {
    assertEquals("x_{1}", Notation.name("x1"));
    assertEquals("u_{12}", Notation.name("u12"));
    assertEquals("x₁", RichText.plain(Notation.name("x1")));
  }

  @Test
  void underscoreStartsASubscript() {
    assertEquals("u_{2}", Notation.name("u_2"));
    assertEquals("y_{hat}", Notation.name("y_hat"));
    assertEquals("y_hat", RichText.plain(Notation.name("y_hat")), "letters have no subscript form in plain text");
  }

  @Test
  void namesWithoutDigitsStayAsTheyAre() {
    assertEquals("yhat", Notation.name("yhat"));
    assertEquals("θ", Notation.name("θ"));
    assertEquals("x_", Notation.name("x_"));
    assertEquals("123", Notation.name("123"));
  }

  @Test
  void richTextSplitsScripts() {
    assertEquals(4, RichText.runs("∂y^{(1)}/∂u_{2}").size());
    assertEquals("∂y⁽¹⁾/∂u₂", RichText.plain("∂y^{(1)}/∂u_{2}"));
  }

  @Test
  void scriptsAreNarrowerThanTheirText() {
    double plain = RichText.width("u2", 20, false);
    double sub = RichText.width("u_{2}", 20, false);
    assertEquals(true, sub < plain, sub + " < " + plain);
  }
}
