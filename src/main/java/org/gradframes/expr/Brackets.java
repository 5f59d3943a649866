package org.gradframes.expr;

import java.util.ArrayList;
import java.util.List;

/** The two uses of brackets while {@link Vectors} expands a program: a literal {@code [a, b]} and an index {@code v[i]}. */
final class Brackets {
  private Brackets() {}

  /** {@code [e1, e2, …]}: a vector of scalars, or a matrix whose rows are vectors of one length. */
  static Shaped vector(Expr.Vector vector, List<Shaped> parts) {
    Shaped first = parts.get(0);
    for (int k = 0; k < parts.size(); k++) {
      Shaped part = parts.get(k);
      Expr element = vector.elements().get(k);
      if (part.rank() == 2) {
        throw new ShapeException(element.position(), "Element " + (k + 1) + " of " + Written.of(vector) + " "
            + part.described() + "; the rows of a matrix are vectors, and gradframes has no shapes beyond matrices.");
      }
      if (part.rank() != first.rank()) {
        throw new ShapeException(element.position(), "Element " + (k + 1) + " of " + Written.of(vector) + " "
            + part.described() + " and element 1 " + first.described() + "; the elements of a vector are scalars,"
            + " and the rows of a matrix are vectors.");
      }
      if (!part.shape().equals(first.shape())) {
        throw new ShapeException(element.position(), "Row " + (k + 1) + " of " + Written.of(vector) + " "
            + part.described() + " and row 1 " + first.described() + "; the rows of a matrix have one length.");
      }
    }
    List<Expr> elements = new ArrayList<>();
    for (Shaped part : parts) {
      elements.addAll(part.elements());
    }
    List<Integer> shape = first.isScalar() ? List.of(parts.size()) : List.of(parts.size(), first.rows());
    return new Shaped(shape, elements);
  }

  /** {@code v[i]}, {@code W[i, j]}, or the row {@code W[i]}; indices from 1. */
  static Shaped index(Expr.Index index, Shaped target) {
    List<Integer> at = index.indices();
    String written = Written.of(index) + ": " + Written.of(index.target()) + " " + target.described();
    if (target.isScalar()) {
      throw new ShapeException(index.position(), written + "; only a vector or a matrix has elements.");
    }
    if (at.size() > target.rank()) {
      throw new ShapeException(index.position(), written + (target.rank() == 1 ? "; a vector takes one index, v[i]."
          : "; a matrix takes one index (a row, W[i]) or two, W[i, j]."));
    }
    if (at.get(0) > target.rows()) {
      String counted = target.rank() == 1 ? "; its elements" : "; its rows";
      throw new ShapeException(index.position(), written + counted + " are counted from 1 to " + target.rows() + ".");
    }
    if (target.rank() == 1) {
      return Shaped.scalar(target.elements().get(at.get(0) - 1));
    }
    int columns = target.columns();
    List<Expr> row = target.elements().subList((at.get(0) - 1) * columns, at.get(0) * columns);
    if (at.size() == 1) {
      return new Shaped(List.of(columns), row);
    }
    if (at.get(1) > columns) {
      throw new ShapeException(index.position(), written + "; its columns are counted from 1 to " + columns + ".");
    }
    return Shaped.scalar(row.get(at.get(1) - 1));
  }
}
