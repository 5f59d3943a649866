package org.gradframes.render.text;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.gradframes.expr.Expr;
import org.gradframes.graph.Node;
import org.gradframes.graph.Op;

/**
 * How a whole statement is written: its expression in the frames' notation ({@code tanh(w₁₁·x₁ + b₁)}), the same
 * with numbers in place of names, and the short formula of its slope with respect to one of its variables where
 * the statement has one of the shapes teachers draw (an operation on variables, an activation of a weighted sum).
 */
final class StatementNotation {
  /** Slope formulas longer than this are left out: the label shows the number alone. */
  private static final int LONGEST_SLOPE = 16;

  private StatementNotation() {}

  /** No limit on how deep an expression is written out. */
  private static final int WHOLE = Integer.MAX_VALUE;

  /** {@code expr} written with {@code leaf} for each variable and number. */
  static String write(Expr expr, Function<Expr, String> leaf) {
    return write(expr, leaf, leaf, WHOLE);
  }

  /**
   * {@code expr} written out {@code depth} levels deep: below that, an operation is written as its shape on
   * {@code …} ({@code … + …}, {@code max(…)}) and a variable with {@code brief} (a variable counts as one level:
   * it may stand for an unnamed call). A chain of operations of one
   * precedence ({@code a + b + c}) is one level.
   */
  static String write(Expr expr, Function<Expr, String> leaf, Function<Expr, String> brief, int depth) {
    return write(expr, leaf, brief, java.util.Collections.emptySet(), depth);
  }

  /**
   * {@code expr} as {@link #write(Expr, Function, Function, int)} writes it, with each operation of {@code cut}
   * (by identity) written as its shape on {@code …} too.
   */
  static String write(Expr expr, Function<Expr, String> leaf, Function<Expr, String> brief, java.util.Set<Expr> cut,
      int depth) {
    if (expr instanceof Expr.Literal || expr instanceof Expr.Negation n && n.operand() instanceof Expr.Literal) {
      return leaf.apply(expr);
    }
    if (expr instanceof Expr.Variable) {
      return depth >= 1 ? leaf.apply(expr) : brief.apply(expr);
    }
    if (depth <= 0 || cut.contains(expr)) {
      return shape(expr);
    }
    if (expr instanceof Expr.Negation n) {
      return "−" + operand(n.operand(), Op.NEGATE, true, leaf, brief, cut, depth - 1);
    }
    if (expr instanceof Expr.Binary b) {
      Op op = Op.of(b.operator());
      if (op == Op.POWER) {
        return power(b.left(), b.right(), leaf, brief, cut, depth);
      }
      return chain(b, leaf, brief, cut, depth);
    }
    Expr.Call c = (Expr.Call) expr;
    if (c.function() == Expr.Function.POW) {
      return power(c.arguments().get(0), c.arguments().get(1), leaf, brief, cut, depth);
    }
    List<String> arguments = new ArrayList<>();
    for (Expr argument : c.arguments()) {
      arguments.add(write(argument, leaf, brief, cut, depth - 1));
    }
    return Op.of(c.function()).symbol() + "(" + String.join(", ", arguments) + ")";
  }

  /**
   * The most characters a chain of operations is written out to: past it, {@code + …}. Every place that shows a
   * statement clips it far sooner, and a statement of a million terms is written in linear time, not quadratic.
   */
  static final int LONGEST_CHAIN = 2_000;

  /**
   * A chain of operations of one precedence ({@code a + b − c}), written from its innermost left operand by a loop
   * rather than a recursion as deep as the chain is long; as written, it would be {@code operand(left) op
   * operand(right)} at every link.
   */
  private static String chain(Expr.Binary top, Function<Expr, String> leaf, Function<Expr, String> brief,
      java.util.Set<Expr> cut, int depth) {
    List<Expr.Binary> links = new ArrayList<>(List.of(top));
    while (chained(links.get(links.size() - 1))) {
      links.add((Expr.Binary) links.get(links.size() - 1).left());
    }
    Expr.Binary bottom = links.get(links.size() - 1);
    StringBuilder out = new StringBuilder(operand(bottom.left(), Op.of(bottom.operator()), false, leaf, brief, cut,
        depth - 1));
    // A product is written tight (w·x) unless its chain also divides: lambd / 2 · s, not lambd / 2·s, which reads
    // as lambd / (2·s).
    boolean divides = links.stream().anyMatch(l -> Op.of(l.operator()) == Op.DIVIDE);
    for (int i = links.size() - 1; i >= 0; i--) {
      Op op = Op.of(links.get(i).operator());
      String symbol = op == Op.MULTIPLY ? "·" : op == Op.DIVIDE ? "/" : op.symbol();
      out.append(op == Op.MULTIPLY && !divides ? symbol : " " + symbol + " ");
      if (out.length() > LONGEST_CHAIN) {
        return out.append('…').toString();
      }
      out.append(operand(links.get(i).right(), op, true, leaf, brief, cut, depth - 1));
    }
    return out.toString();
  }

