package org.gradframes.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Vector and matrix statements written out as scalar statements, one per element, and their shape errors. */
class VectorsTest {
  private static Program expand(String text) {
    return Parser.parse(new Source("t.grad", text));
  }

  private static String expanded(String text) {
    return SExpressions.of(expand(text));
  }

  private static void assertError(String source, String message, int line, int column) {
    SourceException e = assertThrows(SourceException.class, () -> expand(source));
    assertEquals(message, e.getMessage());
    assertEquals(new Position(line, column), e.position(), () -> "message was: " + e.getMessage());
  }

  @Test
  void aLiteralDeclaresOneInputPerElement() {
    Program p = expand("x = [1.2, -0.5]\ny = sum(x)");
    assertEquals("(= x[1] 1.2)\n(= x[2] (- 0.5))\n(= y (+ x[1] x[2]))", SExpressions.of(p));
    assertTrue(p.statements().get(0).isInput() && p.statements().get(1).isInput());
    assertEquals(-0.5, p.statements().get(1).inputValue());
  }

  @Test
  void aMatrixLiteralIsWrittenOutRowByRow() {
    assertEquals("(= W1[1,1] 0.1)\n(= W1[1,2] 0.2)\n(= W1[2,1] 0.3)\n(= W1[2,2] 0.4)\n(= y (+ (+ (+ W1[1,1] W1[1,2])"
        + " W1[2,1]) W1[2,2]))", expanded("W1 = [[0.1, 0.2], [0.3, 0.4]]\ny = sum(W1)"));
  }

  @Test
  void matrixTimesVectorIsALeftNestedSumOfProducts() {
    assertEquals("(= h[1] (+ (* W[1,1] x[1]) (* W[1,2] x[2])))\n(= h[2] (+ (* W[2,1] x[1]) (* W[2,2] x[2])))\n"
        + "(= h[3] (+ (* W[3,1] x[1]) (* W[3,2] x[2])))",
        statementsOf(expanded("W = [[1, 2], [3, 4], [5, 6]]\nx = [7, 8]\nh = W @ x\ny = sum(h)"), "h["));
  }

  @Test
  void aNeuronLayerKeepsItsActivationAndBiasPerElement() {
    assertEquals("(= h[1] (relu (+ (+ (* W[1,1] x[1]) (* W[1,2] x[2])) b[1])))\n"
        + "(= h[2] (relu (+ (+ (* W[2,1] x[1]) (* W[2,2] x[2])) b[2])))",
        statementsOf(expanded("W = [[1, 2], [3, 4]]\nx = [7, 8]\nb = [0.1, 0.2]\nh = relu(W @ x + b)\n"
            + "y = sum(h)"), "h["));
  }

  @Test
  void vectorTimesVectorAndDotAreTheDotProduct() {
    String program = "a = [1, 2]\nb = [3, 4]\n";
    assertEquals("(= y (+ (* a[1] b[1]) (* a[2] b[2])))", statementsOf(expanded(program + "y = a @ b"), "y"));
    assertEquals("(= y (+ (* a[1] b[1]) (* a[2] b[2])))", statementsOf(expanded(program + "y = dot(a, b)"), "y"));
    assertEquals("(= y[1] (+ (* a[1] M[1,1]) (* a[2] M[2,1])))",
        statementsOf(expanded(program + "M = [[1], [2]]\ny = a @ M\nz = sum(y)"), "y["));
  }

  @Test
  void scalarsBroadcastAndFunctionsApplyElementByElement() {
    assertEquals("(= v[1] (^ (- x[1] c) 2))\n(= v[2] (^ (- x[2] c) 2))",
        statementsOf(expanded("x = [1, 2]\nc = 3\nv = (x - c) ** 2\ny = sum(v)"), "v["));
    assertEquals("(= v[1] (max (* 2 x[1]) 0))\n(= v[2] (max (* 2 x[2]) 0))",
        statementsOf(expanded("x = [1, 2]\nv = max(2 * x, 0)\ny = sum(v)"), "v["));
    assertEquals("(= v[1] (- (tanh x[1])))\n(= v[2] (- (tanh x[2])))",
        statementsOf(expanded("x = [1, 2]\nv = -tanh(x)\ny = sum(v)"), "v["));
  }

  @Test
  void softmaxComputesItsShiftItsExponentialsAndTheirSumOnce() {
    assertEquals("(= s_max (max z[1] z[2]))\n(= s_exp[1] (exp (- z[1] s_max)))\n(= s_exp[2] (exp (- z[2] s_max)))\n"
        + "(= s_sum (+ s_exp[1] s_exp[2]))\n(= s[1] (/ s_exp[1] s_sum))\n(= s[2] (/ s_exp[2] s_sum))",
        statementsOfAll(expanded("z = [1, 2]\ns = softmax(z)\ny = s[2]"), "s"));
  }

