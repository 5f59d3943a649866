package org.gradframes.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A value while {@link Vectors} expands a program: its shape (empty for a scalar, {@code [n]} for a vector,
 * {@code [rows, columns]} for a matrix) and its elements, row by row, each a scalar expression.
 */
record Shaped(List<Integer> shape, List<Expr> elements) {
  Shaped {
    shape = List.copyOf(shape);
    elements = List.copyOf(elements);
    if (shape.size() > 2 || elements.size() != shape.stream().reduce(1, (a, b) -> a * b)) {
      throw new IllegalArgumentException("shape " + shape + " with " + elements.size() + " elements");
    }
  }

  static Shaped scalar(Expr expr) {
    return new Shaped(List.of(), List.of(expr));
  }

  /** The elements of the variable {@code name} of {@code shape}, each used at {@code at}: {@code h[2]}, {@code W[2,1]}. */
  static Shaped variable(String name, List<Integer> shape, Position at) {
    if (shape.isEmpty()) {
      return scalar(new Expr.Variable(name, at));
    }
    List<Expr> elements = new ArrayList<>();
    int count = shape.stream().reduce(1, (a, b) -> a * b);
    for (int k = 0; k < count; k++) {
      elements.add(new Expr.Variable(name + suffix(shape, k), at));
    }
    return new Shaped(shape, elements);
  }

  /** How element {@code k} (from 0, row by row) of a value of {@code shape} is named after its variable. */
  static String suffix(List<Integer> shape, int k) {
    return switch (shape.size()) {
      case 0 -> "";
      case 1 -> "[" + (k + 1) + "]";
      default -> "[" + (k / shape.get(1) + 1) + "," + (k % shape.get(1) + 1) + "]";
    };
  }

  int rank() {
    return shape.size();
  }

  boolean isScalar() {
    return shape.isEmpty();
  }

  /** The one element of a scalar. */
  Expr scalar() {
    return elements.get(0);
  }

  int rows() {
    return shape.get(0);
  }

  int columns() {
    return shape.get(1);
  }

  Shaped map(UnaryOperator<Expr> f) {
    return new Shaped(shape, elements.stream().map(f).toList());
  }

  /** The shape in words, after the value's name: "is a scalar", "has 3 elements", "is 3×2". */
  String described() {
    return switch (shape.size()) {
      case 0 -> "is a scalar";
      case 1 -> "has " + rows() + (rows() == 1 ? " element" : " elements");
      default -> "is " + rows() + "×" + columns();
    };
  }
}
