package org.gradframes.expr;

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

  /** A call of one of the built-in functions on one argument. */
  record Call(Function function, Expr argument, Position position) implements Expr {
    public Call {
      Objects.requireNonNull(function, "function");
      Objects.requireNonNull(argument, "argument");
      Objects.requireNonNull(position, "position");
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

  /** The built-in functions, each of one argument. */
  enum Function {
    SIN, COS, TAN, EXP, LOG, SQRT, TANH, SIGMOID, RELU, ABS;

    /** The name a program calls the function by. */
    public String spelling() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Returns the function called {@code name}, or null if there is none. */
    public static Function named(String name) {
      for (Function f : values()) {
        if (f.spelling().equals(name)) {
          return f;
        }
      }
      return null;
    }
  }
}
