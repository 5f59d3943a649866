package org.gradframes.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gradframes.expr.Expr;
import org.gradframes.expr.Position;
import org.gradframes.expr.Program;
import org.gradframes.expr.Statement;
import org.gradframes.expr.Suggestions;

/** Builds the graph of a program: one node per variable, per operation and per constant. */
public final class GraphBuilder {
  private final List<Node> nodes = new ArrayList<>();
  private final Map<String, Integer> names = new HashMap<>();
  private final Map<String, Position> definedAt = new HashMap<>();
  /** The names defined so far, in the order of their statements. */
  private final List<String> defined = new ArrayList<>();
  /** Where each name of the program is first defined, also those not reached yet. */
  private final Map<String, Position> everyName = new HashMap<>();
  private final boolean expand;
  /** The value of every node so far, by index, kept only to expand: an expansion follows its argument's sign. */
  private final List<Double> values = new ArrayList<>();
  private final int maxNodes;
  private String statementName;
  private int unnamedCount;

  private GraphBuilder(boolean expand, int maxNodes) {
    this.expand = expand;
    this.maxNodes = maxNodes;
  }

  /**
   * Returns the graph of {@code program}.
   *
   * @throws UndefinedNameException when a name is used before it is defined
   * @throws DuplicateNameException when a name is defined twice
   */
  public static Graph build(Program program) {
    return build(program, false);
  }

  /**
   * Returns the graph of {@code program}; with {@code expand}, the composite functions are drawn as their
   * primitives: sigmoid(a) as 1 / (1 + exp(-a)), tanh(a) as (exp(a) - exp(-a)) / (exp(a) + exp(-a)), tan(a) as
   * sin(a) / cos(a). Gradients are the same either way.
   *
   * @throws UndefinedNameException when a name is used before it is defined
   * @throws DuplicateNameException when a name is defined twice
   */
  public static Graph build(Program program, boolean expand) {
    return build(program, expand, null);
  }

  /**
   * Returns the graph of {@code program} as {@link #build(Program, boolean)} does, with the variable named
   * {@code output} as its output (null for the last statement).
   *
   * @throws UndefinedNameException when a name is used before it is defined
   * @throws DuplicateNameException when a name is defined twice
   * @throws IllegalArgumentException when no statement defines {@code output}
   */
  public static Graph build(Program program, boolean expand, String output) {
    return build(program, expand, output, Integer.MAX_VALUE);
  }

  /**
   * Returns the graph of {@code program} as {@link #build(Program, boolean, String)} does, stopping at the first
   * node past {@code maxNodes}: a program too big to lay out is refused without building the rest of its graph.
   *
   * @throws GraphTooLargeException when the graph would have more than {@code maxNodes} nodes
   * @throws UndefinedNameException when a name is used before it is defined
   * @throws DuplicateNameException when a name is defined twice
   * @throws IllegalArgumentException when no statement defines {@code output}
   */
  public static Graph build(Program program, boolean expand, String output, int maxNodes) {
    String out = outputName(program, output);
    GraphBuilder builder = new GraphBuilder(expand, maxNodes);
    for (Statement statement : program.statements()) {
      builder.everyName.putIfAbsent(statement.name(), statement.position());
    }
    for (Statement statement : program.statements()) {
      builder.statement(statement);
    }
    return new Graph(builder.nodes, builder.names.get(out));
  }

  /** The output's name: {@code output}, or the last statement's when it is null. */
  private static String outputName(Program program, String output) {
    if (output == null) {
      return program.output().name();
    }
    if (program.statements().stream().noneMatch(s -> s.name().equals(output))) {
      throw new IllegalArgumentException("no statement defines '" + output + "'");
    }
    return output;
  }

  /**
   * Returns the graph of {@code program} with a node per statement: its inputs, and each other statement as one
   * node computed from the variables it uses; a function call inside a longer statement whose argument uses two or
   * more variables is a node of its own.
   *
   * @throws UndefinedNameException when a name is used before it is defined
   * @throws DuplicateNameException when a name is defined twice
   */
  public static Graph statements(Program program) {
    return statements(program, null);
  }

