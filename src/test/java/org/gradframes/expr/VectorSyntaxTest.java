package org.gradframes.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The vector syntax as the lexer and the parser read it, before {@link Vectors} writes it out as scalars. */
class VectorSyntaxTest {
  private static String tree(String expression) {
    return SExpressions.of(new Parser(new Source("t.grad", "y = " + expression)).tree().output().value());
  }

  private static void assertError(String source, String message, int line, int column) {
    SyntaxException e = assertThrows(SyntaxException.class, () -> new Parser(new Source("t.grad", source)).tree());
    assertTrue(e.getMessage().contains(message), () -> "message was: " + e.getMessage());
    assertEquals(new Position(line, column), e.position(), () -> "message was: " + e.getMessage());
  }

  @Test
  void bracketsAndTheMatrixProductHaveTokensOfTheirOwn() {
    assertEquals(List.of(TokenType.IDENTIFIER, TokenType.AT, TokenType.LEFT_BRACKET, TokenType.NUMBER,
        TokenType.COMMA, TokenType.RIGHT_BRACKET, TokenType.NEWLINE, TokenType.EOF),
        new Lexer("W@[1,]").tokens().stream().map(Token::type).toList());
  }

  @ParameterizedTest(name = "{0}  =>  {1}")
  @CsvSource(delimiter = '|', value = {
      "[1.2, -0.5]                | [1.2 (- 0.5)]",
      "[[0.1, 0.2], [0.3, 0.4]]   | [[0.1 0.2] [0.3 0.4]]",
      "[a + 1, b]                 | [(+ a 1) b]",
      "W @ x + b                  | (+ (@ W x) b)",
      "a * W @ x                  | (@ (* a W) x)",
      "W @ x * 2                  | (* (@ W x) 2)",
      "relu(W1 @ x + b1)          | (relu (+ (@ W1 x) b1))",
      "v[2]                       | (index v 2)",
      "W[2, 1]                    | (index W 2 1)",
      "v[1]^2                     | (^ (index v 1) 2)",
      "-v[1]                      | (- (index v 1))",
      "softmax(z)[2]              | (index (softmax z) 2)",
      "(W @ x)[1]                 | (index (@ W x) 1)",
      "W[2][1]                    | (index (index W 2) 1)",
      "sum((yhat - y) ** 2)       | (sum (^ (- yhat y) 2))",
      "mean(v) + dot(a, b)        | (+ (mean v) (dot a b))",
      "[1, 2] · [3, 4]            | (* [1 2] [3 4])",
  })
  void vectorSyntaxParsesAsWritten(String expression, String expected) {
    assertEquals(expected, tree(expression));
  }

  @Test
  void aMatrixMayHaveARowOnEachLine() {
    assertEquals("[[1 2] [3 4]]", SExpressions.of(new Parser(new Source("t", "W = [[1, 2],\n     [3, 4]\n]\n"))
        .tree().output().value()));
  }

  @Test
  void syntaxMistakesOfVectorsAreReportedWhereTheyAre() {
    assertError("x = [1, 2", "Expected ']' to close the '[' at 1:5, found end of input.", 1, 10);
    assertError("x = [1 2]", "Expected ']' to close the '[' at 1:5, found '2'.", 1, 8);
    assertError("x = []", "Expected an expression, found ']'.", 1, 6);
    assertError("y = v[0]", "Expected an index, a whole number from 1, found '0'.", 1, 7);
    assertError("y = v[1.5]", "Expected an index, a whole number from 1, found '1.5'.", 1, 7);
    assertError("y = v[i]", "Expected an index, a whole number from 1, found 'i'.", 1, 7);
    assertError("y = v[1", "Expected ']' to close the '[' at 1:6, found end of line.", 1, 8);
    assertError("y = sum(a, b)", "'sum' takes one argument, sum(v); it was given 2.", 1, 5);
    assertError("y = dot(a)", "'dot' takes two arguments, dot(a, b); it was given 1.", 1, 5);
    assertError("v = [1, 2]\nsum = 2\ny = sum(v)", "'sum' is a variable here (defined at 2:1); rename it to call the"
        + " function sum().", 3, 5);
    assertError("y = sofmax(z)", "did you mean 'softmax'?", 1, 5);
  }
}
