package org.gradframes.expr;

import java.util.List;
import java.util.Objects;

/** A node of an expression's syntax tree; every node keeps the position of its first token. */
public sealed interface Expr {
  Position position();

  /** A number literal as written, such as {@code 2}, {@code 0.5} or {@code 1e-3}. */
  record Literal(double value, String text, Position position) implements Expr {
    public Literal {
      Objects.requireNonNull(text, "text");
      Objects.requireNonNull(position, "position");
    }
  }

  /** A use of a named variable. */
  record Variable(String name, Position position) implements Expr {
    public Variable {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(position, "position");
    }
  }

  /** Unary minus. */
  record Negation(Expr operand, Position position) implements Expr {
    public Negation {
      Objects.requireNonNull(operand, "operand");
      Objects.requireNonNull(position, "position");
    }
  }

  /** An arithmetic operation on two operands; its position is the operator's. */
  record Binary(Expr left, Operator operator, Expr right, Position position) implements Expr {
    public Binary {
      Objects.requireNonNull(left, "left");
      Objects.requireNonNull(operator, "operator");
      Objects.requireNonNull(right, "right");
      Objects.requireNonNull(position, "position");
    }
  }

  /** A call of one of the built-in functions on as many arguments as it takes; its position is the name's. */
  record Call(Function function, List<Expr> arguments, Position position) implements Expr {
    public Call {
      Objects.requireNonNull(function, "function");
      arguments = List.copyOf(arguments);
      Objects.requireNonNull(position, "position");
      if (arguments.size() != function.arity()) {
        throw new IllegalArgumentException(function.spelling() + " takes " + function.arity() + " arguments, not "
            + arguments.size());
      }
    }

    /** The first argument, the only one of a function of one argument. */
    public Expr argument() {
      return arguments.get(0);
    }
  }

  /**
   * A bracketed list, {@code [a, b]}: a vector of its elements; a list of vectors of one length is a matrix with
   * them as rows. Its position is the '['s. {@link Vectors#expand} rewrites it into scalars.
   */
  record Vector(List<Expr> elements, Position position) implements Expr {
    public Vector {
      elements = List.copyOf(elements);
      Objects.requireNonNull(position, "position");
      if (elements.isEmpty()) {
        throw new IllegalArgumentException("a vector has at least one element");
      }
    }
  }

  /** An element of a vector, {@code v[2]}, or of a matrix, {@code W[2, 1]}, counted from 1; its position is the '['s. */
  record Index(Expr target, List<Integer> indices, Position position) implements Expr {
    public Index {
      Objects.requireNonNull(target, "target");
      indices = List.copyOf(indices);
      Objects.requireNonNull(position, "position");
      if (indices.isEmpty() || indices.stream().anyMatch(i -> i < 1)) {
        throw new IllegalArgumentException("indices count from 1: " + indices);
      }
    }
  }

  /** The binary operators; {@code @}, the matrix product, is rewritten into sums of products before graphs. */
  enum Operator {
    ADD("+"), SUBTRACT("-"), MULTIPLY("*"), DIVIDE("/"), POWER("^"), MATMUL("@");

    private final String symbol;

    Operator(String symbol) {
      this.symbol = symbol;
    }

    public String symbol() {
      return symbol;
    }
  }

  /**
   * The built-in functions: of one argument, and {@code max}, {@code min} and {@code pow} of two, all applied
   * elementwise to vectors; and the functions of vectors, {@code sum}, {@code mean}, {@code softmax} and
   * {@code dot}, which {@link Vectors#expand} rewrites into scalar operations.
   */
  enum Function {
    SIN(1), COS(1), TAN(1), EXP(1), LOG(1), SQRT(1), TANH(1), SIGMOID(1), RELU(1), ABS(1), MAX(2), MIN(2), POW(2),
    SUM(1), MEAN(1), SOFTMAX(1), DOT(2);

    /** Other names a program may call a function by: {@code ln} is {@code log}. */
    private static final java.util.Map<String, Function> ALIASES = java.util.Map.of("ln", LOG);

    private final int arity;

    Function(int arity) {
      this.arity = arity;
    }

    /** The name a program calls the function by. */
    public String spelling() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Whether the function takes vectors as a whole rather than element by element. */
    public boolean ofVectors() {
      return this == SUM || this == MEAN || this == SOFTMAX || this == DOT;
    }

    /** How many arguments the function takes. */
    public int arity() {
      return arity;
    }

    /** Every name a function may be called by, spellings first, then aliases. */
    public static List<String> names() {
      List<String> names = new java.util.ArrayList<>();
      for (Function f : values()) {
        names.add(f.spelling());
      }
      names.addAll(new java.util.TreeSet<>(ALIASES.keySet()));
      return names;
    }

    /** Returns the function called {@code name} (a spelling or an alias), or null if there is none. */
    public static Function named(String name) {
      return Named.BY_NAME.get(name);
    }

    /** Every function by its spellings and aliases, looked up once per name the parser reads. */
    private static final class Named {
      static final java.util.Map<String, Function> BY_NAME = byName();

      private static java.util.Map<String, Function> byName() {
        java.util.Map<String, Function> byName = new java.util.HashMap<>(ALIASES);
        for (Function f : values()) {
          byName.put(f.spelling(), f);
        }
        return java.util.Map.copyOf(byName);
      }
    }
  }
}
