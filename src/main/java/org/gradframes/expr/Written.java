package org.gradframes.expr;

import java.util.stream.Collectors;

/** An expression written out for a message, as a program would write it: {@code W1 @ x}, {@code relu(W1 @ x + b)}. */
final class Written {
  /** Past this many characters a message shortens the expression and ends it with an ellipsis. */
  private static final int LONGEST = 32;

  private Written() {}

  static String of(Expr expr) {
    String text = text(expr);
    return text.length() > LONGEST ? text.substring(0, LONGEST - 1) + "…" : text;
  }

  private static String text(Expr expr) {
    if (expr instanceof Expr.Literal l) {
      return l.text();
    }
    if (expr instanceof Expr.Variable v) {
      return v.name();
    }
    if (expr instanceof Expr.Negation n) {
      return "-" + operand(n.operand());
    }
    if (expr instanceof Expr.Binary b) {
      return operand(b.left()) + " " + b.operator().symbol() + " " + operand(b.right());
    }
    if (expr instanceof Expr.Call c) {
      return c.function().spelling() + "(" + c.arguments().stream().map(Written::text)
          .collect(Collectors.joining(", ")) + ")";
    }
    if (expr instanceof Expr.Vector v) {
      return "[" + v.elements().stream().map(Written::text).collect(Collectors.joining(", ")) + "]";
    }
    Expr.Index index = (Expr.Index) expr;
    return operand(index.target()) + index.indices().stream().map(String::valueOf)
        .collect(Collectors.joining(", ", "[", "]"));
  }

  /** An operand, in parentheses when it is itself an operation of two operands or a negation. */
  private static String operand(Expr expr) {
    return expr instanceof Expr.Binary || expr instanceof Expr.Negation ? "(" + text(expr) + ")" : text(expr);
  }
}