  /** Whether {@code b}'s left operand continues its chain: an operation of the same precedence. */
  private static boolean chained(Expr.Binary b) {
    return b.left() instanceof Expr.Binary l && Op.of(l.operator()) != Op.POWER
        && Op.of(l.operator()).precedence() == Op.of(b.operator()).precedence();
  }

  /** An operation as its symbol on {@code …}: {@code … + …}, {@code −…}, {@code max(…)}. */
  private static String shape(Expr expr) {
    if (expr instanceof Expr.Negation) {
      return "−…";
    }
    if (expr instanceof Expr.Binary b) {
      Op op = Op.of(b.operator());
      return op == Op.POWER ? "…^(…)" : "… " + (op == Op.MULTIPLY ? "·" : op == Op.DIVIDE ? "/" : op.symbol()) + " …";
    }
    Expr.Call c = (Expr.Call) expr;
    return c.function() == Expr.Function.POW ? "…^(…)" : Op.of(c.function()).symbol() + "(…)";
  }

  /** How many levels {@link #write} has to go down to write {@code expr} whole. */
  static int depth(Expr expr) {
    if (expr instanceof Expr.Variable) {
      return 1;
    }
    if (expr instanceof Expr.Negation n) {
      return n.operand() instanceof Expr.Literal ? 0 : 1 + depth(n.operand());
    }
    if (expr instanceof Expr.Binary b) {
      return Math.max(chained(b) ? depth(b.left()) : 1 + depth(b.left()), 1 + depth(b.right()));
    }
    if (expr instanceof Expr.Call c) {
      int deepest = 0;
      for (Expr argument : c.arguments()) {
        deepest = Math.max(deepest, depth(argument));
      }
      return 1 + deepest;
    }
    return 0;
  }

  /**
   * A statement's right side as a vector program writes it ({@code p @ log(p) − p @ z}), with {@code name} writing
   * each variable and element: {@code @} for a matrix product, the frames' symbols for the rest.
   */
  static String vectors(Expr expr, Function<String, String> name) {
    if (expr instanceof Expr.Literal l) {
      return l.text();
    }
    if (expr instanceof Expr.Variable v) {
      return name.apply(v.name());
    }
    if (expr instanceof Expr.Negation n) {
      String operand = vectors(n.operand(), name);
      return "−" + (rank(n.operand()) < NEGATION ? "(" + operand + ")" : operand);
    }
    if (expr instanceof Expr.Binary b) {
      int rank = rank(b);
      String left = vectors(b.left(), name);
      String right = vectors(b.right(), name);
      boolean power = b.operator() == Expr.Operator.POWER;
      if (rank(b.left()) < rank || power && rank(b.left()) == rank) {
        left = "(" + left + ")";
      }
      if (!power && (rank(b.right()) <= rank || b.right() instanceof Expr.Negation)) {
        right = "(" + right + ")";
      }
      return switch (b.operator()) {
        case POWER -> left + (b.right() instanceof Expr.Literal ? "^{" + right + "}" : "^(" + right + ")");
        case MATMUL -> left + " @ " + right;
        case MULTIPLY -> left + "·" + right;
        case DIVIDE -> left + " / " + right;
        case SUBTRACT -> left + " − " + right;
        case ADD -> left + " + " + right;
      };
    }
    if (expr instanceof Expr.Call c) {
      List<String> arguments = new ArrayList<>();
      for (Expr argument : c.arguments()) {
        arguments.add(vectors(argument, name));
      }
      return c.function().spelling() + "(" + String.join(", ", arguments) + ")";
    }
    if (expr instanceof Expr.Vector v) {
      List<String> elements = new ArrayList<>();
      for (Expr element : v.elements()) {
        elements.add(vectors(element, name));
      }
      return "[" + String.join(", ", elements) + "]";
    }
    Expr.Index index = (Expr.Index) expr;
    List<String> at = new ArrayList<>();
    for (int i : index.indices()) {
      at.add(String.valueOf(i));
    }
    return index.target() instanceof Expr.Variable v ? name.apply(v.name() + "[" + String.join(",", at) + "]")
        : "(" + vectors(index.target(), name) + ")[" + String.join(",", at) + "]";
  }