  @Test
  void aSoftmaxInsideALongerStatementNamesItsPartsAfterItsVectorNotTheLoss() {
    String expanded = expanded("s = [1, 2]\nL = -log(softmax(s)[2])");
    assertEquals("(= s_max (max s[1] s[2]))", statementsOfAll(expanded, "s_max"));
    assertEquals("(= s_exp[1] (exp (- s[1] s_max)))\n(= s_exp[2] (exp (- s[2] s_max)))",
        statementsOfAll(expanded, "s_exp"));
    assertEquals("(= s_sum (+ s_exp[1] s_exp[2]))", statementsOfAll(expanded, "s_sum"));
    assertFalse(expanded.contains("L_"), "no L_max, L_exp or L_sum: " + expanded);
  }

  @Test
  void softmaxOfComputedLogitsComputesEachLogitOnce() {
    assertEquals("(= p_z[1] (* 2 h[1]))\n(= p_z[3] (* 2 h[3]))\n(= p_max (max (max p_z[1] h[2]) p_z[3]))",
        statementsOfAll(expanded("h = [1, 2, 3]\np = softmax([2 * h[1], h[2], 2 * h[3]])\ny = p[1]"), "p_(z|max)"));
  }

  @Test
  void theSoftmaxOfOneNumberIsShiftedByThatNumberAndDeclaresNoInput() {
    Program p = expand("p = softmax([5])\ny = p[1]");
    assertEquals("(= p_exp[1] (exp (- 5 5)))\n(= p_sum p_exp[1])\n(= p[1] (/ p_exp[1] p_sum))\n(= y p[1])",
        SExpressions.of(p));
  }

  @Test
  void aMeanEveryElementUsesIsComputedOnce() {
    assertEquals("(= c_mean (/ (+ (+ v[1] v[2]) v[3]) 3))\n(= c[1] (- v[1] c_mean))\n(= c[2] (- v[2] c_mean))\n"
        + "(= c[3] (- v[3] c_mean))", statementsOfAll(expanded("v = [1, 2, 4]\nc = v - mean(v)\ny = sum(c)"), "c"));
    assertEquals("(= var_mean (/ (+ v[1] v[2]) 2))\n(= var (/ (+ (^ (- v[1] var_mean) 2) (^ (- v[2] var_mean) 2)) 2))",
        statementsOfAll(expanded("v = [1, 2]\nvar = mean((v - mean(v)) ** 2)"), "var"));
    assertEquals("(= y (/ (+ (+ v[1] v[2]) v[3]) 3))", statementsOf(expanded("v = [1, 2, 3]\ny = mean(v)"), "y"));
  }

  @Test
  void aSumOrADotProductEveryElementUsesIsComputedOnce() {
    assertEquals("(= p_sum (+ v[1] v[2]))\n(= p_dot (+ (* v[1] v[1]) (* v[2] v[2])))\n"
        + "(= p[1] (/ v[1] (+ p_sum p_dot)))\n(= p[2] (/ v[2] (+ p_sum p_dot)))",
        statementsOfAll(expanded("v = [1, 2]\np = v / (sum(v) + v @ v)\ny = p[1]"), "p"));
  }

  @Test
  void anIntermediateTakesANumberWhenTheProgramUsesItsName() {
    assertEquals("(= s_sum2 (+ s_exp[1] s_exp[2]))", statementsOf(expanded("s_sum = 2\nz = [1, 2]\ns = softmax(z)\n"
        + "y = s[2] * s_sum"), "s_sum2"));
  }

  @Test
  void meanIsTheSumOverTheCount() {
    assertEquals("(= y (/ (+ (+ v[1] v[2]) v[3]) 3))", statementsOf(expanded("v = [1, 2, 3]\ny = mean(v)"), "y"));
  }

  @Test
  void indicesCountFromOneAndARowIsAVector() {
    String program = "W = [[1, 2], [3, 4], [5, 6]]\n";
    assertEquals("(= y W[3,2])", statementsOf(expanded(program + "y = W[3, 2]"), "y"));
    assertEquals("(= y (+ W[2,1] W[2,2]))", statementsOf(expanded(program + "y = sum(W[2])"), "y"));
    assertEquals("(= y (* 2 W[1,2]))", statementsOf(expanded(program + "y = (2 * W)[1, 2]"), "y"));
  }

  @Test
  void aVectorStatementOfVariablesCopiesEachElement() {
    assertEquals("(= v[1] x[1])\n(= v[2] x[2])", statementsOf(expanded("x = [1, 2]\nv = x\ny = sum(v)"), "v["));
  }

  @Test
  void everyElementKeepsThePositionOfItsStatement() {
    Program p = expand("a = 1\n  h = [a, 2 * a]\ny = sum(h)");
    assertEquals(new Position(2, 3), p.statements().get(1).position());
    assertEquals(new Position(2, 3), p.statements().get(2).position());
  }

  @Test
  void aProgramWithoutVectorsIsLeftAsItIs() {
    Program p = new Parser(new Source("t", "x = 2\ny = x * x")).tree();
    assertSame(p, Vectors.expand(p));
  }

