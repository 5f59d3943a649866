package org.gradframes.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ParserTest {

  private static Program parse(String text) {
    return Parser.parse(new Source("test.grad", text));
  }

  /** The right side of the one statement {@code y = <expression>}, as an S-expression. */
  private static String tree(String expression) {
    return SExpressions.of(parse("y = " + expression).output().value());
  }

  private static void assertError(String source, String message, int line, int column) {
    assertError(() -> parse(source), message, line, column);
  }

  private static void assertError(Runnable parse, String message, int line, int column) {
    SyntaxException e = assertThrows(SyntaxException.class, parse::run);
    assertTrue(e.getMessage().contains(message), () -> "message was: " + e.getMessage());
    assertEquals(new Position(line, column), e.position(), () -> "message was: " + e.getMessage());
  }

  @ParameterizedTest(name = "{0}  =>  {1}")
  @CsvSource(delimiter = '|', value = {
      "x + 2 * y        | (+ x (* 2 y))",
      "x * 2 + y        | (+ (* x 2) y)",
      "a - b - c        | (- (- a b) c)",
      "a / b / c        | (/ (/ a b) c)",
      "a - b + c        | (+ (- a b) c)",
      "a * b / c * d    | (* (/ (* a b) c) d)",
      "(a + b) * c      | (* (+ a b) c)",
      "a * (b - c)      | (* a (- b c))",
      "((x))            | x",
  })
  void binaryOperatorsFollowPrecedenceAndAssociateLeft(String expression, String expected) {
    assertEquals(expected, tree(expression));
  }

  @ParameterizedTest(name = "{0}  =>  {1}")
  @CsvSource(delimiter = '|', value = {
      "-x^2             | (- (^ x 2))",
      "2^3^2            | (^ 2 (^ 3 2))",
      "2^-1             | (^ 2 (- 1))",
      "x^-y^2           | (^ x (- (^ y 2)))",
      "(-x)^2           | (^ (- x) 2)",
      "a * b^2          | (* a (^ b 2))",
      "-a * b           | (* (- a) b)",
      "--x              | (- (- x))",
      "a - -b           | (- a (- b))",
      "a^b * c          | (* (^ a b) c)",
  })
  void powerBindsTighterThanMinusAndAssociatesRight(String expression, String expected) {
    assertEquals(expected, tree(expression));
  }

  @ParameterizedTest(name = "{0}  =>  {1}")
  @CsvSource(delimiter = '|', value = {
      "sin(x)               | (sin x)",
      "cos(x)               | (cos x)",
      "tan(x)               | (tan x)",
      "exp(-x)              | (exp (- x))",
      "log(x)               | (log x)",
      "sqrt(x + 1)          | (sqrt (+ x 1))",
      "tanh(x)              | (tanh x)",
      "sigmoid(w * x + b)   | (sigmoid (+ (* w x) b))",
      "relu(x)              | (relu x)",
      "abs(x)               | (abs x)",
      "sin(x)^2             | (^ (sin x) 2)",
      "-exp(x)^2            | (- (^ (exp x) 2))",
      "sin(cos(x)) * 2      | (* (sin (cos x)) 2)",
      "1 / (1 + exp(-x))    | (/ 1 (+ 1 (exp (- x))))",
  })
  void functionCallsParseAsUnaryApplications(String expression, String expected) {
    assertEquals(expected, tree(expression));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"2, 2.0", "0.5, 0.5", "1e-3, 0.001", "1E+2, 100.0", ".25, 0.25", "2.5e1, 25.0"})
  void numberLiteralKeepsItsTextAndValue(String text, double value) {
    Expr.Literal literal = (Expr.Literal) parse("y = " + text).output().value();
    assertEquals(text, literal.text());
    assertEquals(value, literal.value());
  }

  @Test
  void commentsAndBlankLinesAreSkipped() {
    String text = "# inputs\n\nx = 2   # the input\n\n\n# the output\ny = x * x\n\n";
    Program program = parse(text);
    assertEquals("(= x 2)\n(= y (* x x))", SExpressions.of(program));
    assertEquals(new Position(7, 1), program.output().position());
  }

  @Test
  void crlfLineEndsParseLikeLf() {
    String lf = "# c\nx = 2\n\ny = x + 1 # d\n";
    Program withCrlf = parse(lf.replace("\n", "\r\n"));
    assertEquals(SExpressions.of(parse(lf)), SExpressions.of(withCrlf));
    assertEquals(new Position(4, 1), withCrlf.output().position());
  }

  @Test
  void tabsSeparateTokens() {
    assertEquals("(= y (+ x 1))", SExpressions.of(parse("\ty\t=\tx\t+\t1\t")));
  }

  @Test
  void lastStatementIsTheOutput() {
    Program program = parse("a = 1\nb = a\nc = b");
    assertEquals(List.of("a", "b", "c"), program.statements().stream().map(Statement::name).toList());
    assertEquals("c", program.output().name());
  }

  @Test
  void nodesKeepTheirSourcePositions() {
    Statement s = parse("x = 1\n  out = x + sin(-x)").output();
    assertEquals(new Position(2, 3), s.position());
    Expr.Binary sum = (Expr.Binary) s.value();
    assertEquals(new Position(2, 11), sum.position());
    assertEquals(new Position(2, 9), sum.left().position());
    Expr.Call call = (Expr.Call) sum.right();
    assertEquals(new Position(2, 13), call.position());
    assertEquals(new Position(2, 17), call.argument().position());
  }

  @ParameterizedTest(name = "{0}  =>  {1}")
  @CsvSource(delimiter = '|', value = {
      "x ** 2               | (^ x 2)",
      "2 ** 3 ** 2          | (^ 2 (^ 3 2))",
      "-x**2                | (- (^ x 2))",
      "a \u2212 b            | (- a b)",
      "\u2212x               | (- x)",
      "a \u00D7 b \u00B7 c        | (* (* a b) c)",
      "a \u00F7 b            | (/ a b)",
      "ln(x)                | (log x)",
      "max(a, b)            | (max a b)",
      "min(a + 1, -b)       | (min (+ a 1) (- b))",
      "pow(x, 2)            | (pow x 2)",
      "max(a, min(b, c))^2  | (^ (max a (min b c)) 2)",
      "2 * pow(x, y + 1)    | (* 2 (pow x (+ y 1)))",
  })
  void pythonAndPrintedSyntaxParseAsTheirOperators(String expression, String expected) {
    assertEquals(expected, tree(expression));
  }

  @Test
  void semicolonsSeparateStatementsOnOneLine() {
    Program program = parse("x = 3; y = x * x;\nz = y;; w = z");
    assertEquals("(= x 3)\n(= y (* x x))\n(= z y)\n(= w z)", SExpressions.of(program));
    assertEquals(new Position(1, 8), program.statements().get(1).position());
    assertEquals(new Position(2, 9), program.statements().get(3).position());
  }

  @Test
  void misspeltFunctionGetsTheNearestOne() {
    assertError("x = 1\ny = sigmod(x)", "Unknown function 'sigmod'; did you mean 'sigmoid'?", 2, 5);
    assertError("y = tahn(1)", "did you mean 'tanh'?", 1, 5);
    assertError("y = maxx(1, 2)", "did you mean 'max'?", 1, 5);
  }

  @Test
  void wrongNumberOfArgumentsSaysHowManyTheFunctionTakes() {
    assertError("y = max(1)", "'max' takes two arguments, max(a, b); it was given 1.", 1, 5);
    assertError("x = 1\ny = 2 * sin(x, 2)", "'sin' takes one argument, sin(x); it was given 2.", 2, 9);
    assertError("y = ln(1, 2, 3)", "'ln' takes one argument, ln(x); it was given 3.", 1, 5);
  }

  @Test
  void commaOutsideACallIsAnError() {
    assertError("y = (1, 2)", "found ','; only a function call has a list of arguments.", 1, 7);
    assertError("y = 1, 2", "Expected an operator or end of line, found ','.", 1, 6);
    assertError("y = max(1,)", "Expected an expression, found ')'.", 1, 11);
  }

  @Test
  void numberThenNameSaysToWriteTheProduct() {
    assertError("x = 1\ny = 2 x", "Expected an operator or end of line, found 'x'; write 2 * x.", 2, 7);
  }

  @Test
  void aNameMayShadowAFunctionFromItsStatementOn() {
    Program p = parse("w0 = 2\nx0 = -1\ndot = w0 * x0\nsum = dot + 1\nmax = 3; ln = 4\nf = exp(-dot) + sum * max / ln");
    assertEquals("(+ (exp (- dot)) (/ (* sum max) ln))", SExpressions.of(p.output().value()));
  }

  @Test
  void callingAShadowedFunctionSaysWhereTheVariableIsDefined() {
    assertError("v = 1\nsum = v + 2\ny = sum(v)", "'sum' is a variable here (defined at 2:1); rename it to call the"
        + " function sum().", 3, 5);
    assertError("x = 2\n  ln = 1; y = ln(x)", "'ln' is a variable here (defined at 2:3); rename it to call the"
        + " function ln().", 2, 15);
  }

  @Test
  void beforeItsDefinitionAShadowedNameIsStillTheFunction() {
    Program p = parse("a = 1\nb = max(a, 2)\nmax = max(b, 3)\ny = max * 2");
    assertEquals("(= b (max a 2))\n(= max (max b 3))\n(= y (* max 2))", SExpressions.of(
        new Program(p.source(), p.statements().subList(1, 4))));
  }

  @Test
  void literalOrNegatedLiteralIsAnInput() {
    Program program = parse("a = 3\nb = -7\nc = (2)\nd = 2 * 3\ne = -a");
    assertEquals(List.of(true, true, true, false, false),
        program.statements().stream().map(Statement::isInput).toList());
    assertEquals(-7.0, program.statements().get(1).inputValue());
  }

  @Test
  void missingCloseParenReportsTheEndOfLine() {
    assertError("y = (x + 1", "Expected ')' to close the '(' at 1:5, found end of line.", 1, 11);
  }

  @Test
  void missingCloseParenOfCallReportsTheNextToken() {
    assertError("x = 1\ny = sin(x x", "Expected ')' to close the '(' at 2:8, found 'x'.", 2, 11);
  }

  @Test
  void missingCloseParenBeforeLfReportsTheLineEnd() {
    assertError("a = 1\ny = (a + 1\nz = 2", "found end of line", 2, 11);
  }

  @Test
  void missingCloseParenBeforeCrlfReportsTheSamePlaceAsLf() {
    // Column 11 is where the line ends: the '\r' of a CRLF, the '\n' of an LF.
    assertError("a = 1\r\ny = (a + 1\r\nz = 2", "found end of line", 2, 11);
  }

  @Test
  void unknownFunctionIsReportedAtItsName() {
    assertError("x = 1\ny = 2 * foo(x)", "Unknown function 'foo'; the functions are sin, cos, tan, exp, log, "
        + "sqrt, tanh, sigmoid, relu, abs, max, min, pow, sum, mean, softmax, dot, ln.", 2, 9);
  }

  @Test
  void unexpectedCharacterIsASyntaxError() {
    assertError("x = 1\ny = x $ 2", "Unexpected character '$'.", 2, 7);
  }

  @Test
  void missingEqualsIsReportedAfterTheName() {
    assertError("x = 1\ny x + 1", "Expected '=' after 'y'.", 2, 3);
  }

  @Test
  void statementMustStartWithAName() {
    assertError("= 3", "Expected a name at the start of a statement.", 1, 1);
  }

  @Test
  void emptyProgramIsAnError() {
    assertError("", "The program has no statements", 1, 1);
  }

  @Test
  void programOfOnlyCommentsIsReportedAtTheEndOfInput() {
    assertError("# nothing here", "The program has no statements", 1, 15);
  }

  @Test
  void functionNameUsedAsVariableIsAnError() {
    assertError("x = 1\ny = sin + x", "Expected '(' after function 'sin'.", 2, 9);
  }

  @Test
  void functionNameAtLineEndIsAnError() {
    assertError("y = 2 * exp", "Expected '(' after function 'exp'.", 1, 12);
  }

  @Test
  void aFunctionNameNoStatementDefinesNeedsItsParenthesis() {
    assertError("x = 1\ny = sin + x\nsinx = 2", "Expected '(' after function 'sin'.", 2, 9);
  }

  @Test
  void missingOperandIsReported() {
    assertError("y = 2 *", "Expected an expression, found end of line.", 1, 8);
  }

  @Test
  void extraTokenAfterExpressionIsReported() {
    assertError("x = 1\ny = x x", "Expected an operator or end of line, found 'x'.", 2, 7);
  }

  @Test
  void unmatchedCloseParenIsReported() {
    assertError("y = 1)", "found ')'", 1, 6);
  }

  @Test
  void nestingUpToTheLimitParses() {
    Program program = new Parser(new Source("t", "y = ((x)) + -(-2)^2"), 3).program();
    assertEquals("(+ x (- (^ (- 2) 2)))", SExpressions.of(program.output().value()));
  }

  @Test
  void parenthesesDeeperThanTheLimitAreReported() {
    assertError(() -> new Parser(new Source("t", "y = (((x)))"), 2).program(),
        "Expression is nested more than 2 levels deep", 1, 7);
  }

  @Test
  void minusSignsDeeperThanTheLimitAreReported() {
    assertError(() -> new Parser(new Source("t", "y = - - -x"), 2).program(), "nested more than 2 levels", 1, 9);
  }

  @Test
  void powersDeeperThanTheLimitAreReported() {
    assertError(() -> new Parser(new Source("t", "y = 2^2^2"), 1).program(), "nested more than 1 levels", 1, 8);
  }

  @Test
  void callsCountTowardsTheDepthLimit() {
    assertError(() -> new Parser(new Source("t", "y = sin(cos(x))"), 1).program(), "nested more than 1", 1, 12);
  }

  @Test
  void defaultDepthLimitStopsVeryDeepNestingWithASyntaxError() {
    int depth = Parser.DEFAULT_MAX_DEPTH;
    String ok = "y = " + "(".repeat(depth) + "x" + ")".repeat(depth);
    assertEquals("x", SExpressions.of(parse(ok).output().value()));
    String tooDeep = "y = " + "(".repeat(100_000) + "x" + ")".repeat(100_000);
    assertError(tooDeep, "nested more than " + depth + " levels", 1, 5 + depth);
  }
}
