package org.gradframes.render.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
