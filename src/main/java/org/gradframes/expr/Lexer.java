package org.gradframes.expr;

import java.util.ArrayList;
import java.util.List;

/** Splits program text into tokens; comments and blank space are dropped, line ends are kept. */
public final class Lexer {
  private final String text;
  private final List<Token> tokens = new ArrayList<>();
  private int start;
  private int current;
  private int line = 1;
  private int lineStart;

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
      token();
    }
    start = current;
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
      throw new SyntaxException(position(start), "Unexpected character " + describe(c) + ".");
    }
  }

  private void newline() {
    add(TokenType.NEWLINE);
    line++;
    lineStart = current;
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
      throw new SyntaxException(position(current), "Expected an operator after the number.");
    }
    add(TokenType.NUMBER);
  }

  private void exponent() {
    advance();
    if (peek() == '+' || peek() == '-') {
      advance();
    }
    if (!isDigit(peek())) {
      throw new SyntaxException(position(current), "Expected digits in the exponent of the number.");
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
    tokens.add(new Token(type, text.substring(start, current), position(start)));
  }

  private Position position(int offset) {
    return new Position(line, text.codePointCount(lineStart, offset) + 1);
  }

  private int advance() {
    int c = text.codePointAt(current);
    current += Character.charCount(c);
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
