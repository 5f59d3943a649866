package org.gradframes.render.text;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Writes numbers for people: rounded to a number of significant digits, no float noise, no "-0", no trailing
 * zeros, and scientific notation only for very large or small numbers (below 1e-4, from 1e7) where it is
 * shorter. A number within {@link #NOISE} of zero is the rounding error of a sum that cancels (0.2 − 0.3 + 0.1)
 * and is written 0. The minus sign is U+2212, as in typeset mathematics.
 */
public final class NumberText {
  private static final String MINUS = "\u2212";
  /** Numbers closer to zero than this are written 0. */
  public static final double NOISE = 1e-12;

  private NumberText() {}

  /** Formats {@code value} with at most {@code digits} significant digits. */
  public static String format(double value, int digits) {
    if (Double.isNaN(value)) {
      return "NaN";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "∞" : MINUS + "∞";
    }
    if (Math.abs(value) < NOISE) {
      return "0";
    }
    if (value == Math.rint(value) && Math.abs(value) < Math.pow(10, Math.min(digits, 15))) {
      return value == 0 ? "0" : Long.toString((long) value).replace("-", MINUS);
    }
    BigDecimal rounded = new BigDecimal(value).round(new MathContext(digits, RoundingMode.HALF_EVEN));
    if (rounded.signum() == 0) {
      return "0";
    }
    rounded = rounded.stripTrailingZeros();
    String plain = rounded.toPlainString();
    int exponent = rounded.precision() - rounded.scale() - 1;
    String scientific = scientific(rounded);
    boolean ordinary = exponent >= -4 && exponent < 7;
    String text = ordinary || scientific.length() >= plain.length() ? plain : scientific;
    return text.replace("-", MINUS);
  }

  private static String scientific(BigDecimal rounded) {
    int exponent = rounded.precision() - rounded.scale() - 1;
    BigDecimal mantissa = rounded.movePointLeft(exponent).stripTrailingZeros();
    return mantissa.toPlainString() + "e" + exponent;
  }
}
