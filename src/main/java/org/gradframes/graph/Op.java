package org.gradframes.graph;

/**
 * The operations a graph node can perform. Everything about one operation is on its line: the symbol that labels
 * an unnamed node, its arity, how it is written (between its operands at a precedence, before its operand, or as a
 * call), its value kernel and its local derivatives. Adding an operation is a line here, its spelling in the
 * language and its slope's notation.
 */
public enum Op {
  ADD("+", 2, Written.infix(1), x -> x[0] + x[1], (x, y, i) -> 1.0),
  SUBTRACT("−", 2, Written.infix(1), x -> x[0] - x[1], (x, y, i) -> i == 0 ? 1.0 : -1.0),
  MULTIPLY("×", 2, Written.infix(2), x -> x[0] * x[1], (x, y, i) -> x[1 - i]),
  // The slope in the divisor is -(a / b) / b, which stays finite where b² would overflow.
  DIVIDE("÷", 2, Written.infix(2), x -> x[0] / x[1], (x, y, i) -> i == 0 ? 1.0 / x[1] : -(x[0] / x[1]) / x[1]),
  POWER("^", 2, Written.infix(4), x -> Math.pow(x[0], x[1]),
      (x, y, i) -> i == 0 ? powerBase(x[0], x[1]) : y == 0 ? 0.0 : y * Math.log(x[0])),
  NEGATE("−", 1, Written.PREFIX, x -> -x[0], (x, y, i) -> -1.0),
  IDENTITY("=", 1, Written.CALL, x -> x[0], (x, y, i) -> 1.0),
  SIN("sin", 1, Written.CALL, x -> Math.sin(x[0]), (x, y, i) -> Math.cos(x[0])),
  COS("cos", 1, Written.CALL, x -> Math.cos(x[0]), (x, y, i) -> -Math.sin(x[0])),
  TAN("tan", 1, Written.CALL, x -> Math.tan(x[0]), (x, y, i) -> 1.0 / (Math.cos(x[0]) * Math.cos(x[0]))),
  EXP("exp", 1, Written.CALL, x -> Math.exp(x[0]), (x, y, i) -> y),
  LOG("log", 1, Written.CALL, x -> Math.log(x[0]), (x, y, i) -> 1.0 / x[0]),
  SQRT("sqrt", 1, Written.CALL, x -> Math.sqrt(x[0]), (x, y, i) -> 0.5 / y),
  TANH("tanh", 1, Written.CALL, x -> Math.tanh(x[0]), (x, y, i) -> 1.0 - y * y),
  // 1 / (1 + exp(-x)) or exp(x) / (1 + exp(x)), whichever cannot overflow; the slope from the value.
  SIGMOID("σ", 1, Written.CALL,
      x -> x[0] >= 0 ? 1.0 / (1.0 + Math.exp(-x[0])) : Math.exp(x[0]) / (1.0 + Math.exp(x[0])),
      (x, y, i) -> y * (1.0 - y)),
  RELU("relu", 1, Written.CALL, x -> x[0] > 0 ? x[0] : 0.0, (x, y, i) -> x[0] > 0 ? 1.0 : 0.0),
  ABS("abs", 1, Written.CALL, x -> Math.abs(x[0]), (x, y, i) -> x[0] > 0 ? 1.0 : x[0] < 0 ? -1.0 : 0.0),
  MAX("max", 2, Written.CALL, x -> Math.max(x[0], x[1]), (x, y, i) -> chosen(x[i], x[1 - i])),
  MIN("min", 2, Written.CALL, x -> Math.min(x[0], x[1]), (x, y, i) -> chosen(x[1 - i], x[i]));

  /** How an operation is written: between its operands at a precedence, before its one operand, or as a call. */
  public record Written(boolean infix, int precedence) {
    /** Written before its operand, {@code −a}: binds tighter than a product, looser than a power. */
    static final Written PREFIX = new Written(false, 3);
    /** Written as a call, {@code sin(a)}, {@code max(a, b)}: binds tightest. */
    static final Written CALL = new Written(false, 5);

    static Written infix(int precedence) {
      return new Written(true, precedence);
    }
  }

  /** An operation's value at its arguments. */
  @FunctionalInterface
  private interface Kernel {
    double at(double[] args);
  }

  /** An operation's partial derivative in argument {@code arg} at {@code args}, given its value there. */
  @FunctionalInterface
  private interface Slope {
    double at(double[] args, double value, int arg);
  }

  private final String symbol;
  private final int arity;
  private final Written written;
  private final Kernel kernel;
  private final Slope slope;

  Op(String symbol, int arity, Written written, Kernel kernel, Slope slope) {
    this.symbol = symbol;
    this.arity = arity;
    this.written = written;
    this.kernel = kernel;
    this.slope = slope;
  }

  /** The operation's symbol as a teacher writes it: {@code +}, {@code ×}, {@code σ}, {@code sin}. */
  public String symbol() {
    return symbol;
  }

  /** The number of inputs. */
  public int arity() {
    return arity;
  }

  /** Whether the operation is written between its operands, {@code a + b}, rather than as a call, {@code max(a, b)}. */
  public boolean infix() {
    return written.infix();
  }

  /** How tightly the operation binds its operands: sums 1, products 2, negation 3, powers 4, calls 5. */
  public int precedence() {
    return written.precedence();
  }

  /**
   * Whether an operand that is operation {@code this}, written as the {@code right} or left operand of
   * {@code parent}, needs parentheses: when it binds more loosely, under a power or a negation, and on the right
   * of a subtraction or division of its own precedence ({@code a − (b − c)}).
   */
  public boolean parenthesizedIn(Op parent, boolean right) {
    int inner = precedence();
    int outer = parent.precedence();
    return inner < outer || parent == POWER || parent == NEGATE
        || (inner == outer && right && (parent == SUBTRACT || parent == DIVIDE));
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

  /** The operation's value at {@code args}, in double: the one kernel every stage computes with. */
  public double apply(double... args) {
    return kernel.at(args);
  }

  /**
   * The partial derivative at {@code args} with respect to argument {@code arg}; {@code value} is the operation's
   * own value there. At kinks it follows the common convention: relu'(0) = 0, abs'(0) = 0, and {@code max} and
   * {@code min} of two equal arguments split the slope equally, 1/2 each (as {@code torch.maximum} does). Where the
   * operation has no real value (NaN, such as log of a negative), it has no slope either: NaN.
   */
  public double derivative(double[] args, double value, int arg) {
    return Double.isNaN(value) ? Double.NaN : slope.at(args, value, arg);
  }

  /** The slope of max with respect to an argument {@code mine} against the other one: 1, 0, or 1/2 at a tie. */
  private static double chosen(double mine, double other) {
    return mine > other ? 1.0 : mine < other ? 0.0 : 0.5;
  }

  private static double powerBase(double base, double exponent) {
    return exponent == 0 ? 0.0 : exponent * Math.pow(base, exponent - 1);
  }

  /** The lower-case name used in the JSON trace: {@code add}, {@code sigmoid}. */
  public String key() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
