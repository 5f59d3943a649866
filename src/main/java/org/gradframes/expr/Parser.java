package org.gradframes.expr;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses tokens into a {@link Program}. One method per grammar rule:
 *
 * <pre>
 * program   = { [ statement ] ( NEWLINE | ";" ) } EOF
 * statement = IDENTIFIER "=" sum
 * sum       = product { ("+" | "-") product }
 * product   = unary { ("*" | "/") unary }
 * unary     = "-" unary | power
 * power     = call [ "^" unary ]
 * call      = IDENTIFIER "(" sum { "," sum } ")" | primary
 * primary   = NUMBER | IDENTIFIER | "(" sum ")"
 * </pre>
 *
 * The lexer reads {@code **} as {@code "^"}, {@code −} as {@code "-"}, {@code ×} and {@code ·} as {@code "*"}.
 */
public final class Parser {
  /** The deepest nesting of parentheses, minus signs and powers that a program may use. */
  public static final int DEFAULT_MAX_DEPTH = 1000;

  private final Source source;
  private final List<Token> tokens;
  private final int maxDepth;
  private int current;
  private int depth;

  public Parser(Source source) {
    this(source, DEFAULT_MAX_DEPTH);
  }

  public Parser(Source source, int maxDepth) {
    this.source = source;
    this.tokens = new Lexer(source.text()).tokens();
    this.maxDepth = maxDepth;
  }

  /** Parses the text of {@code source}. @throws SyntaxException at the first error */
  public static Program parse(Source source) {
    return new Parser(source).program();
  }

  /** Parses the whole program. @throws SyntaxException at the first error */
  public Program program() {
    List<Statement> statements = new ArrayList<>();
    while (!check(TokenType.EOF)) {
      if (!match(TokenType.NEWLINE) && !match(TokenType.SEMICOLON)) {
        statements.add(statement());
      }
    }
    if (statements.isEmpty()) {
      throw new SyntaxException(peek().position(), "The program has no statements; write 'name = expression'.");
    }
    return new Program(source, statements);
  }

  private Statement statement() {
    Token name = consume(TokenType.IDENTIFIER, "Expected a name at the start of a statement.");
    if (Expr.Function.named(name.text()) != null) {
      throw new SyntaxException(name.position(), "'" + name.text() + "' is a function and cannot be used as a name.");
    }
    consume(TokenType.EQUALS, "Expected '=' after '" + name.text() + "'.");
    Expr value = sum();
    if (!check(TokenType.NEWLINE) && !check(TokenType.SEMICOLON)) {
      String hint = check(TokenType.IDENTIFIER) && previous().type() == TokenType.NUMBER
          ? "; write " + previous().text() + " * " + peek().text() : "";
      throw new SyntaxException(peek().position(), "Expected an operator or end of line, found " + found() + hint
          + ".");
    }
    return new Statement(name.text(), value, name.position());
  }

  private Expr sum() {
    Expr expr = product();
    while (check(TokenType.PLUS) || check(TokenType.MINUS)) {
      Token operator = advance();
      Expr right = product();
      Expr.Operator op = operator.type() == TokenType.PLUS ? Expr.Operator.ADD : Expr.Operator.SUBTRACT;
      expr = new Expr.Binary(expr, op, right, operator.position());
    }
    return expr;
  }

  private Expr product() {
    Expr expr = unary();
    while (check(TokenType.STAR) || check(TokenType.SLASH)) {
      Token operator = advance();
      Expr right = unary();
      Expr.Operator op = operator.type() == TokenType.STAR ? Expr.Operator.MULTIPLY : Expr.Operator.DIVIDE;
      expr = new Expr.Binary(expr, op, right, operator.position());
    }
    return expr;
  }

  private Expr unary() {
    if (check(TokenType.MINUS)) {
      Token minus = advance();
      enter(minus);
      Expr operand = unary();
      depth--;
      return new Expr.Negation(operand, minus.position());
    }
    return power();
  }

