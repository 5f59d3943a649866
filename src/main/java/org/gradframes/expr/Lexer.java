package org.gradframes.expr;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits program text into tokens; comments and blank space are dropped, line ends are kept. Columns are counted as
 * the characters go by, so lexing takes time linear in the text in every script.
 */
public final class Lexer {
  private final String text;
  private final List<Token> tokens = new ArrayList<>();
  private int start;
  private int startColumn = 1;
  private int current;
  private int column = 1;
  private int line = 1;

  public Lexer(String text) {
    this.text = text;
  }

  /**
   * Returns every token of the text, ending with {@link TokenType#EOF}.
   *
   * @throws SyntaxException at the first character that starts no token
   */
  public List<Token> tokens() {
    while (!atEnd()) {
      start = current;
      startColumn = column;
      token();
    }
    start = current;
    startColumn = column;
    add(TokenType.NEWLINE);
    add(TokenType.EOF);
    return List.copyOf(tokens);
  }

  private void token() {
    int c = advance();
    switch (c) {
      case ' ', '\t', '\f' -> { }
      case '\n' -> newline();
      case '\r' -> {
        if (peek() == '\n') {
          advance();
        }
        newline();
      }
      case '#' -> comment();
      case '+' -> add(TokenType.PLUS);
      case '-' -> add(TokenType.MINUS);
      case '*' -> add(TokenType.STAR);
      case '/' -> add(TokenType.SLASH);
      case '^' -> add(TokenType.CARET);
      case '(' -> add(TokenType.LEFT_PAREN);
      case ')' -> add(TokenType.RIGHT_PAREN);
      case '=' -> add(TokenType.EQUALS);
      default -> other(c);
    }
  }

  private void other(int c) {
    if (isDigit(c) || (c == '.' && isDigit(peek()))) {
      number();
    } else if (Character.isLetter(c) || c == '_') {
      identifier();
    } else {
      throw new SyntaxException(startPosition(), "Unexpected character " + describe(c) + ".");
    }
  }

  private void newline() {
    add(TokenType.NEWLINE);
    line++;
    column = 1;
  }

  private void comment() {
    while (!atEnd() && peek() != '\n' && peek() != '\r') {
      advance();
    }
  }

  private void number() {
    while (isDigit(peek())) {
      advance();
    }
    if (peek() == '.' && text.charAt(start) != '.') {
      advance();
      while (isDigit(peek())) {
        advance();
      }
    }
    if (peek() == 'e' || peek() == 'E') {
      exponent();
    }
    if (Character.isLetter(peek()) || peek() == '_') {
      throw new SyntaxException(currentPosition(), "Expected an operator after the number.");
    }
    add(TokenType.NUMBER);
  }

  private void exponent() {
    advance();
    if (peek() == '+' || peek() == '-') {
      advance();
    }
    if (!isDigit(peek())) {
      throw new SyntaxException(currentPosition(), "Expected digits in the exponent of the number.");
    }
    while (isDigit(peek())) {
      advance();
    }
  }

  private void identifier() {
    while (Character.isLetterOrDigit(peek()) || peek() == '_') {
      advance();
    }
    add(TokenType.IDENTIFIER);
  }

  private void add(TokenType type) {
    tokens.add(new Token(type, text.substring(start, current), startPosition()));
  }

  private Position startPosition() {
    return new Position(line, startColumn);
  }

  private Position currentPosition() {
    return new Position(line, column);
  }

  private int advance() {
    int c = text.codePointAt(current);
    current += Character.charCount(c);
    column++;
    return c;
  }

  private int peek() {
    return atEnd() ? -1 : text.codePointAt(current);
  }

  private boolean atEnd() {
    return current >= text.length();
  }

  private static boolean isDigit(int c) {
    return c >= '0' && c <= '9';
  }

  private static String describe(int c) {
    if (c < 0x20 || c == 0x7f || Character.isWhitespace(c) || Character.isSpaceChar(c) || !Character.isDefined(c)) {
      return String.format("U+%04X", c);
    }
    return "'" + new String(Character.toChars(c)) + "'";
  }
}
