package org.gradframes.expr;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits program text into tokens; comments and blank space are dropped, line ends are kept. Columns are counted as
 * the characters go by, so lexing takes time linear in the text in every script. The characters the frames print are
 * read back as the operators they stand for: {@code −} as {@code -}, {@code ×} and {@code ·} as {@code *},
 * {@code ÷} as {@code /}; {@code **} is {@code ^}. {@code @} is the matrix product; {@code [} and {@code ]} make
 * vectors and index them.
 */
public final class Lexer {
  private final CharSequence text;
  private final List<Token> tokens = new ArrayList<>();
  private int start;
  private int startColumn = 1;
  private int current;
  private int column = 1;
  private int line = 1;

  public Lexer(String text) {
    this((CharSequence) text);
  }

  /** A lexer of any character sequence; each of its characters is read a bounded number of times. */
  public Lexer(CharSequence text) {
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
      case '-', '\u2212' -> add(TokenType.MINUS);
      case '*' -> star();
      case '\u00D7', '\u00B7' -> add(TokenType.STAR);
      case '/', '\u00F7' -> add(TokenType.SLASH);
      case '^' -> add(TokenType.CARET);
      case '@' -> add(TokenType.AT);
      case '[' -> add(TokenType.LEFT_BRACKET);
      case ']' -> add(TokenType.RIGHT_BRACKET);
      case '(' -> add(TokenType.LEFT_PAREN);
      case ')' -> add(TokenType.RIGHT_PAREN);
      case '=' -> add(TokenType.EQUALS);
      case ',' -> add(TokenType.COMMA);
      case ';' -> add(TokenType.SEMICOLON);
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

  /** {@code *}, or {@code **}: power, as in Python. */
  private void star() {
    if (peek() == '*') {
      advance();
      add(TokenType.CARET);
    } else {
      add(TokenType.STAR);
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
    if ((peek() == 'e' || peek() == 'E') && !startsName(peekNext())) {
      exponent();
    }
    if (startsName(peek())) {
      throw new SyntaxException(currentPosition(), "Expected an operator after the number; write "
          + slice(start, current) + " * " + nameAhead() + ".");
    }
    add(TokenType.NUMBER);
  }

  private static boolean startsName(int c) {
    return c >= 0 && (Character.isLetter(c) || c == '_');
  }

  /** The name that starts at the current character, for a message: at most 24 characters of it. */
  private String nameAhead() {
    int end = current;
    while (end < text.length() && (Character.isLetterOrDigit(codePointAt(end)) || text.charAt(end) == '_')) {
      end += Character.charCount(codePointAt(end));
      if (end - current > 24) {
        return slice(current, end) + "…";
      }
    }
    return slice(current, end);
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
    tokens.add(new Token(type, slice(start, current), startPosition()));
  }

  private Position startPosition() {
    return new Position(line, startColumn);
  }

  private Position currentPosition() {
    return new Position(line, column);
  }

  private int advance() {
    int c = codePointAt(current);
    current += Character.charCount(c);
    column++;
    return c;
  }

  private int peek() {
    return atEnd() ? -1 : codePointAt(current);
  }

  private int peekNext() {
    if (atEnd()) {
      return -1;
    }
    int next = current + Character.charCount(codePointAt(current));
    return next >= text.length() ? -1 : codePointAt(next);
  }

  private int codePointAt(int index) {
    char c = text.charAt(index);
    return Character.isHighSurrogate(c) ? Character.codePointAt(text, index) : c;
  }

  private String slice(int from, int to) {
    return text.subSequence(from, to).toString();
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
