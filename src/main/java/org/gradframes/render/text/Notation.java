package org.gradframes.render.text;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.gradframes.expr.Expr;
import org.gradframes.graph.Edge;
import org.gradframes.graph.Graph;
import org.gradframes.graph.Node;
import org.gradframes.graph.Op;

/**
 * How the frames write names, expressions and derivatives, in the rich-text markup of {@link RichText}: names with
 * digits get subscripts (x1 as x₁, u_2 as u₂, x1w1 as x₁w₁; see {@link #name}), an unnamed operation is written as
 * its expression. Every format writes names through {@link #name}, so they read alike everywhere.
 */
public final class Notation {
  private static final int LONGEST_EXPRESSION = 32;

  private final Graph graph;
  private final int precision;
  private final boolean subscripts;
  private final Map<Integer, String> refs = new ConcurrentHashMap<>();

  /** The notation of {@code graph}, numbers to {@code precision} significant digits, names with subscripts. */
  public Notation(Graph graph, int precision) {
    this(graph, precision, true);
  }

  /** The notation of {@code graph}; without {@code subscripts}, names are written as the program spells them. */
  public Notation(Graph graph, int precision, boolean subscripts) {
    this.graph = graph;
    this.precision = precision;
    this.subscripts = subscripts;
  }

  /**
   * A program's name with subscripts. A name is read as words; a word is letters, then its subscript: the digits
   * right after the letters, and each part after an underscore (digits, or letters and digits), the parts separated
   * by commas. Letters after a subscript's digits start the next word. So {@code x1} is x_{1}, {@code w11} is
   * w_{11}, {@code x1w1} is x_{1}w_{1}, {@code h1_3} is h_{1,3}, {@code u_2} is u_{2}, {@code w4_3_1} is
   * w_{4,3,1}, {@code y_hat} is y_{hat}. An element of a vector or a matrix is its variable's name as written with
   * its index as the subscript: {@code h[2]} is h_{2}, {@code W1[2,1]} is W1_{2,1}. A name that starts with a
   * digit or {@code _}, and anything after a stray {@code _}, stays as written.
   */
  public static String name(String name) {
    return Subscripts.write(name);
  }

  /** {@code name} as {@link #name(String)} writes it, or as the program spells it without {@code subscripts}. */
  public static String name(String name, boolean subscripts) {
    return subscripts ? name(name) : name;
  }

  /** A program's name as this notation writes it. */
  private String named(String name) {
    return name(name, subscripts);
  }

  private final Map<Double, String> numbers = new ConcurrentHashMap<>();

  public String number(double value) {
    String text = numbers.get(value);
    if (text == null) {
      text = NumberText.format(value, precision);
      numbers.put(value, text);
    }
    return text;
  }

  /** A number as an operand: negative numbers in parentheses. */
  public String factor(double value) {
    String text = number(value);
    return text.startsWith("\u2212") ? "(" + text + ")" : text;
  }

  /** How a node is referred to: its name, its number, or (unnamed) its expression. */
  public String ref(int index) {
    String ref = refs.get(index);
    if (ref == null) {
      ref = computeRef(index);
      refs.put(index, ref);
    }
    return ref;
  }

  private String computeRef(int index) {
    Node node = graph.node(index);
    if (node.name() != null) {
      return named(node.name());
    }
    if (node instanceof Node.Constant c) {
      return number(c.value());
    }
    String expression = formula(index);
    if (RichText.plain(expression).length() > LONGEST_EXPRESSION) {
      return placeholder(node);
    }
    return expression;
  }

  /** A long unnamed operation, named by its operation and the statement it is in: {@code [+ in h₃,₅]}. */
  private String placeholder(Node node) {
    String statement = node.id().substring(0, node.id().lastIndexOf('-'));
    String symbol = node instanceof Node.Statement s && s.expression() instanceof org.gradframes.expr.Expr.Call c
        ? Op.of(c.function()).symbol() : ((Node.Operation) node).op().symbol();
    return "[" + symbol + " in " + named(statement) + "]";
  }

  private boolean isPlaceholder(int index) {
    Node node = graph.node(index);
    return node.name() == null && node.computed() && ref(index).equals(placeholder(node));
  }

