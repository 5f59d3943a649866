package org.gradframes.autodiff;

import java.util.IdentityHashMap;
import java.util.Map;
import org.gradframes.expr.Expr;
import org.gradframes.graph.Node;
import org.gradframes.graph.Op;

/**
 * The value of a whole statement from the values of the variables it uses, and its local derivative with respect
 * to each of them: reverse mode through the statement's own expression, with the slopes of {@link Op}.
 */
final class StatementMath {
  private final Node.Statement statement;
  private final double[] args;
  private final Map<Expr, Double> values = new IdentityHashMap<>();

  private StatementMath(Node.Statement statement, double[] args) {
    this.statement = statement;
    this.args = args;
  }

  /** The statement's value when its variables have the values {@code args}, by argument. */
  static double value(Node.Statement statement, double[] args) {
    return new StatementMath(statement, args).evaluate(statement.expression());
  }

  /** The derivative of the statement with respect to each of its variables, by argument, at {@code args}. */
  static double[] slopes(Node.Statement statement, double[] args) {
    StatementMath math = new StatementMath(statement, args);
    double value = math.evaluate(statement.expression());
    double[] slopes = new double[args.length];
    if (Double.isNaN(value)) {
      java.util.Arrays.fill(slopes, Double.NaN);
      return slopes;
    }
    math.backward(statement.expression(), 1.0, slopes);
    return slopes;
  }

  private double evaluate(Expr expr) {
    double value;
    if (expr instanceof Expr.Literal l) {
      value = l.value();
    } else if (expr instanceof Expr.Variable v) {
      value = args[statement.argument(v.name())];
    } else if (expr instanceof Expr.Negation n) {
      value = -evaluate(n.operand());
    } else if (expr instanceof Expr.Binary b) {
      value = Op.of(b.operator()).apply(evaluate(b.left()), evaluate(b.right()));
    } else {
      Expr.Call c = (Expr.Call) expr;
      double[] in = new double[c.arguments().size()];
      for (int i = 0; i < in.length; i++) {
        in[i] = evaluate(c.arguments().get(i));
      }
      value = Op.of(c.function()).apply(in);
    }
    values.put(expr, value);
    return value;
  }

  /** Sends {@code upstream}, the derivative of the statement with respect to {@code expr}, to its variables. */
  private void backward(Expr expr, double upstream, double[] slopes) {
    if (expr instanceof Expr.Variable v) {
      slopes[statement.argument(v.name())] += upstream;
    } else if (expr instanceof Expr.Negation n) {
      backward(n.operand(), -upstream, slopes);
    } else if (expr instanceof Expr.Binary b) {
      double[] in = {values.get(b.left()), values.get(b.right())};
      Op op = Op.of(b.operator());
      backward(b.left(), upstream * op.derivative(in, values.get(b), 0), slopes);
      backward(b.right(), upstream * op.derivative(in, values.get(b), 1), slopes);
    } else if (expr instanceof Expr.Call c) {
      double[] in = new double[c.arguments().size()];
      for (int i = 0; i < in.length; i++) {
        in[i] = values.get(c.arguments().get(i));
      }
      for (int i = 0; i < in.length; i++) {
        double local = Op.of(c.function()).derivative(in, values.get(c), i);
        backward(c.arguments().get(i), upstream * local, slopes);
      }
    }
  }
}