  private Expr power() {
    Expr base = call();
    if (check(TokenType.CARET)) {
      Token caret = advance();
      enter(caret);
      Expr exponent = unary();
      depth--;
      return new Expr.Binary(base, Expr.Operator.POWER, exponent, caret.position());
    }
    return base;
  }

  private Expr call() {
    if (check(TokenType.IDENTIFIER) && checkNext(TokenType.LEFT_PAREN)) {
      Token name = advance();
      Expr.Function function = Expr.Function.named(name.text());
      if (function == null) {
        throw new SyntaxException(name.position(), unknownFunction(name.text()));
      }
      Token paren = advance();
      enter(paren);
      List<Expr> arguments = new ArrayList<>();
      arguments.add(sum());
      while (match(TokenType.COMMA)) {
        arguments.add(sum());
      }
      depth--;
      close(paren);
      if (arguments.size() != function.arity()) {
        throw new SyntaxException(name.position(), wrongArity(name.text(), function, arguments.size()));
      }
      return new Expr.Call(function, arguments, name.position());
    }
    return primary();
  }

  private static String unknownFunction(String name) {
    String nearest = Suggestions.nearest(name, Expr.Function.names());
    return nearest != null ? "Unknown function '" + name + "'; did you mean '" + nearest + "'?"
        : "Unknown function '" + name + "'; the functions are " + String.join(", ", Expr.Function.names()) + ".";
  }

  private static String wrongArity(String name, Expr.Function function, int given) {
    String takes = function.arity() == 1 ? "one argument, " + name + "(x)" : "two arguments, " + name + "(a, b)";
    return "'" + name + "' takes " + takes + "; it was given " + given + ".";
  }

  private Expr primary() {
    if (check(TokenType.NUMBER)) {
      Token number = advance();
      return new Expr.Literal(Double.parseDouble(number.text()), number.text(), number.position());
    }
    if (check(TokenType.IDENTIFIER)) {
      Token name = advance();
      if (Expr.Function.named(name.text()) != null) {
        throw new SyntaxException(peek().position(), "Expected '(' after function '" + name.text() + "'.");
      }
      return new Expr.Variable(name.text(), name.position());
    }
    if (check(TokenType.LEFT_PAREN)) {
      return group(advance());
    }
    throw new SyntaxException(peek().position(), "Expected an expression, found " + found() + ".");
  }

  private Expr group(Token paren) {
    enter(paren);
    Expr inner = sum();
    depth--;
    if (check(TokenType.COMMA)) {
      throw new SyntaxException(peek().position(), "Expected ')' to close the '(' at " + paren.position()
          + ", found ','; only a function call has a list of arguments.");
    }
    close(paren);
    return inner;
  }

  /** Consumes the ')' that closes {@code paren}. */
  private void close(Token paren) {
    if (!check(TokenType.RIGHT_PAREN)) {
      throw new SyntaxException(peek().position(), "Expected ')' to close the '(' at " + paren.position()
          + ", found " + found() + ".");
    }
    advance();
  }

  private void enter(Token token) {
    if (++depth > maxDepth) {
      throw new SyntaxException(token.position(), "Expression is nested more than " + maxDepth
          + " levels deep (--max-depth raises the limit).");
    }
  }

  private String found() {
    Token token = peek();
    return switch (token.type()) {
      case NEWLINE, EOF -> token.type().description();
      default -> "'" + token.text() + "'";
    };
  }

  private Token consume(TokenType type, String message) {
    if (check(type)) {
      return advance();
    }
    throw new SyntaxException(peek().position(), message);
  }

  private boolean match(TokenType type) {
    if (check(type)) {
      advance();
      return true;
    }
    return false;
  }

  private boolean check(TokenType type) {
    return peek().type() == type;
  }

  private boolean checkNext(TokenType type) {
    return current + 1 < tokens.size() && tokens.get(current + 1).type() == type;
  }

  private Token advance() {
    Token token = tokens.get(current);
    if (token.type() != TokenType.EOF) {
      current++;
    }
    return token;
  }

  private Token peek() {
    return tokens.get(current);
  }

  private Token previous() {
    return tokens.get(Math.max(0, current - 1));
  }
}