  /**
   * Returns the statement graph of {@code program} as {@link #statements(Program)} does, with the variable named
   * {@code output} as its output (null for the last statement).
   *
   * @throws UndefinedNameException when a name is used before it is defined
   * @throws DuplicateNameException when a name is defined twice
   * @throws IllegalArgumentException when no statement defines {@code output}
   */
  public static Graph statements(Program program, String output) {
    return statements(program, output, Integer.MAX_VALUE);
  }

  /**
   * Returns the statement graph of {@code program} as {@link #statements(Program, String)} does, stopping at the
   * first node past {@code maxNodes}.
   *
   * @throws GraphTooLargeException when the statement graph would have more than {@code maxNodes} nodes
   * @throws UndefinedNameException when a name is used before it is defined
   * @throws DuplicateNameException when a name is defined twice
   * @throws IllegalArgumentException when no statement defines {@code output}
   */
  public static Graph statements(Program program, String output, int maxNodes) {
    build(program, false, output);
    return StatementGraph.of(program, outputName(program, output), maxNodes);
  }

  private void statement(Statement statement) {
    String name = statement.name();
    if (names.containsKey(name)) {
      throw new DuplicateNameException(statement.position(),
          "'" + name + "' is already defined at " + definedAt.get(name) + ".");
    }
    statementName = name;
    unnamedCount = 0;
    int index;
    if (statement.isInput()) {
      index = add(new Node.Input(nodes.size(), name, statement.inputValue(), statement.position()));
    } else if (statement.value() instanceof Expr.Variable v) {
      index = add(new Node.Operation(nodes.size(), name, name, Op.IDENTITY, List.of(use(v)), v.position()));
    } else {
      index = expression(statement.value(), name);
    }
    names.put(name, index);
    definedAt.put(name, statement.position());
    defined.add(name);
  }

  /** Adds the nodes of {@code expr}; the top operation gets {@code name} (null for inner ones). */
  private int expression(Expr expr, String name) {
    if (expr instanceof Expr.Literal l) {
      return constant(l.value(), l.text(), l.position());
    }
    if (expr instanceof Expr.Variable v) {
      return use(v);
    }
    if (expr instanceof Expr.Negation n) {
      if (n.operand() instanceof Expr.Literal l) {
        return constant(-l.value(), "-" + l.text(), n.position());
      }
      return operation(name, Op.NEGATE, n.position(), expression(n.operand(), null));
    }
    if (expr instanceof Expr.Binary b) {
      return chain(b, name);
    }
    if (!(expr instanceof Expr.Call c)) {
      throw new IllegalArgumentException("vectors are written out as scalars before graphs are built"
          + " (Vectors.expand, which Parser.program calls)");
    }
    int[] arguments = new int[c.arguments().size()];
    for (int i = 0; i < arguments.length; i++) {
      arguments[i] = expression(c.arguments().get(i), null);
    }
    int argument = arguments[0];
    if (expand && c.function() == Expr.Function.SIGMOID) {
      return sigmoid(name, c.position(), argument);
    }
    if (expand && c.function() == Expr.Function.TANH) {
      return tanh(name, c.position(), argument);
    }
    if (expand && c.function() == Expr.Function.TAN) {
      int sin = operation(null, Op.SIN, c.position(), argument);
      return operation(name, Op.DIVIDE, c.position(), sin, operation(null, Op.COS, c.position(), argument));
    }
    return operation(name, Op.of(c.function()), c.position(), arguments);
  }

  /**
   * The nodes of a chain of binary operations, looping down its left operands rather than recursing: {@code x + x +
   * … + x} is a tree as deep as the line is long. The nodes come in the order recursion would make them.
   */
  private int chain(Expr.Binary top, String name) {
    List<Expr.Binary> chain = leftChain(top);
    int result = expression(chain.get(chain.size() - 1).left(), null);
    for (int i = chain.size() - 1; i >= 0; i--) {
      Expr.Binary b = chain.get(i);
      int right = expression(b.right(), null);
      result = operation(i == 0 ? name : null, Op.of(b.operator()), b.position(), result, right);
    }
    return result;
  }

