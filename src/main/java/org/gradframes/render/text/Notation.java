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
  private final boolean marked;
  private final Map<Integer, String> refs = new ConcurrentHashMap<>();
  /** The tags of the unnamed operations too long to write out, by node. */
  private final Map<Integer, String> tags = new java.util.HashMap<>();

  /** The notation of {@code graph}, numbers to {@code precision} significant digits, names with subscripts. */
  public Notation(Graph graph, int precision) {
    this(graph, precision, true);
  }

  /** The notation of {@code graph}; without {@code subscripts}, names are written as the program spells them. */
  public Notation(Graph graph, int precision, boolean subscripts) {
    this(graph, precision, subscripts, false);
  }

  /** The notation of {@code graph}; with {@code marked}, the numbers of quantities are {@link Slots} marked. */
  public Notation(Graph graph, int precision, boolean subscripts, boolean marked) {
    this.graph = graph;
    this.precision = precision;
    this.subscripts = subscripts;
    this.marked = marked;
    tag();
  }

  /** Whether the numbers of quantities are marked as slots. */
  public boolean marked() {
    return marked;
  }

  /**
   * A program's name with subscripts. A name is read as words; a word is letters, then its subscript: the digits
   * right after the letters, and each part after an underscore (digits, or letters and digits), the parts separated
   * by commas. Letters after a subscript's digits start the next word. So {@code x1} is x_{1}, {@code w11} is
   * w_{11}, {@code x1w1} is x_{1}w_{1}, {@code h1_3} is h_{1,3}, {@code u_2} is u_{2}, {@code w4_3_1} is
   * w_{4,3,1}, {@code y_hat} is y_{hat}. An element of a vector or a matrix is its variable's name by this rule
   * with its index in brackets: {@code h[2]} is h[2], {@code b1[1]} is b_{1}[1], {@code W2[1,3]} is W_{2}[1,3]. A name that starts with a
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

  /**
   * A number the program writes (a constant, an exponent) as the frames show it: with fixed decimals, in the
   * significant digits it was written with ({@code u²}, not {@code u^2.00}), since it is part of a formula rather
   * than a result; otherwise as {@link #number}.
   */
  public String literal(double value) {
    return precision < 0 ? NumberText.format(value, 15) : number(value);
  }

  /** A number as an operand: negative numbers in parentheses. */
  public String factor(double value) {
    String text = number(value);
    return text.startsWith("\u2212") ? "(" + text + ")" : text;
  }

  /** The number of quantity {@code slot} (see {@link Slots}), marked as that slot's where this notation marks. */
  public String number(double value, String slot) {
    return marked ? Slots.mark(slot, number(value)) : number(value);
  }

  /** {@link #factor} of quantity {@code slot}, marked as the slot's factor ({@code (} before its name). */
  public String factor(double value, String slot) {
    return marked ? Slots.mark("(" + slot, factor(value)) : factor(value);
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
      return literal(c.value());
    }
    String tag = tags.get(index);
    return tag != null ? tag : formula(index);
  }

  /**
   * The tag of node {@code index}, or null: an unnamed operation whose expression is longer than
   * {@value #LONGEST_EXPRESSION} characters is referred to by its operation, numbered in source order where the
   * program has several such operations with that symbol: {@code [log]}, {@code [+ #1]}, {@code [+ #2]}. No two
   * nodes share a tag, and a tag never names a statement, so {@code lse = m + [log]} cannot read as lse defined by
   * itself. The node's own box shows its tag, so a reader finds what a caption refers to.
   */
  public String tag(int index) {
    return tags.get(index);
  }

  /** Tags the unnamed operations too long to write: first all numbered, then unnumbered where alone. */
  private void tag() {
    Map<String, Integer> counts = new java.util.HashMap<>();
    for (Node node : graph.nodes()) {
      if (node.computed() && node.name() == null
          && RichText.plain(formula(node.index())).length() > LONGEST_EXPRESSION) {
        String symbol = symbolOf(node);
        tags.put(node.index(), "[" + symbol + " #" + counts.merge(symbol, 1, Integer::sum) + "]");
      }
    }
    tags.replaceAll((index, tag) -> counts.get(symbolOf(graph.node(index))) == 1
        ? "[" + symbolOf(graph.node(index)) + "]" : tag);
    refs.clear();
  }

  private static String symbolOf(Node node) {
    return node instanceof Node.Statement s && s.expression() instanceof Expr.Call c
        ? Op.of(c.function()).symbol() : node instanceof Node.Operation o ? o.op().symbol() : "=";
  }

  /** Whether node {@code index} is referred to by its tag. */
  private boolean isPlaceholder(int index) {
    return tags.containsKey(index);
  }

  /** A reference as an operand of {@code parent}: an unnamed operation in parentheses where precedence needs them. */
  private String operand(int index, Op parent, boolean right) {
    return wrap(index, ref(index), parent, right);
  }

  /** {@code ref}, which stands for node {@code index}, in parentheses where an operand of {@code parent} needs them. */
  private String wrap(int index, String ref, Op parent, boolean right) {
    Node node = graph.node(index);
    if (node.name() != null || !(node instanceof Node.Operation op) || isPlaceholder(index)
        || (!op.op().infix() && op.op() != Op.NEGATE)) {
      return ref;
    }
    return op.op().parenthesizedIn(parent, right) ? "(" + ref + ")" : ref;
  }

  /** A reference standing alone as an operand where any compound expression needs parentheses. */
  private String operand(int index) {
    return operand(index, Op.POWER, true);
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

  /**
   * Node {@code index}'s formula written shorter and shorter, for a header that must fit one line: the whole
   * formula first, then a statement written with vectors as the program writes it, then with one part or every
   * part below some depth written as its operation on {@code …}, longest first, down to the operation alone
   * ({@code (… + …) / 2}, {@code m + log(…)}). Each is true of the node and none is cut, so no
   * operation is hidden the way a cut line hides the {@code / 2} of {@code (1 − t…}.
   */
  public List<String> formulas(int index) {
    List<String> forms = formulas.get(index);
    if (forms == null) {
      forms = writeFormulas(index);
      formulas.put(index, forms);
    }
    return forms;
  }

  /** Each node's {@link #formulas}, written once: a header is fitted in every frame. */
  private final Map<Integer, List<String>> formulas = new ConcurrentHashMap<>();

  private List<String> writeFormulas(int index) {
    Node node = graph.node(index);
    List<String> forms = new java.util.ArrayList<>();
    forms.add(formula(index));
    if (node instanceof Node.Statement statement && statement.written() != null) {
      // Too long written out element by element, a statement written with vectors is shown as the program says it.
      forms.add(StatementNotation.vectors(statement.written(), this::named));
    }
    if (node instanceof Node.Statement statement) {
      Expr expression = statement.expression();
      // Shorter and shorter: one part cut, or every part below some depth, the longest first.
      List<String> shorter = new java.util.ArrayList<>(cutOnce(expression));
      for (int depth = StatementNotation.depth(expression) - 1; depth >= 0; depth--) {
        shorter.add(StatementNotation.write(expression, this::leaf, this::briefLeaf, depth));
      }
      shorter.sort(java.util.Comparator.comparingInt(String::length).reversed());
      forms.addAll(shorter);
    } else if (node instanceof Node.Operation) {
      forms.add(briefFormula(index));
    }
    return List.copyOf(new java.util.LinkedHashSet<>(forms));
  }

  /** The most operations of a statement whose formulas with one part cut are tried for its header. */
  private static final int CUT_ONCE_LIMIT = 200;

  /**
   * {@code expression} with one of its operations written as its shape on {@code …}, each way: the part that makes
   * a formula too long is cut and the rest stays written out
   * ({@code (0.5·(x[1] − mu) − (x[2] − mu)) / sqrt(…)}).
   */
  private List<String> cutOnce(Expr expression) {
    List<Expr> parts = new java.util.ArrayList<>();
    collect(expression, parts);
    if (parts.size() < 2 || parts.size() > CUT_ONCE_LIMIT) {
      return List.of();
    }
    List<String> forms = new java.util.ArrayList<>();
    for (Expr part : parts.subList(1, parts.size())) {
      java.util.Set<Expr> cut = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
      cut.add(part);
      forms.add(StatementNotation.write(expression, this::leaf, this::briefLeaf, cut, Integer.MAX_VALUE));
    }
    return forms;
  }

  /** Every operation of {@code expr}, outermost first, until there are more than {@link #CUT_ONCE_LIMIT}. */
  private static void collect(Expr expr, List<Expr> into) {
    java.util.Deque<Expr> open = new java.util.ArrayDeque<>(List.of(expr));
    while (!open.isEmpty() && into.size() <= CUT_ONCE_LIMIT) {
      Expr e = open.removeFirst();
      if (e instanceof Expr.Negation n && !(n.operand() instanceof Expr.Literal)) {
        into.add(e);
        open.addLast(n.operand());
      } else if (e instanceof Expr.Binary b) {
        into.add(e);
        open.addLast(b.left());
        open.addLast(b.right());
      } else if (e instanceof Expr.Call c) {
        into.add(e);
        open.addAll(c.arguments());
      }
    }
  }

  /** The operation of node {@code index} on its inputs, each unnamed one written as its operation on {@code …}. */
  private String briefFormula(int index) {
    Op op = ((Node.Operation) graph.node(index)).op();
    List<Edge> in = graph.inputs(index);
    int a = in.get(0).from();
    int b = in.size() > 1 ? in.get(1).from() : -1;
    return switch (op) {
      case ADD, SUBTRACT, MULTIPLY, DIVIDE -> wrap(a, brief(a), op, false) + " " + symbol(op) + " "
          + wrap(b, brief(b), op, true);
      case POWER -> wrap(a, brief(a), Op.POWER, false) + "^(" + brief(b) + ")";
      case NEGATE -> "−" + wrap(a, brief(a), Op.NEGATE, true);
      case IDENTITY -> brief(a);
      case MAX, MIN -> op.symbol() + "(" + brief(a) + ", " + brief(b) + ")";
      default -> op.symbol() + "(" + brief(a) + ")";
    };
  }

  /** A node as an operand of a shortened formula: its reference, or an unnamed operation's shape on {@code …}. */
  private String brief(int index) {
    Node node = graph.node(index);
    if (node.name() != null || !node.computed() || isPlaceholder(index)) {
      return ref(index);
    }
    return shape(node);
  }

  private static String shape(Node node) {
    if (node instanceof Node.Operation o) {
      return o.op().infix() ? "… " + symbol(o.op()) + " …" : o.op() == Op.NEGATE ? "−…" : o.op().symbol() + "(…)";
    }
    return symbolOf(node) + "(…)";
  }

  /** A variable of a shortened statement: an unnamed statement written as its call on {@code …}. */
  private String briefLeaf(Expr expr) {
    if (expr instanceof Expr.Variable v) {
      Integer unnamed = unnamed().get(v.name());
      if (unnamed != null && !isPlaceholder(unnamed)) {
        return shape(graph.node(unnamed));
      }
    }
    return leaf(expr);
  }

  /** The same operation on its inputs' values: {@code −7 + 2}, {@code exp(0)}. */
  public String numbers(int index, double[] values) {
    if (graph.node(index) instanceof Node.Statement statement) {
      return StatementNotation.write(statement.expression(), leaf -> leafNumber(statement, leaf, values));
    }
    Node.Operation op = (Node.Operation) graph.node(index);
    List<Edge> in = graph.inputs(index);
    int a = in.get(0).from();
    int b = in.size() > 1 ? in.get(1).from() : -1;
    return switch (op.op()) {
      case ADD, SUBTRACT, MULTIPLY, DIVIDE -> operand(a, values) + " " + symbol(op.op()) + " " + factor(b, values);
      case POWER -> factor(a, values) + power(operand(b, values));
      case NEGATE -> "−" + factor(a, values);
      case IDENTITY -> operand(a, values);
      case MAX, MIN -> op.op().symbol() + "(" + operand(a, values) + ", " + operand(b, values) + ")";
      default -> op.op().symbol() + "(" + operand(a, values) + ")";
    };
  }

  private String factor(int node, double[] values) {
    return graph.node(node) instanceof Node.Constant ? factor(values[node]) : factor(values[node], Slots.value(node));
  }

  /** An operand's number: a slot of its node's value, but a constant's, which no input changes, as it is. */
  private String operand(int node, double[] values) {
    return graph.node(node) instanceof Node.Constant ? number(values[node]) : number(values[node], Slots.value(node));
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

  /**
   * The name of the local partial along {@code edge}: {@code ∂u/∂f}, or, where u takes f more than once
   * ({@code L = f · f}), the partial along this one edge only, marked with the number of the path it is on:
   * {@code ∂L⁽¹⁾/∂f}, as the captions mark each path's contribution, so it never reads as the whole ∂L/∂f.
   */
  public String localPartial(Edge edge, int path) {
    long parallel = graph.inputs(edge.to()).stream().filter(e -> e.from() == edge.from()).count();
    return partial(edge.to(), edge.from(), parallel > 1 ? "(" + path + ")" : null);
  }

  /**
   * {@link #localPartial} with each unnamed operation written as its shape on {@code …}: {@code ∂log(…)/∂(… + …)},
   * for a label beside the edge between the two boxes, where the whole name would not fit.
   */
  public String briefLocalPartial(Edge edge, int path) {
    long parallel = graph.inputs(edge.to()).stream().filter(e -> e.from() == edge.from()).count();
    return briefPartial(edge.to(), edge.from(), parallel > 1 ? "(" + path + ")" : null);
  }

  /** {@link #partial} with each unnamed operation written as its shape on {@code …}. */
  public String briefPartial(int numerator, int denominator, String superscript) {
    return "∂" + briefGrouped(numerator) + (superscript == null ? "" : "^{" + superscript + "}") + "/∂"
        + briefGrouped(denominator);
  }

  private String briefGrouped(int index) {
    String brief = brief(index);
    if (brief.equals(ref(index))) {
      return grouped(index);
    }
    return brief.startsWith("…") || brief.startsWith("−") ? "(" + brief + ")" : brief;
  }

  /** A reference that stands after ∂: an unnamed operation's expression in parentheses. */
  private String grouped(int index) {
    Node node = graph.node(index);
    String ref = ref(index);
    boolean compound = node.name() == null && node instanceof Node.Operation op
        && (op.op().infix() || op.op() == Op.NEGATE) && !isPlaceholder(index);
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
      return literal(k) + "·" + base + power(literal(k - 1));
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
      return literal(l.value());
    }
    return literal(-((Expr.Literal) ((Expr.Negation) expr).operand()).value());
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
      int input = statement.inputs().get(statement.argument(v.name()));
      return number(values[input], Slots.value(input));
    }
    return leaf(expr);
  }
}
