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
  void anElementsIndexStaysInBracketsAfterItsVariablesName() {
    assertEquals("h[2]", Notation.name("h[2]"));
    assertEquals("W_{1}[2,1]", Notation.name("W1[2,1]"));
    assertEquals("W₂[1,3]", RichText.plain(Notation.name("W2[1,3]")), "not W2₁,₃, which reads as W₂₁,₃");
    assertEquals("b₁[1]", RichText.plain(Notation.name("b1[1]")), "not b1₁, which reads as b₁₁");
    assertEquals("W1[2,1]", Notation.name("W1[2,1]", false));
  }

  @Test
  void weightIndicesBecomeACommaList() {
    assertEquals("w_{4,3,1}", Notation.name("w4_3_1"));
    assertEquals("h_{3,5}", Notation.name("h3_5"));
  }

  /** The one rule of the README: x1 → x₁, w11 → w₁₁, x1w1 → x₁w₁, h1_3 → h₁,₃. */
  @Test
  void digitsAfterLettersAreTheirSubscriptAndLettersAfterDigitsStartAWord() {
    assertEquals("x₁", RichText.plain(Notation.name("x1")));
    assertEquals("w₁₁", RichText.plain(Notation.name("w11")));
    assertEquals("x_{1}w_{1}", Notation.name("x1w1"));
    assertEquals("x₁w₁", RichText.plain(Notation.name("x1w1")));
    assertEquals("h₁,₃", RichText.plain(Notation.name("h1_3")));
    assertEquals("h_{1,3}", Notation.name("h1_3"));
    assertEquals("x_{1}w_{1}", Notation.name("x_1w1"));
    assertEquals("W_{2}x_{1}b", Notation.name("W2x1b"));
    assertEquals("y_{hat,2}", Notation.name("y_hat_2"));
    assertEquals("λ_{1}", Notation.name("λ_1"));
    assertEquals("x_{1}_", Notation.name("x1_"));
    assertEquals("a__b", Notation.name("a__b"));
    assertEquals("_x1", Notation.name("_x1"));
  }

  @Test
  void subscriptsCanBeTurnedOff() {
    assertEquals("x1w1", Notation.name("x1w1", false));
    assertEquals("x_{1}w_{1}", Notation.name("x1w1", true));
    org.gradframes.graph.Graph g = org.gradframes.graph.GraphBuilder.build(org.gradframes.expr.Parser.parse(
        new org.gradframes.expr.Source("t", "x1 = 1\nw1 = 2\nh1_3 = x1 * w1\n")));
    assertEquals("∂h1_3/∂x1", new Notation(g, 5, false).partial(g.output(), 0, null));
    assertEquals("∂h_{1,3}/∂x_{1}", new Notation(g, 5).partial(g.output(), 0, null));
  }

  @Test
  void maxAndMinAreWrittenAsCallsWithTheirSlopesInIversonBrackets() {
    org.gradframes.graph.Graph g = org.gradframes.graph.GraphBuilder.build(org.gradframes.expr.Parser.parse(
        new org.gradframes.expr.Source("t", "a = 1\nb = 2\ny = max(a, b - 1) * min(a, b) + pow(a, 3)\n")));
    Notation notation = new Notation(g, 5);
    assertEquals("max(a, b − 1) · min(a, b) + a³", RichText.plain(notation.formula(g.output())));
    int max = 4;
    assertEquals("max(1, 1)", notation.numbers(max, org.gradframes.autodiff.ForwardPass.evaluate(g)));
    org.gradframes.graph.Edge first = g.inputs(max).get(0);
    org.gradframes.graph.Edge second = g.inputs(max).get(1);
    assertEquals("[a > (b − 1)] + ½[a = (b − 1)]", notation.local(first));
    assertEquals("[(b − 1) > a] + ½[(b − 1) = a]", notation.local(second));
    int min = g.inputs(g.inputs(g.inputs(g.output()).get(0).from()).get(1).from()).get(0).to();
    assertEquals("[b < a] + ½[b = a]", notation.local(g.inputs(min).get(1)));
  }

  @Test
  void aLongUnnamedOperationIsNamedByItsOperationAloneWhereItIsTheOnlyOne() {
    org.gradframes.graph.Graph g = graph("a = 1\nb = 2\nh = relu(a * b + a * a + b * b + a * b + b)\n");
    Notation notation = new Notation(g, 5);
    assertEquals("relu([+])", notation.formula(g.output()), "not [+ in h], which reads as h defined by itself");
    int sum = g.inputs(g.output()).get(0).from();
    assertEquals("[+]", notation.tag(sum));
    assertEquals("∂h/∂[+]", notation.partial(g.output(), sum, null));
    int inner = g.inputs(sum).get(0).from();
    assertEquals("∂[+]/∂(a · b + a · a + b · b + a · b)", RichText.plain(notation.partial(sum, inner, null)));
  }

  @Test
  void twoLongOperationsWithOneSymbolAreNumberedApart() {
    org.gradframes.graph.Graph g = graph("p = 0.3\nq = 0.6\ny = 1\n"
        + "loss = (-(y * log(p) + (1 - y) * log(1 - p)) + -(y * log(q) + (1 - y) * log(1 - q))) / 2\n");
    Notation notation = new Notation(g, 5);
    assertEquals("(−[+ #1] + −[+ #2]) / 2", RichText.plain(notation.formula(g.output())));
    java.util.List<String> tags = new java.util.ArrayList<>();
    for (int i = 0; i < g.size(); i++) {
      if (notation.tag(i) != null) {
        tags.add(notation.tag(i));
      }
    }
    assertEquals(java.util.List.of("[+ #1]", "[+ #2]"), tags, "one tag per node, none naming the statement");
  }

  @Test
  void aStatementsTagNeverNamesItself() {
    org.gradframes.graph.Graph g = org.gradframes.graph.GraphBuilder.statements(org.gradframes.expr.Parser.parse(
        new org.gradframes.expr.Source("t", "z1 = 1\nz2 = 2\nz3 = 0.5\nz4 = -1\nm = max(max(z1, z2), max(z3, z4))\n"
            + "lse = m + log(exp(z1 - m) + exp(z2 - m) + exp(z3 - m) + exp(z4 - m))\n")));
    Notation notation = new Notation(g, 5);
    assertEquals("m + [log]", notation.formula(g.output()), "was m + [log in lse]");
  }

  @Test
  void aProductInAChainThatDividesIsSpacedSoItCannotReadAsTheDivisor() {
    org.gradframes.graph.Graph g = org.gradframes.graph.GraphBuilder.statements(org.gradframes.expr.Parser.parse(
        new org.gradframes.expr.Source("t", "lambd = 0.1\nw = 2\nv = 3\nr = lambd / 2 * (w ^ 2 + v ^ 2)\n"
            + "q = w * v\n")));
    Notation notation = new Notation(g, 5);
    assertEquals("lambd / 2 · (w² + v²)", RichText.plain(notation.formula(g.size() - 2)), "not lambd / 2·(w² + v²)");
    assertEquals("w·v", RichText.plain(notation.formula(g.output())), "a product alone stays tight");
  }

  @Test
  void aHeaderTooLongIsWrittenShorterByItsOperationsNeverCut() {
    org.gradframes.graph.Graph g = org.gradframes.graph.GraphBuilder.statements(org.gradframes.expr.Parser.parse(
        new org.gradframes.expr.Source("t", "t1 = 1\ns1 = 0.3\nt2 = -1\ns2 = 0.8\n"
            + "loss = (max(0, 1 - t1 * s1) + max(0, 1 - t2 * s2)) / 2\n")));
    java.util.List<String> forms = new Notation(g, 5).formulas(g.output()).stream().map(RichText::plain).toList();
    assertEquals(java.util.List.of("(max(0, 1 − t₁·s₁) + max(0, 1 − t₂·s₂)) / 2", "(max(…) + max(…)) / 2",
        "(… + …) / 2", "… / …"), forms, "each keeps the / 2 a cut line would hide");
    org.gradframes.graph.Graph ops = graph("x = 1\ny = 2\nu = x * y + exp(x - y) * exp(y - x) * (x + y)\n");
    java.util.List<String> opForms = new Notation(ops, 5).formulas(ops.output());
    assertEquals("… · … + [×]", RichText.plain(opForms.get(opForms.size() - 1)));
  }

  @Test
  void aStatementWrittenWithVectorsOffersItsHeaderAsTheProgramWritesIt() {
    org.gradframes.graph.Graph g = org.gradframes.graph.GraphBuilder.statements(org.gradframes.expr.Parser.parse(
        new org.gradframes.expr.Source("t", "z = [1, 0.5, -0.5]\np = [0.7, 0.2, 0.1]\n"
            + "kl = p @ log(p) - p @ z + log(sum(exp(z)))\n")));
    java.util.List<String> forms = new Notation(g, 5).formulas(g.output()).stream().map(RichText::plain).toList();
    assertEquals("p @ log(p) − p @ z + log(sum(exp(z)))", forms.get(1),
        "after the expansion, before its shapes on …: " + forms);
    assertEquals(true, forms.get(0).contains("p[1]"), "the expansion comes first: " + forms);
    org.gradframes.graph.Graph scalar = graph("x = 1\ny = 2\nu = x * y - (x - y)\n");
    assertEquals(java.util.List.of("x · y − (x − y)", "… · … − (… − …)"),
        new Notation(scalar, 5).formulas(scalar.output()).stream().map(RichText::plain).toList(),
        "a scalar statement has no written form of its own");
    org.gradframes.graph.Graph copy = org.gradframes.graph.GraphBuilder.statements(org.gradframes.expr.Parser.parse(
        new org.gradframes.expr.Source("t", "x = 1\ny = x\nz = -y\n")));
    assertEquals(java.util.List.of("x"), new Notation(copy, 5).formulas(1).stream().map(RichText::plain).toList(),
        "a statement of no operation has one form");
    assertEquals("−y", RichText.plain(new Notation(copy, 5).formulas(2).get(0)), "nor of one operation");
    java.util.List<org.gradframes.expr.Statement> statements = org.gradframes.expr.Parser.parse(
        new org.gradframes.expr.Source("t", "W1 = [[1, 2], [3, 4]]\na = 1\nb = 2\nc = 3\n"
            + "y = W1[2,1] - (a - b) * c ^ (a + 1) / -b\n")).statements();
    assertEquals("W₁[2,1] − (a − b)·c^(a + 1) / (−b)", RichText.plain(StatementNotation.vectors(
        statements.get(statements.size() - 1).written(), Notation::name)));
  }

  @Test
  void aPartialAlongOneOfSeveralEdgesBetweenTwoNodesIsMarkedWithItsPath() {
    org.gradframes.graph.Graph g = graph("f = 3\nL = f * f\n");
    Notation notation = new Notation(g, 5);
    assertEquals("∂L^{(1)}/∂f", notation.localPartial(g.inputs(g.output()).get(0), 1));
    assertEquals("∂L^{(2)}/∂f", notation.localPartial(g.inputs(g.output()).get(1), 2));
    org.gradframes.graph.Graph single = graph("f = 3\ng = 2\nL = f * g\n");
    assertEquals("∂L/∂f", new Notation(single, 5).localPartial(single.inputs(single.output()).get(0), 1),
        "one edge: the local partial is the whole ∂L/∂f");
  }

  private static org.gradframes.graph.Graph graph(String text) {
    return org.gradframes.graph.GraphBuilder.build(org.gradframes.expr.Parser.parse(
        new org.gradframes.expr.Source("t", text)));
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
