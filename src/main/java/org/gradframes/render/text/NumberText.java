package org.gradframes.render.text;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Writes numbers for people: rounded to a number of significant digits, no float noise, no "-0", no trailing
 * zeros, and scientific notation only for very large or small numbers (below 1e-4, from 1e7) where it is
 * shorter. A number within {@link #NOISE} of zero is the rounding error of a sum that cancels (0.2 − 0.3 + 0.1)
 * and is written 0. The minus sign is U+2212, as in typeset mathematics.
 *
 * <p>A count of digits below zero, made by {@link #decimals}, asks for fixed decimals instead: every number with
 * exactly that many digits after the point ({@code 2.50}, {@code 0.00}, never {@code −0.00}), and from
 * {@link #FIXED_LIMIT} on in scientific notation with as many decimals in its mantissa ({@code 1.50e300}), so that a
 * huge number never becomes hundreds of digits.
 */
public final class NumberText {
  private static final String MINUS = "\u2212";
  /** Numbers closer to zero than this are written 0. */
  public static final double NOISE = 1e-12;

  /** The magnitude from which a number with fixed decimals is written in scientific notation. */
  public static final double FIXED_LIMIT = 1e15;
  /** The most fixed decimals. */
  public static final int MAX_DECIMALS = 12;

  private NumberText() {}

  /**
   * The count of digits that {@link #format} reads as {@code n} fixed decimals, 0 to {@link #MAX_DECIMALS}: a
   * negative number, so that it travels wherever a count of significant digits does.
   */
  public static int decimals(int n) {
    if (n < 0 || n > MAX_DECIMALS) {
      throw new IllegalArgumentException("decimals from 0 to " + MAX_DECIMALS + ", not " + n);
    }
    return -1 - n;
  }

  /**
   * Formats {@code value} with at most {@code digits} significant digits, or with fixed decimals when
   * {@code digits} comes from {@link #decimals}.
   */
  public static String format(double value, int digits) {
    if (digits < 0 && Double.isFinite(value)) {
      return fixed(value, -1 - digits);
    }
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

  /** {@code value} with exactly {@code decimals} digits after the point; scientific from {@link #FIXED_LIMIT}. */
  private static String fixed(double value, int decimals) {
    if (Math.abs(value) < NOISE) {
      value = 0;
    }
    BigDecimal exact = new BigDecimal(value);
    String text;
    if (Math.abs(value) >= FIXED_LIMIT) {
      int exponent = exact.precision() - exact.scale() - 1;
      BigDecimal mantissa = exact.movePointLeft(exponent).setScale(decimals, RoundingMode.HALF_EVEN);
      if (mantissa.abs().compareTo(BigDecimal.TEN) >= 0) {
        mantissa = mantissa.movePointLeft(1).setScale(decimals, RoundingMode.HALF_EVEN);
        exponent++;
      }
      text = mantissa.toPlainString() + "e" + exponent;
    } else {
      BigDecimal rounded = exact.setScale(decimals, RoundingMode.HALF_EVEN);
      text = (rounded.signum() == 0 ? rounded.abs() : rounded).toPlainString();
    }
    return text.replace("-", MINUS);
  }

  private static String scientific(BigDecimal rounded) {
    int exponent = rounded.precision() - rounded.scale() - 1;
    BigDecimal mantissa = rounded.movePointLeft(exponent).stripTrailingZeros();
    return mantissa.toPlainString() + "e" + exponent;
  }
}
