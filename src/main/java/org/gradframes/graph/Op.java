package org.gradframes.graph;

/** The operations a graph node can perform, with the symbol that labels an unnamed node. */
public enum Op {
  ADD("+", 2), SUBTRACT("−", 2), MULTIPLY("×", 2), DIVIDE("÷", 2), POWER("^", 2),
  NEGATE("−", 1), IDENTITY("=", 1),
  SIN("sin", 1), COS("cos", 1), TAN("tan", 1), EXP("exp", 1), LOG("log", 1), SQRT("sqrt", 1),
  TANH("tanh", 1), SIGMOID("σ", 1), RELU("relu", 1), ABS("abs", 1);

  private final String symbol;
  private final int arity;

  Op(String symbol, int arity) {
    this.symbol = symbol;
    this.arity = arity;
  }

  /** The operation's symbol as a teacher writes it: {@code +}, {@code ×}, {@code σ}, {@code sin}. */
  public String symbol() {
    return symbol;
  }

  /** The number of inputs. */
  public int arity() {
    return arity;
  }

  /** The lower-case name used in the JSON trace: {@code add}, {@code sigmoid}. */
  public String key() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
