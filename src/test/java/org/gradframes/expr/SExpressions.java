package org.gradframes.expr;

import java.util.stream.Collectors;

/**
 * Prints syntax trees as S-expressions, {@code (+ x (* 2 y))}, so parser tests can compare text; a vector is
 * {@code [1 2]}, a matrix {@code [[1 2] [3 4]]}, an index {@code (index W 2 1)}.
 */
final class SExpressions {
  private SExpressions() {}

  /** The expression as an S-expression; literals keep their source text. */
  static String of(Expr expr) {
    if (expr instanceof Expr.Literal l) {
      return l.text();
    }
    if (expr instanceof Expr.Variable v) {
      return v.name();
    }
    if (expr instanceof Expr.Negation n) {
      return "(- " + of(n.operand()) + ")";
    }
    if (expr instanceof Expr.Binary b) {
      return "(" + b.operator().symbol() + " " + of(b.left()) + " " + of(b.right()) + ")";
    }
    if (expr instanceof Expr.Vector v) {
      return v.elements().stream().map(SExpressions::of).collect(Collectors.joining(" ", "[", "]"));
    }
    if (expr instanceof Expr.Index i) {
      return "(index " + of(i.target()) + " " + i.indices().stream().map(String::valueOf)
          .collect(Collectors.joining(" ")) + ")";
    }
    Expr.Call c = (Expr.Call) expr;
    return "(" + c.function().spelling() + " " + c.arguments().stream().map(SExpressions::of)
        .collect(Collectors.joining(" ")) + ")";
  }

  /** Every statement of the program as {@code (= name expr)}, one per line. */
  static String of(Program program) {
    return program.statements().stream()
        .map(s -> "(= " + s.name() + " " + of(s.value()) + ")")
        .collect(Collectors.joining("\n"));
  }
}