  /** {@code top} and the binary operations down its left operands, outermost first. */
  static List<Expr.Binary> leftChain(Expr.Binary top) {
    List<Expr.Binary> chain = new ArrayList<>();
    for (Expr e = top; e instanceof Expr.Binary b; e = b.left()) {
      chain.add(b);
    }
    return chain;
  }

  /**
   * sigmoid(a) as 1 / (1 + exp(-a)), the computation tree of "Visualizing Backpropagation"; where a is negative, as
   * exp(a) / (1 + exp(a)), so that no exponential overflows and every value and slope is the compact sigmoid's.
   */
  private int sigmoid(String name, Position at, int argument) {
    if (values.get(argument) < 0) {
      int exp = operation(null, Op.EXP, at, argument);
      int one = constant(1, "1", at);
      return operation(name, Op.DIVIDE, at, exp, operation(null, Op.ADD, at, one, exp));
    }
    int numerator = constant(1, "1", at);
    int one = constant(1, "1", at);
    int exp = operation(null, Op.EXP, at, operation(null, Op.NEGATE, at, argument));
    return operation(name, Op.DIVIDE, at, numerator, operation(null, Op.ADD, at, one, exp));
  }

  /**
   * tanh(a) as (1 - exp(-2a)) / (1 + exp(-2a)); where a is negative, as (exp(2a) - 1) / (exp(2a) + 1). The
   * exponential is at most 1 either way, so none overflows and the values and slopes are the compact tanh's (the
   * form (exp(a) - exp(-a)) / (exp(a) + exp(-a)) is ∞ / ∞ from a = 710 on).
   */
  private int tanh(String name, Position at, int argument) {
    boolean negative = values.get(argument) < 0;
    int twice = operation(null, Op.MULTIPLY, at, constant(negative ? 2 : -2, negative ? "2" : "-2", at), argument);
    int exp = operation(null, Op.EXP, at, twice);
    int numerator = negative ? operation(null, Op.SUBTRACT, at, exp, constant(1, "1", at))
        : operation(null, Op.SUBTRACT, at, constant(1, "1", at), exp);
    int denominator = operation(null, Op.ADD, at, negative ? exp : constant(1, "1", at),
        negative ? constant(1, "1", at) : exp);
    return operation(name, Op.DIVIDE, at, numerator, denominator);
  }

  private int use(Expr.Variable v) {
    Integer index = names.get(v.name());
    if (index == null) {
      throw new UndefinedNameException(v.position(), undefined(v.name()));
    }
    return index;
  }

  /** Why {@code name} cannot be used here, and what was probably meant. */
  private String undefined(String name) {
    return Suggestions.undefined(name, statementName, everyName.get(name), defined);
  }

  /** The value of {@code node}, from those of its inputs: an expansion is chosen by the sign of its argument. */
  private double value(Node node) {
    if (node instanceof Node.Operation op) {
      double[] args = new double[op.inputs().size()];
      for (int i = 0; i < args.length; i++) {
        args[i] = values.get(op.inputs().get(i));
      }
      return op.op().apply(args);
    }
    return node instanceof Node.Input in ? in.value() : node instanceof Node.Constant c ? c.value() : Double.NaN;
  }

  private int constant(double value, String text, Position position) {
    return add(new Node.Constant(nodes.size(), nextUnnamedId(), value, text, position));
  }

  private int operation(String name, Op op, Position position, int... inputs) {
    String id = name != null ? name : nextUnnamedId();
    List<Integer> in = new ArrayList<>();
    for (int i : inputs) {
      in.add(i);
    }
    return add(new Node.Operation(nodes.size(), id, name, op, in, position));
  }

  private String nextUnnamedId() {
    return statementName + "-" + (++unnamedCount);
  }

  private int add(Node node) {
    if (nodes.size() == maxNodes) {
      throw new GraphTooLargeException(node.position(), maxNodes, statementName);
    }
    nodes.add(node);
    if (expand) {
      values.add(value(node));
    }
    return node.index();
  }
}
