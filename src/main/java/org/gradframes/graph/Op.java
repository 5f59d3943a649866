package org.gradframes.graph;

/** The operations a graph node can perform, with the symbol that labels an unnamed node. */
public enum Op {
  ADD("+", 2), SUBTRACT("−", 2), MULTIPLY("×", 2), DIVIDE("÷", 2), POWER("^", 2),
  NEGATE("−", 1), IDENTITY("=", 1),
  SIN("sin", 1), COS("cos", 1), TAN("tan", 1), EXP("exp", 1), LOG("log", 1), SQRT("sqrt", 1),
  TANH("tanh", 1), SIGMOID("σ", 1), RELU("relu", 1), ABS("abs", 1), MAX("max", 2), MIN("min", 2);

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

  /** The operation of a binary operator; {@code @} has none, as it is expanded before graphs are built. */
  public static Op of(org.gradframes.expr.Expr.Operator operator) {
    return switch (operator) {
      case ADD -> ADD;
      case SUBTRACT -> SUBTRACT;
      case MULTIPLY -> MULTIPLY;
      case DIVIDE -> DIVIDE;
      case POWER -> POWER;
      case MATMUL -> throw new IllegalArgumentException("@ is written out as sums of products (Vectors.expand)");
    };
  }

  /**
   * The operation of a built-in function; {@code pow(a, b)} is the power {@code a ^ b}. The functions of vectors
   * have none: they are expanded before graphs are built.
   */
  public static Op of(org.gradframes.expr.Expr.Function function) {
    return switch (function) {
      case SIN -> SIN;
      case COS -> COS;
      case TAN -> TAN;
      case EXP -> EXP;
      case LOG -> LOG;
      case SQRT -> SQRT;
      case TANH -> TANH;
      case SIGMOID -> SIGMOID;
      case RELU -> RELU;
      case ABS -> ABS;
      case MAX -> MAX;
      case MIN -> MIN;
      case POW -> POWER;
      case SUM, MEAN, SOFTMAX, DOT -> throw new IllegalArgumentException(function.spelling()
          + " is written out as scalar operations (Vectors.expand)");
    };
  }

  /**
   * The operation's value at {@code args}, in double: the one kernel every stage computes with (a sigmoid as
   * {@code 1 / (1 + exp(-x))} or {@code exp(x) / (1 + exp(x))}, whichever cannot overflow).
   */
  public double apply(double... args) {
    double a = args[0];
    return switch (this) {
      case ADD -> a + args[1];
      case SUBTRACT -> a - args[1];
      case MULTIPLY -> a * args[1];
      case DIVIDE -> a / args[1];
      case POWER -> Math.pow(a, args[1]);
      case NEGATE -> -a;
      case IDENTITY -> a;
      case SIN -> Math.sin(a);
      case COS -> Math.cos(a);
      case TAN -> Math.tan(a);
      case EXP -> Math.exp(a);
      case LOG -> Math.log(a);
      case SQRT -> Math.sqrt(a);
      case TANH -> Math.tanh(a);
      case SIGMOID -> a >= 0 ? 1.0 / (1.0 + Math.exp(-a)) : Math.exp(a) / (1.0 + Math.exp(a));
      case RELU -> a > 0 ? a : 0.0;
      case ABS -> Math.abs(a);
      case MAX -> Math.max(a, args[1]);
      case MIN -> Math.min(a, args[1]);
    };
  }

  /** The lower-case name used in the JSON trace: {@code add}, {@code sigmoid}. */
  public String key() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
