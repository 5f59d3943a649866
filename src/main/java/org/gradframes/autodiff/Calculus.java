package org.gradframes.autodiff;

import org.gradframes.graph.Op;

/** The value of each operation and its local derivative with respect to each input. */
public final class Calculus {
  private Calculus() {}

  /** Applies {@code op} to {@code args}. */
  public static double apply(Op op, double[] args) {
    return op.apply(args);
  }

  /**
   * The partial derivative of {@code op} at {@code args} with respect to argument {@code arg}; {@code value} is
   * the operation's own value there. At kinks it follows the common convention: relu'(0) = 0, abs'(0) = 0, and
   * {@code max} and {@code min} of two equal arguments split the slope equally, 1/2 each (as {@code torch.maximum}
   * does). Where the operation has no real value (NaN, such as log of a negative), it has no slope either: NaN.
   * The slope of a quotient a / b in b is -(a / b) / b, which stays finite where b² would overflow.
   */
  public static double derivative(Op op, double[] args, double value, int arg) {
    if (Double.isNaN(value)) {
      return Double.NaN;
    }
    double a = args[0];
    return switch (op) {
      case ADD, IDENTITY -> 1.0;
      case SUBTRACT -> arg == 0 ? 1.0 : -1.0;
      case MULTIPLY -> arg == 0 ? args[1] : a;
      case DIVIDE -> arg == 0 ? 1.0 / args[1] : -(a / args[1]) / args[1];
      case POWER -> arg == 0 ? powerBase(a, args[1]) : value == 0 ? 0.0 : value * Math.log(a);
      case NEGATE -> -1.0;
      case SIN -> Math.cos(a);
      case COS -> -Math.sin(a);
      case TAN -> 1.0 / (Math.cos(a) * Math.cos(a));
      case EXP -> value;
      case LOG -> 1.0 / a;
      case SQRT -> 0.5 / value;
      case TANH -> 1.0 - value * value;
      case SIGMOID -> value * (1.0 - value);
      case RELU -> a > 0 ? 1.0 : 0.0;
      case ABS -> a > 0 ? 1.0 : a < 0 ? -1.0 : 0.0;
      case MAX -> chosen(args[arg], args[1 - arg]);
      case MIN -> chosen(args[1 - arg], args[arg]);
    };
  }

  /** The slope of max with respect to an argument {@code mine} against the other one: 1, 0, or 1/2 at a tie. */
  private static double chosen(double mine, double other) {
    return mine > other ? 1.0 : mine < other ? 0.0 : 0.5;
  }

  private static double powerBase(double base, double exponent) {
    if (exponent == 0) {
      return 0.0;
    }
    return exponent * Math.pow(base, exponent - 1);
  }
}
