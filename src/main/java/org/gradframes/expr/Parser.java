package org.gradframes.expr;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses tokens into a {@link Program}. One method per grammar rule:
 *
 * <pre>
 * program   = { [ statement ] ( NEWLINE | ";" ) } EOF
 * statement = IDENTIFIER "=" sum
 * sum       = product { ("+" | "-") product }
 * product   = unary { ("*" | "/" | "@") unary }
 * unary     = "-" unary | power
 * power     = index [ "^" unary ]
 * index     = call { "[" NUMBER { "," NUMBER } "]" }
 * call      = IDENTIFIER "(" sum { "," sum } ")" | primary
 * primary   = NUMBER | IDENTIFIER | "(" sum ")" | "[" sum { "," sum } "]"
 * </pre>
 *
 * Inside brackets, line ends are skipped, so a matrix may have a row on each line.
 *
 * A name may shadow a function, as in Python ({@code sum = a + b}, {@code dot = w0 * x0 + w1 * x1}): from the
 * statement after its definition on, the name is the variable, and calling it is an error; before, the function
 * is called.
 *
 * The lexer reads {@code **} as {@code "^"}, {@code −} as {@code "-"}, {@code ×} and {@code ·} as {@code "*"}.
 * {@link #program} rewrites vectors and matrices into scalar statements ({@link Vectors#expand}); {@link #tree}
 * keeps them as written.
 */
public final class Parser {
  /** The deepest nesting of parentheses, minus signs and powers that a program may use. */
  public static final int DEFAULT_MAX_DEPTH = 1000;

  private final Source source;
  private final List<Token> tokens;
  private final int maxDepth;
  /** Where each name defined so far is defined: such a name is a variable, even a function's. */
  private final Map<String, Position> defined = new HashMap<>();
  /** Every name some statement of the program defines, read ahead from the tokens. */
  private final Set<String> everyName = new HashSet<>();
  private int current;
  private int depth;

  public Parser(Source source) {
    this(source, DEFAULT_MAX_DEPTH);
  }

  public Parser(Source source, int maxDepth) {
    this.source = source;
    this.tokens = new Lexer(source.text()).tokens();
    this.maxDepth = maxDepth;
    for (int i = 0; i + 1 < tokens.size(); i++) {
      if (tokens.get(i).type() == TokenType.IDENTIFIER && tokens.get(i + 1).type() == TokenType.EQUALS) {
        everyName.add(tokens.get(i).text());
      }
    }
  }

  /** Parses the text of {@code source}. @throws SyntaxException at the first error */
  public static Program parse(Source source) {
    return new Parser(source).program();
  }

  /**
   * Parses the whole program and rewrites its vectors and matrices into scalar statements, one per element.
   *
   * @throws SourceException at the first error: of syntax, of shape, or a name a vector program does not define
   */
  public Program program() {
    return Vectors.expand(tree());
  }

  /** Parses the whole program and returns it as written, vectors and all. @throws SyntaxException at the first error */
  public Program tree() {
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
    consume(TokenType.EQUALS, "Expected '=' after '" + name.text() + "'.");
    Expr value = sum();
    if (!check(TokenType.NEWLINE) && !check(TokenType.SEMICOLON)) {
      String hint = check(TokenType.IDENTIFIER) && previous().type() == TokenType.NUMBER
          ? "; write " + previous().text() + " * " + peek().text() : "";
      throw new SyntaxException(peek().position(), "Expected an operator or end of line, found " + found() + hint
          + ".");
    }
    defined.putIfAbsent(name.text(), name.position());
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
    while (check(TokenType.STAR) || check(TokenType.SLASH) || check(TokenType.AT)) {
      Token operator = advance();
      Expr right = unary();
      Expr.Operator op = switch (operator.type()) {
        case STAR -> Expr.Operator.MULTIPLY;
        case SLASH -> Expr.Operator.DIVIDE;
        default -> Expr.Operator.MATMUL;
      };
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
    Expr base = index();
    if (check(TokenType.CARET)) {
      Token caret = advance();
      enter(caret);
      Expr exponent = unary();
      depth--;
      return new Expr.Binary(base, Expr.Operator.POWER, exponent, caret.position());
    }
    return base;
  }

  private Expr index() {
    Expr expr = call();
    int entered = 0;
    while (check(TokenType.LEFT_BRACKET)) {
      Token bracket = advance();
      enter(bracket);
      entered++;
      List<Integer> indices = new ArrayList<>();
      indices.add(indexNumber());
      while (match(TokenType.COMMA)) {
        indices.add(indexNumber());
      }
      closeBracket(bracket);
      expr = new Expr.Index(expr, indices, bracket.position());
    }
    depth -= entered;
    return expr;
  }

  /** An index: a whole number from 1, as written. */
  private int indexNumber() {
    Token token = peek();
    if (token.type() != TokenType.NUMBER || !token.text().matches("[0-9]{1,9}") || Integer.parseInt(token.text()) < 1) {
      throw new SyntaxException(token.position(), "Expected an index, a whole number from 1, found " + found()
          + ".");
    }
    advance();
    return Integer.parseInt(token.text());
  }

  private Expr call() {
    if (check(TokenType.IDENTIFIER) && checkNext(TokenType.LEFT_PAREN)) {
      Token name = advance();
      Expr.Function function = Expr.Function.named(name.text());
      if (function == null) {
        throw new SyntaxException(name.position(), unknownFunction(name.text()));
      }
      if (defined.containsKey(name.text())) {
        throw new SyntaxException(name.position(), "'" + name.text() + "' is a variable here (defined at "
            + defined.get(name.text()) + "); rename it to call the function " + name.text() + "().");
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
    String one = function.ofVectors() ? name + "(v)" : name + "(x)";
    String takes = function.arity() == 1 ? "one argument, " + one : "two arguments, " + name + "(a, b)";
    return "'" + name + "' takes " + takes + "; it was given " + given + ".";
  }

  private Expr primary() {
    if (check(TokenType.NUMBER)) {
      Token number = advance();
      return new Expr.Literal(Double.parseDouble(number.text()), number.text(), number.position());
    }
    if (check(TokenType.IDENTIFIER)) {
      Token name = advance();
      if (Expr.Function.named(name.text()) != null && !everyName.contains(name.text())) {
        throw new SyntaxException(peek().position(), "Expected '(' after function '" + name.text() + "'.");
      }
      return new Expr.Variable(name.text(), name.position());
    }
    if (check(TokenType.LEFT_PAREN)) {
      return group(advance());
    }
    if (check(TokenType.LEFT_BRACKET)) {
      return vector(advance());
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

  /** A vector or a matrix; as in Python, its elements may go on over several lines. */
  private Expr vector(Token bracket) {
    enter(bracket);
    List<Expr> elements = new ArrayList<>();
    do {
      skipLineEnds();
      elements.add(sum());
      skipLineEnds();
    } while (match(TokenType.COMMA));
    depth--;
    closeBracket(bracket);
    return new Expr.Vector(elements, bracket.position());
  }

  private void skipLineEnds() {
    while (match(TokenType.NEWLINE)) {
      // a line end inside brackets continues the statement
    }
  }

  /** Consumes the ']' that closes {@code bracket}. */
  private void closeBracket(Token bracket) {
    if (!check(TokenType.RIGHT_BRACKET)) {
      throw new SyntaxException(peek().position(), "Expected ']' to close the '[' at " + bracket.position()
          + ", found " + found() + ".");
    }
    advance();
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
      throw new NestingTooDeepException(token.position(), maxDepth);
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
