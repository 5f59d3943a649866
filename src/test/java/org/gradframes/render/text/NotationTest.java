package org.gradframes.render.text;

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
  void weightIndicesBecomeACommaList() {
    assertEquals("w_{4,3,1}", Notation.name("w4_3_1"));
    assertEquals("h_{3,5}", Notation.name("h3_5"));
  }

  @Test
  void longUnnamedOperationsAreNamedByWhereTheyAre() {
    org.gradframes.graph.Graph g = org.gradframes.graph.GraphBuilder.build(org.gradframes.expr.Parser.parse(
        new org.gradframes.expr.Source("t", "a = 1\nb = 2\nh = relu(a * b + a * a + b * b + a * b + b)\n")));
    Notation notation = new Notation(g, 5);
    String relu = notation.formula(g.output());
    assertEquals("relu([+ in h])", relu);
    int sum = g.inputs(g.output()).get(0).from();
    assertEquals("∂h/∂[+ in h]", notation.partial(g.output(), sum, null));
    int inner = g.inputs(sum).get(0).from();
    assertEquals("∂[+ in h]/∂(a · b + a · a + b · b + a · b)", RichText.plain(notation.partial(sum, inner, null)));
  }

  @Test
  void parenthesesOnlyWherePrecedenceNeedsThem() {
    org.gradframes.graph.Graph g = org.gradframes.graph.GraphBuilder.build(org.gradframes.expr.Parser.parse(
        new org.gradframes.expr.Source("t", "a = 1\nb = 2\ny = (a - (b - a)) * (a + b) / -(a * b)\n")));
    assertEquals("(a − (b − a)) · (a + b) / −(a · b)", RichText.plain(new Notation(g, 5).formula(g.output())));
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
