package org.gradframes.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LexerTest {

  /** The tokens of {@code text} as {@code TYPE:text@line:col}, separated by spaces. */
  private static String tokens(String text) {
    return new Lexer(text).tokens().stream()
        .map(t -> t.type() + ":" + t.text().replace("\n", "\\n") + "@" + t.position())
        .collect(Collectors.joining(" "));
  }

  private static List<TokenType> types(String text) {
    return new Lexer(text).tokens().stream().map(Token::type).toList();
  }

  private static void assertError(String text, String message, int line, int column) {
    SyntaxException e = assertThrows(SyntaxException.class, () -> new Lexer(text).tokens());
    assertTrue(e.getMessage().contains(message), () -> "message was: " + e.getMessage());
    assertEquals(new Position(line, column), e.position(), () -> "message was: " + e.getMessage());
  }

  @Test
  void everyOperatorHasItsOwnToken() {
    assertEquals(List.of(TokenType.PLUS, TokenType.MINUS, TokenType.STAR, TokenType.SLASH, TokenType.CARET,
        TokenType.LEFT_PAREN, TokenType.RIGHT_PAREN, TokenType.EQUALS, TokenType.NEWLINE, TokenType.EOF),
        types("+-*/^()="));
  }

  @Test
  void statementTokensCarryTextAndPosition() {
    assertEquals("IDENTIFIER:y@1:1 EQUALS:=@1:3 IDENTIFIER:x@1:5 STAR:*@1:7 NUMBER:2@1:9 NEWLINE:@1:10 EOF:@1:10",
        tokens("y = x * 2"));
  }

  @Test
  void emptyTextIsEndOfLineThenEndOfInput() {
    assertEquals("NEWLINE:@1:1 EOF:@1:1", tokens(""));
  }

  @ParameterizedTest
  @ValueSource(strings = {"2", "0.5", "1e-3", "1E+2", "2.5e10", ".5", "10.", "007"})
  void numberLiteralIsOneToken(String number) {
    List<Token> tokens = new Lexer(number).tokens();
    assertEquals(TokenType.NUMBER, tokens.get(0).type());
    assertEquals(number, tokens.get(0).text());
    assertEquals(TokenType.NEWLINE, tokens.get(1).type());
  }

  @Test
  void identifiersMayHoldDigitsAndUnderscores() {
    assertEquals("IDENTIFIER:_w2_b@1:1 NEWLINE:@1:6 EOF:@1:6", tokens("_w2_b"));
  }

  @Test
  void commentRunsToTheEndOfTheLine() {
    assertEquals("IDENTIFIER:x@1:1 NEWLINE:\\n@1:12 IDENTIFIER:y@2:1 NEWLINE:@2:2 EOF:@2:2",
        tokens("x # = 2 * (\ny"));
  }

  @Test
  void lineEndsAreTokensAndRestartTheColumn() {
    assertEquals("IDENTIFIER:a@1:1 NEWLINE:\\n@1:2 NEWLINE:\\n@2:1 IDENTIFIER:b@3:3 NEWLINE:@3:4 EOF:@3:4",
        tokens("a\n\n  b"));
  }

  @Test
  void crlfLineEndsGiveTheSameTokensAsLf() {
    String lf = "x = 1\n# note\ny = x + 2\n";
    assertEquals(types(lf), types(lf.replace("\n", "\r\n")));
    Token y = new Lexer(lf.replace("\n", "\r\n")).tokens().stream()
        .filter(t -> t.text().equals("y")).findFirst().orElseThrow();
    assertEquals(new Position(3, 1), y.position());
  }

  @Test
  void crlfLineEndTokenStandsAtTheCarriageReturn() {
    // The line "x" ends at column 2 whichever line terminator follows it.
    assertEquals(new Lexer("x\ny").tokens().get(1).position(), new Lexer("x\r\ny").tokens().get(1).position());
  }

  @Test
  void tabSeparatesTokensAndCountsAsOneColumn() {
    assertEquals("IDENTIFIER:y@1:1 EQUALS:=@1:3 NUMBER:3@1:5 NEWLINE:@1:6 EOF:@1:6", tokens("y\t=\t3"));
  }

  @Test
  void columnsCountCodePointsNotChars() {
    // U+1D465 (mathematical italic x) is a letter outside the BMP: two chars, one column.
    List<Token> tokens = new Lexer("\uD835\uDC65 = 1").tokens();
    assertEquals("\uD835\uDC65", tokens.get(0).text());
    assertEquals(new Position(1, 3), tokens.get(1).position());
  }

  @Test
  void unexpectedCharacterIsReportedWhereItStands() {
    assertError("y = x $ 2", "Unexpected character '$'.", 1, 7);
  }

  @Test
  void unexpectedCharacterOnALaterLineHasThatLine() {
    assertError("a = 1\nb = a $ 2", "Unexpected character '$'.", 2, 7);
  }

  @Test
  void controlCharacterIsNamedByCodePoint() {
    assertError("y = x\u0007+ 1", "Unexpected character U+0007.", 1, 6);
  }

  @Test
  void noBreakSpaceIsNamedByCodePointNotShownAsASpace() {
    // A pasted U+00A0 looks like a space; printed as ' ' the message would not say what is wrong.
    assertError("y = x\u00A0+ 1", "Unexpected character U+00A0.", 1, 6);
  }

  @Test
  void letterRightAfterNumberSaysToWriteTheProduct() {
    assertError("y = 2x", "Expected an operator after the number; write 2 * x.", 1, 6);
    assertError("y = 0.5w1 + 1", "write 0.5 * w1.", 1, 8);
  }

  @Test
  void numberRunIntoAFunctionIsNotAnExponent() {
    assertError("y = 2exp(x)", "write 2 * exp.", 1, 6);
    assertError("y = 1e3x", "write 1e3 * x.", 1, 8);
  }

  @Test
  void longNameRunIntoANumberIsShortenedInTheMessage() {
    SyntaxException e = assertThrows(SyntaxException.class, () -> new Lexer("y = 3" + "a".repeat(10_000)).tokens());
    assertTrue(e.getMessage().length() < 100, e.getMessage());
  }

  @Test
  void doubleStarIsPower() {
    assertEquals("IDENTIFIER:x@1:1 CARET:**@1:2 NUMBER:2@1:4 NEWLINE:@1:5 EOF:@1:5", tokens("x**2"));
    assertEquals(List.of(TokenType.IDENTIFIER, TokenType.CARET, TokenType.STAR, TokenType.IDENTIFIER,
        TokenType.NEWLINE, TokenType.EOF), types("x***y"));
  }

  @Test
  void semicolonAndCommaAreTokens() {
    assertEquals(List.of(TokenType.IDENTIFIER, TokenType.EQUALS, TokenType.NUMBER, TokenType.SEMICOLON,
        TokenType.IDENTIFIER, TokenType.COMMA, TokenType.NEWLINE, TokenType.EOF), types("x = 3; y,"));
  }

  /** A caption's text copied back into a program means what it says: its minus, times and dot. */
  @Test
  void theCharactersTheFramesPrintAreTheirOperators() {
    assertEquals("IDENTIFIER:a@1:1 MINUS:\u2212@1:3 IDENTIFIER:b@1:5 STAR:\u00D7@1:7 IDENTIFIER:c@1:9"
        + " STAR:\u00B7@1:11 IDENTIFIER:d@1:13 SLASH:\u00F7@1:15 NUMBER:2@1:17 NEWLINE:@1:18 EOF:@1:18",
        tokens("a \u2212 b \u00D7 c \u00B7 d \u00F7 2"));
  }

  @Test
  void exponentWithoutDigitsIsAnError() {
    assertError("y = 1e+", "Expected digits in the exponent of the number.", 1, 8);
  }

  /** Columns are counted as the lexer goes: a quadratic count would take hours on these lines, not a second. */
  @Test
  void longLinesOutsideLatin1LexInLinearTime() {
    int terms = 400_000;
    String greek = "y = θ" + " + θ".repeat(terms - 1);
    List<Token> tokens = new Lexer(greek).tokens();
    assertEquals(2 * terms + 3, tokens.size());
    assertEquals(new Position(1, 4 * terms + 1), tokens.get(tokens.size() - 3).position(), "the last θ");
    String commented = "y = x" + " + x".repeat(terms - 1) + " # θ";
    tokens = new Lexer(commented).tokens();
    assertEquals(new Position(1, 4 * terms + 1), tokens.get(tokens.size() - 3).position(), "the last x");
  }
}