  private static final int NEGATION = 3;

  /** How tightly {@code expr} binds as an operand: a sum 1, a product 2, a negation 3, a power 4, the rest 5. */
  private static int rank(Expr expr) {
    if (expr instanceof Expr.Negation n) {
      return n.operand() instanceof Expr.Literal ? 5 : NEGATION;
    }
    if (expr instanceof Expr.Binary b) {
      return switch (b.operator()) {
        case ADD, SUBTRACT -> 1;
        case MULTIPLY, DIVIDE, MATMUL -> 2;
        case POWER -> 4;
      };
    }
    return 5;
  }

  /** {@code base ^ exponent}, whether written with {@code ^} or as {@code pow(base, exponent)}. */
  private static String power(Expr base, Expr exponent, Function<Expr, String> leaf, Function<Expr, String> brief,
      java.util.Set<Expr> cut, int depth) {
    String up = write(exponent, leaf, brief, cut, depth - 1);
    String down = operand(base, Op.POWER, false, leaf, brief, cut, depth - 1);
    return down + (up.contains("{") || !(exponent instanceof Expr.Literal) ? "^(" + up + ")" : "^{" + up + "}");
  }

  private static String operand(Expr expr, Op parent, boolean right, Function<Expr, String> leaf,
      Function<Expr, String> brief, java.util.Set<Expr> cut, int depth) {
    String text = write(expr, leaf, brief, cut, depth);
    Op inner = expr instanceof Expr.Binary b ? Op.of(b.operator())
        : expr instanceof Expr.Call c && c.function() == Expr.Function.POW ? Op.POWER
        : expr instanceof Expr.Negation n && !(n.operand() instanceof Expr.Literal) ? Op.NEGATE : null;
    if (inner == null) {
      boolean negativeLeaf = text.startsWith("−") && parent != Op.ADD;
      return negativeLeaf && (right || parent == Op.POWER || parent == Op.NEGATE) ? "(" + text + ")" : text;
    }
    return inner.parenthesizedIn(parent, right) ? "(" + text + ")" : text;
  }

  /**
   * The slope of {@code statement} with respect to {@code variable} as a short formula, or null: for an operation
   * on two leaves its local derivative ({@code ∂u/∂a = b} for {@code u = a·b}), for an activation of a weighted sum
   * in which the variable appears once the activation's slope times its coefficient
   * ({@code ∂h/∂w = (1 − h²)·x} for {@code h = tanh(w·x + b)}).
   */
  static String slope(Node.Statement statement, String variable, Function<Expr, String> leaf, String self) {
    Expr expr = statement.expression();
    String single = single(expr, variable, leaf, self);
    if (single != null) {
      return RichText.plain(single).length() > LONGEST_SLOPE ? null : single;
    }
    String outer = "1";
    if (expr instanceof Expr.Call c && activation(c.function(), self) != null) {
      outer = activation(c.function(), self);
      expr = c.argument();
    }
    String coefficient = coefficient(expr, variable, leaf);
    if (coefficient == null) {
      return null;
    }
    String slope = outer.equals("1") ? coefficient : coefficient.equals("1") ? outer : outer + "·" + coefficient;
    return RichText.plain(slope).length() > LONGEST_SLOPE ? null : slope;
  }

  private static boolean leaf(Expr expr) {
    return expr instanceof Expr.Variable || expr instanceof Expr.Literal
        || expr instanceof Expr.Negation n && n.operand() instanceof Expr.Literal;
  }

