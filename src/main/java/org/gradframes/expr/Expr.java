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

  /** The binary operators. */
  enum Operator {
    ADD("+"), SUBTRACT("-"), MULTIPLY("*"), DIVIDE("/"), POWER("^");

    private final String symbol;

    Operator(String symbol) {
      this.symbol = symbol;
    }

    public String symbol() {
      return symbol;
    }
  }

  /** The built-in functions: of one argument, and {@code max}, {@code min} and {@code pow} of two. */
  enum Function {
    SIN(1), COS(1), TAN(1), EXP(1), LOG(1), SQRT(1), TANH(1), SIGMOID(1), RELU(1), ABS(1), MAX(2), MIN(2), POW(2);

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
      for (Function f : values()) {
        if (f.spelling().equals(name)) {
          return f;
        }
      }
      return ALIASES.get(name);
    }
  }
}
