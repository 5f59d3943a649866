package org.gradframes.render.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NumberTextTest {
  private static String f(double value) {
    return NumberText.format(value, 5);
  }

  @Test
  void integersHaveNoDecimalPoint() {
    assertEquals("40", f(40));
    assertEquals("−120", f(-120));
  }

  @Test
  void floatNoiseIsRoundedAway() {
    assertEquals("0.3", f(0.1 + 0.2));
    assertEquals("3.61", f(Math.pow(2.1 - 4, 2)));
    assertEquals("−7.98", f(2 * (2.1 - 4) * 2.1));
  }

  @Test
  void negativeZeroIsZero() {
    assertEquals("0", f(-0.0));
    assertEquals("0", f(-1e-30 * 0));
  }

  @Test
  void roundsToSignificantDigits() {
    assertEquals("1.0798", f(1.0798));
    assertEquals("3.1416", f(Math.PI));
    assertEquals("3.14", NumberText.format(Math.PI, 3));
    assertEquals("1234600", f(1234567));
  }

  @Test
  void scientificOnlyWhereShorter() {
    assertEquals("0.001", f(1e-3));
    assertEquals("0.0001", f(1e-4));
    assertEquals("1e−7", f(1e-7));
    assertEquals("0", f(0.2 - 0.3 + 0.1), "a sum that cancels leaves float noise, written 0");
    assertEquals("0", f(-2.7755575615628914e-17));
    assertEquals("1e−11", f(1e-11));
    assertEquals("1.5e20", f(1.5e20));
    assertEquals("−2.5e−9", f(-2.5e-9));
    assertEquals("12345000", f(12345000));
  }

  @Test
  void nonFiniteValuesAreNamed() {
    assertEquals("NaN", f(Double.NaN));
    assertEquals("∞", f(Double.POSITIVE_INFINITY));
    assertEquals("−∞", f(Double.NEGATIVE_INFINITY));
  }

  private static String fixed(double value, int decimals) {
    return NumberText.format(value, NumberText.decimals(decimals));
  }

  @Test
  void fixedDecimalsWriteExactlyThatMany() {
    assertEquals("2.50", fixed(2.5, 2));
    assertEquals("40.00", fixed(40, 2));
    assertEquals("−7.000", fixed(-7, 3));
    assertEquals("0.30", fixed(0.1 + 0.2, 2));
    assertEquals("3", fixed(Math.PI, 0));
    assertEquals("3.141592653590", fixed(Math.PI, 12));
    assertEquals("0.00", fixed(1e-7, 2), "fixed decimals round a small number to zero instead of 1e−7");
  }

  @Test
  void fixedDecimalsNeverWriteMinusZero() {
    assertEquals("0.00", fixed(-0.0, 2));
    assertEquals("0.00", fixed(-0.004, 2), "−0.004 rounds to zero, written without a sign");
    assertEquals("0", fixed(-0.4, 0));
    assertEquals("−0.01", fixed(-0.006, 2));
  }

  @Test
  void hugeNumbersWithFixedDecimalsAreScientific() {
    String text = fixed(1e300, 2);
    assertEquals("1.00e300", text);
    assertEquals("−1.50e20", fixed(-1.5e20, 2));
    assertEquals("1.00e16", fixed(9.999e15, 2), "a mantissa that rounds up to 10 moves the exponent");
    assertEquals("999999999999999.00", fixed(999999999999999.0, 2), "below 1e15 the number is written whole");
    assertTrue(fixed(-Double.MAX_VALUE, 12).length() < 30);
  }

  @Test
  void fixedDecimalsKeepNonFiniteNames() {
    assertEquals("NaN", fixed(Double.NaN, 2));
    assertEquals("−∞", fixed(Double.NEGATIVE_INFINITY, 2));
  }

  @Test
  void decimalsOutOfRangeAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> NumberText.decimals(13));
    assertThrows(IllegalArgumentException.class, () -> NumberText.decimals(-1));
  }
}