  /** A reference as an operand of {@code parent}: an unnamed operation in parentheses where precedence needs them. */
  private String operand(int index, Op parent, boolean right) {
    Node node = graph.node(index);
    String ref = ref(index);
    if (node.name() != null || !(node instanceof Node.Operation op) || isPlaceholder(index)
        || (!infix(op.op()) && op.op() != Op.NEGATE)) {
      return ref;
    }
    int inner = precedence(op.op());
    int outer = precedence(parent);
    boolean wrap = inner < outer || parent == Op.POWER || parent == Op.NEGATE
        || (inner == outer && right && (parent == Op.SUBTRACT || parent == Op.DIVIDE));
    return wrap ? "(" + ref + ")" : ref;
  }

  /** A reference standing alone as an operand where any compound expression needs parentheses. */
  private String operand(int index) {
    return operand(index, Op.POWER, true);
  }

  /** Whether {@code op} is written between its operands, {@code a + b}, rather than as a call, {@code max(a, b)}. */
  private static boolean infix(Op op) {
    return switch (op) {
      case ADD, SUBTRACT, MULTIPLY, DIVIDE, POWER -> true;
      default -> false;
    };
  }

  private static int precedence(Op op) {
    return switch (op) {
      case ADD, SUBTRACT -> 1;
      case MULTIPLY, DIVIDE -> 2;
      case NEGATE -> 3;
      case POWER -> 4;
      default -> 5;
    };
  }

  /** The operation of node {@code index} on its inputs' references: {@code x₁ + x₂}, {@code exp(−x)}. */
  public String formula(int index) {
    Node node = graph.node(index);
    if (node instanceof Node.Statement statement) {
      return StatementNotation.write(statement.expression(), this::leaf);
    }
    if (!(node instanceof Node.Operation op)) {
      return ref(index);
    }
    List<Edge> in = graph.inputs(index);
    int a = in.get(0).from();
    return switch (op.op()) {
      case ADD, SUBTRACT, MULTIPLY, DIVIDE -> operand(a, op.op(), false) + " " + symbol(op.op()) + " "
          + operand(in.get(1).from(), op.op(), true);
      case POWER -> operand(a) + power(ref(in.get(1).from()));
      case NEGATE -> "−" + operand(a, Op.NEGATE, true);
      case IDENTITY -> ref(a);
      case MAX, MIN -> op.op().symbol() + "(" + ref(a) + ", " + ref(in.get(1).from()) + ")";
      default -> op.op().symbol() + "(" + ref(a) + ")";
    };
  }

  /** The same operation on its inputs' values: {@code −7 + 2}, {@code exp(0)}. */
  public String numbers(int index, double[] values) {
    if (graph.node(index) instanceof Node.Statement statement) {
      return StatementNotation.write(statement.expression(), leaf -> leafNumber(statement, leaf, values));
    }
    Node.Operation op = (Node.Operation) graph.node(index);
    List<Edge> in = graph.inputs(index);
    double a = values[in.get(0).from()];
    return switch (op.op()) {
      case ADD, SUBTRACT, MULTIPLY, DIVIDE -> number(a) + " " + symbol(op.op()) + " " + factor(values[in.get(1).from()]);
      case POWER -> factor(a) + power(number(values[in.get(1).from()]));
      case NEGATE -> "−" + factor(a);
      case IDENTITY -> number(a);
      case MAX, MIN -> op.op().symbol() + "(" + number(a) + ", " + number(values[in.get(1).from()]) + ")";
      default -> op.op().symbol() + "(" + number(a) + ")";
    };
  }

  private static String symbol(Op op) {
    return op == Op.MULTIPLY ? "·" : op == Op.DIVIDE ? "/" : op.symbol();
  }

  private static String power(String exponent) {
    return exponent.contains("{") ? "^(" + exponent + ")" : "^{" + exponent + "}";
  }

  /** The partial derivative ∂num/∂den of two nodes, with an optional superscript on the numerator. */
  public String partial(int numerator, int denominator, String superscript) {
    String top = grouped(numerator) + (superscript == null ? "" : "^{" + superscript + "}");
    return "∂" + top + "/∂" + grouped(denominator);
  }

  /** A reference that stands after ∂: an unnamed operation's expression in parentheses. */
  private String grouped(int index) {
    Node node = graph.node(index);
    String ref = ref(index);
    boolean compound = node.name() == null && node instanceof Node.Operation op
        && (infix(op.op()) || op.op() == Op.NEGATE) && !isPlaceholder(index);
    return compound ? "(" + ref + ")" : ref;
  }