  @Test
  void shapeErrorsAreReportedAtTheOperator() {
    String w1 = "W1 = [[1, 2], [3, 4], [5, 6]]\nx = [1, 2, 3]\n";
    assertError(w1 + "h = W1 @ x", "W1 @ x: W1 is 3×2, x has 3 elements; @ needs as many columns on its left as"
        + " rows, or elements, on its right.", 3, 8);
    assertError(w1 + "y = sum(W1 + x)", "W1 + x: W1 is 3×2, x has 3 elements; element by element, both sides have"
        + " one shape, or one is a scalar.", 3, 12);
    assertError(w1 + "y = x @ 2", "x @ 2: 2 is a scalar; multiply by a scalar with *.", 3, 7);
    assertError(w1 + "y = dot(x, W1[1])", "dot(x, W1[1]): x has 3 elements, W1[1] has 2 elements; dot takes two"
        + " vectors of one length.", 3, 5);
    assertError(w1 + "y = sum(softmax(W1))", "softmax(W1): W1 is 3×2; softmax takes a vector.", 3, 9);
    assertError("c = 2\ny = sum(c)", "sum(c): c is a scalar; sum takes a vector or a matrix.", 2, 5);
    assertError("x = [1, 2]\ny = sum(max(x, [1, 2, 3]))", "max(x, [1, 2, 3]): x has 2 elements, [1, 2, 3] has 3"
        + " elements; element by element, both sides have one shape, or one is a scalar.", 2, 9);
  }

  @Test
  void indicesOutOfRangeAreReportedAtTheBracket() {
    String w = "W = [[1, 2], [3, 4], [5, 6]]\nx = [1, 2, 3]\nc = 1\n";
    assertError(w + "y = x[4]", "x[4]: x has 3 elements; its elements are counted from 1 to 3.", 4, 6);
    assertError(w + "y = W[4, 1]", "W[4, 1]: W is 3×2; its rows are counted from 1 to 3.", 4, 6);
    assertError(w + "y = W[1, 3]", "W[1, 3]: W is 3×2; its columns are counted from 1 to 2.", 4, 6);
    assertError(w + "y = x[1, 1]", "x[1, 1]: x has 3 elements; a vector takes one index, v[i].", 4, 6);
    assertError(w + "y = W[1, 1, 1]", "W[1, 1, 1]: W is 3×2; a matrix takes one index (a row, W[i]) or two, W[i, j].",
        4, 6);
    assertError(w + "y = c[1]", "c[1]: c is a scalar; only a vector or a matrix has elements.", 4, 6);
  }

  @Test
  void raggedRowsAndMixedElementsAreReportedAtTheRow() {
    assertError("W = [[1, 2], [3, 4], [5]]\ny = sum(W)", "Row 3 of [[1, 2], [3, 4], [5]] has 1 element and row 1"
        + " has 2 elements; the rows of a matrix have one length.", 1, 22);
    assertError("W = [1, [3, 4]]\ny = sum(W)", "Element 2 of [1, [3, 4]] has 2 elements and element 1 is a scalar;"
        + " the elements of a vector are scalars, and the rows of a matrix are vectors.", 1, 9);
    assertError("W = [[[1]]]\ny = sum(W)", "Element 1 of [[[1]]] is 1×1; the rows of a matrix are vectors, and"
        + " gradframes has no shapes beyond matrices.", 1, 6);
  }

  @Test
  void theOutputMustBeAScalar() {
    assertError("x = [1, 2]\nh = 2 * x", "The output 'h' has 2 elements; the last statement is the output, and it"
        + " must be a scalar, such as sum(h).", 2, 1);
  }

  @Test
  void namesInAVectorProgramAreCheckedAsInAnyOther() {
    assertError("weights = [1, 2]\ny = sum(wieghts)", "'wieghts' is not defined; did you mean 'weights'?", 2, 9);
    assertError("y = sum(x)\nx = [1, 2]", "'x' is defined on line 2, after this use; define it before it is used.",
        1, 9);
    assertError("x = [1, 2]\nx = [3, 4]\ny = sum(x)", "'x' is already defined at 1:1.", 2, 1);
  }

  @Test
  void aStatementThatExpandsPastAMillionOperationsIsRefused() {
    StringBuilder s = new StringBuilder("z");
    for (int i = 0; i < 30; i++) {
      s.insert(0, "W @ (").append(")");
    }
    SourceException e = assertThrows(SourceException.class, () -> expand("W = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]\n"
        + "z = [1, 2, 3]\ny = sum(" + s + ")"));
    assertTrue(e.getMessage().contains("expands to more than 1000000 operations"), e.getMessage());
  }

  /** The lines of {@code program} that define names starting with {@code prefix}. */
  private static String statementsOf(String program, String prefix) {
    return String.join("\n", List.of(program.split("\n")).stream().filter(l -> l.startsWith("(= " + prefix + " ")
        || (prefix.endsWith("[") && l.startsWith("(= " + prefix))).toList());
  }

  /** The lines of {@code program} that define {@code name}, its elements, or its intermediates ({@code name_…}). */
  private static String statementsOfAll(String program, String name) {
    return String.join("\n", List.of(program.split("\n")).stream().filter(l -> l.matches("\\(= " + name
        + "([\\[_ ].*)")).toList());
  }
}