  private static boolean is(Expr expr, String variable) {
    return expr instanceof Expr.Variable v && v.name().equals(variable);
  }

  /**
   * The slope of a statement that is one operation on variables and numbers, as the operations view writes it
   * ({@code 2u₂} for {@code u₄ = u₂^2}, {@code cos(x)} for {@code y = sin(x)}), or null for any other statement.
   */
  private static String single(Expr expr, String variable, Function<Expr, String> leaf, String self) {
    if (expr instanceof Expr.Binary b && leaf(b.left()) && leaf(b.right()) && !(is(b.left(), variable)
        && is(b.right(), variable))) {
      boolean first = is(b.left(), variable);
      return switch (b.operator()) {
        case ADD -> "1";
        case SUBTRACT -> first ? "1" : "−1";
        case MULTIPLY -> leaf.apply(first ? b.right() : b.left());
        case DIVIDE -> first ? "1/" + leaf.apply(b.right()) : "−" + leaf.apply(b.left()) + "/" + leaf.apply(b.right())
            + "^{2}";
        case POWER -> first && b.right() instanceof Expr.Literal k ? power(k, leaf.apply(b.left()), leaf) : null;
        default -> null;
      };
    }
    if (expr instanceof Expr.Call c && c.arguments().size() == 1 && is(c.argument(), variable)) {
      String x = leaf.apply(c.argument());
      return switch (c.function()) {
        case SIN -> "cos(" + x + ")";
        case COS -> "−sin(" + x + ")";
        case EXP -> self;
        case LOG -> "1/" + x;
        case SQRT -> "1/(2" + self + ")";
        case TANH, SIGMOID, RELU -> activation(c.function(), self);
        case ABS -> "sign(" + x + ")";
        default -> null;
      };
    }
    return null;
  }

  private static String power(Expr.Literal k, String base, Function<Expr, String> leaf) {
    if (k.value() == 2) {
      return "2" + base;
    }
    String less = leaf.apply(new Expr.Literal(k.value() - 1, k.text(), k.position()));
    return leaf.apply(k) + "·" + base + "^{" + less + "}";
  }

  private static String activation(Expr.Function function, String self) {
    return switch (function) {
      case TANH -> "(1 − " + self + "²)";
      case SIGMOID -> self + "(1 − " + self + ")";
      case EXP -> self;
      case RELU -> "[" + self + " > 0]";
      default -> null;
    };
  }

  /** The factor {@code variable} is multiplied by in a sum of terms where it appears once, or null. */
  private static String coefficient(Expr expr, String variable, Function<Expr, String> leaf) {
    if (expr instanceof Expr.Variable v) {
      return v.name().equals(variable) ? "1" : null;
    }
    if (!(expr instanceof Expr.Binary b)) {
      return null;
    }
    Op op = Op.of(b.operator());
    boolean inLeft = uses(b.left(), variable);
    boolean inRight = uses(b.right(), variable);
    if (inLeft == inRight) {
      return null;
    }
    if (op == Op.ADD || (op == Op.SUBTRACT && inLeft)) {
      return coefficient(inLeft ? b.left() : b.right(), variable, leaf);
    }
    if (op == Op.SUBTRACT) {
      String c = coefficient(b.right(), variable, leaf);
      return c == null ? null : c.equals("1") ? "−1" : "−" + c;
    }
    if (op == Op.MULTIPLY) {
      Expr mine = inLeft ? b.left() : b.right();
      Expr other = inLeft ? b.right() : b.left();
      boolean leafOther = other instanceof Expr.Variable || other instanceof Expr.Literal
          || other instanceof Expr.Negation n && n.operand() instanceof Expr.Literal;
      return mine instanceof Expr.Variable && leafOther ? leaf.apply(other) : null;
    }
    return null;
  }

  private static boolean uses(Expr expr, String variable) {
    if (expr instanceof Expr.Variable v) {
      return v.name().equals(variable);
    }
    if (expr instanceof Expr.Negation n) {
      return uses(n.operand(), variable);
    }
    if (expr instanceof Expr.Binary b) {
      return uses(b.left(), variable) || uses(b.right(), variable);
    }
    return expr instanceof Expr.Call c && c.arguments().stream().anyMatch(a -> uses(a, variable));
  }
}