  /**
   * The local derivative along {@code edge} as a formula in the consumer's inputs: ∂u₃/∂u₁ is {@code u₂}; empty
   * where a statement's slope has no short formula.
   */
  public String local(Edge edge) {
    if (graph.node(edge.to()) instanceof Node.Statement statement) {
      String slope = StatementNotation.slope(statement, statement.variables().get(edge.argument()), this::leaf,
          ref(edge.to()));
      return slope == null ? "" : slope;
    }
    Node.Operation op = (Node.Operation) graph.node(edge.to());
    List<Edge> in = graph.inputs(edge.to());
    String a = operand(in.get(0).from());
    String b = in.size() > 1 ? operand(in.get(1).from()) : "";
    boolean first = edge.argument() == 0;
    return switch (op.op()) {
      case ADD, IDENTITY -> "1";
      case SUBTRACT -> first ? "1" : "−1";
      case MULTIPLY -> first ? b : a;
      case DIVIDE -> first ? "1/" + b : "−" + a + "/" + b + "^{2}";
      case POWER -> first ? powerSlope(in.get(1).from(), a, b) : ref(edge.to()) + "·log(" + ref(in.get(0).from()) + ")";
      case NEGATE -> "−1";
      case SIN -> "cos(" + ref(in.get(0).from()) + ")";
      case COS -> "−sin(" + ref(in.get(0).from()) + ")";
      case TAN -> "1/cos²(" + ref(in.get(0).from()) + ")";
      case EXP -> ref(edge.to());
      case LOG -> "1/" + a;
      case SQRT -> "1/(2·sqrt(" + ref(in.get(0).from()) + "))";
      case TANH -> "1 − " + squared(edge.to());
      case SIGMOID -> grouped(edge.to()) + "·(1 − " + grouped(edge.to()) + ")";
      case RELU -> "relu′(" + ref(in.get(0).from()) + ")";
      case ABS -> "sign(" + ref(in.get(0).from()) + ")";
      case MAX -> choice(first ? a : b, first ? b : a, " > ");
      case MIN -> choice(first ? a : b, first ? b : a, " < ");
    };
  }

  /** The slope of max (or min) with respect to {@code mine}, in Iverson brackets: 1, 0, or ½ at a tie. */
  private static String choice(String mine, String other, String wins) {
    return "[" + mine + wins + other + "] + ½[" + mine + " = " + other + "]";
  }

  private String squared(int index) {
    String ref = grouped(index);
    return ref.contains("{") || ref.contains("(") ? "(" + ref + ")²" : ref + "²";
  }

  private String powerSlope(int exponent, String base, String exponentRef) {
    if (graph.node(exponent) instanceof Node.Constant c) {
      double k = c.value();
      if (k == 2) {
        return "2" + base;
      }
      return number(k) + "·" + base + power(number(k - 1));
    }
    return exponentRef + "·" + base + "^(" + exponentRef + " − 1)";
  }

  /** A variable or number of a statement's expression as the frames write it. */
  private String leaf(Expr expr) {
    if (expr instanceof Expr.Variable v) {
      Integer unnamed = unnamed().get(v.name());
      return unnamed != null ? ref(unnamed) : named(v.name());
    }
    if (expr instanceof Expr.Literal l) {
      return number(l.value());
    }
    return number(-((Expr.Literal) ((Expr.Negation) expr).operand()).value());
  }

  private volatile Map<String, Integer> unnamedIds;

  /** The unnamed statement nodes (calls taken out of longer statements) by id, which expressions use as names. */
  private Map<String, Integer> unnamed() {
    if (unnamedIds == null) {
      Map<String, Integer> ids = new java.util.HashMap<>();
      for (Node node : graph.nodes()) {
        if (node instanceof Node.Statement s && !s.named()) {
          ids.put(s.id(), s.index());
        }
      }
      unnamedIds = ids;
    }
    return unnamedIds;
  }

  private String leafNumber(Node.Statement statement, Expr expr, double[] values) {
    if (expr instanceof Expr.Variable v) {
      return number(values[statement.inputs().get(statement.argument(v.name()))]);
    }
    return leaf(expr);
  }
}
