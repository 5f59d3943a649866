package org.gradframes.expr;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BinaryOperator;

/**
 * Rewrites the vectors and matrices of a program into scalar statements, one per element, so that everything after
 * the parser sees scalars only. A statement whose value is a vector {@code h} becomes the statements {@code h[1]},
 * {@code h[2]}, …, a matrix {@code W} the statements {@code W[1,1]}, {@code W[1,2]}, … row by row, each at the
 * position of its statement; a literal's elements are inputs. {@code W @ x} is, element by element, the sum of
 * products {@code W[i,1] * x[1] + W[i,2] * x[2] + …}; {@code mean(v)} is the sum over the count; the other
 * operations apply element by element, a scalar standing for every element. {@code p = softmax(v)} is computed as
 * a careful program computes it, each part once ({@link Intermediates}): the shift {@code p_max = max(v[1], v[2],
 * …)}, the exponentials {@code p_exp[i] = exp(v[i] - p_max)}, their sum {@code p_sum}, and {@code p[i] = p_exp[i] /
 * p_sum}; the shift changes no value and no gradient, and keeps every exponential at most 1.
 */
public final class Vectors {
  /** The most operations one statement may expand to: a guard against {@code softmax(softmax(…))}. */
  private static final long LARGEST = 1_000_000;

  private final Map<String, List<Integer>> shapes = new HashMap<>();
  private final Map<String, Position> definedAt = new HashMap<>();
  private final List<String> defined = new ArrayList<>();
  private final Map<String, Position> everyName = new HashMap<>();
  private final Map<Expr, Long> sizes = new IdentityHashMap<>();
  private String statementName;
  /** The right side of the statement being expanded, to tell a softmax that is the whole statement. */
  private Expr statementValue;
  private Position statementPosition;
  private Intermediates intermediates;

  private Vectors() {}

  /**
   * Returns {@code program} with every vector and matrix written out as scalars; a program without any is returned
   * as it is.
   *
   * @throws ShapeException when shapes do not fit together, an index is out of range, or the output is not a scalar
   * @throws SourceException when a vector program uses a name before defining it, or defines a name twice
   */
  public static Program expand(Program program) {
    if (program.statements().stream().noneMatch(s -> vectorial(s.value()))) {
      return program;
    }
    Vectors vectors = new Vectors();
    for (Statement statement : program.statements()) {
      vectors.everyName.putIfAbsent(statement.name(), statement.position());
    }
    List<Statement> statements = new ArrayList<>();
    vectors.intermediates = new Intermediates(vectors.everyName.keySet(), statements);
    for (Statement statement : program.statements()) {
      vectors.statement(statement, statements);
    }
    Statement last = program.output();
    List<Integer> shape = vectors.shapes.get(last.name());
    if (!shape.isEmpty()) {
      String name = last.name();
      throw new ShapeException(last.position(), "The output '" + name + "' "
          + new Shaped(shape, Shaped.variable(name, shape, last.position()).elements()).described()
          + "; the last statement is the output, and it must be a scalar, such as sum(" + name + ").");
    }
    return new Program(program.source(), statements);
  }

  /** Whether {@code expr} writes a vector, an index, a matrix product or a function of vectors. */
  private static boolean vectorial(Expr expr) {
    if (expr instanceof Expr.Vector || expr instanceof Expr.Index) {
      return true;
    }
    if (expr instanceof Expr.Negation n) {
      return vectorial(n.operand());
    }
    if (expr instanceof Expr.Binary b) {
      return binaryVectorial(b);
    }
    return expr instanceof Expr.Call c && (c.function().ofVectors() || c.arguments().stream().anyMatch(
        Vectors::vectorial));
  }

  /** {@link #vectorial} of a chain of binary operations, looping down the left operands ({@code x + x + …}). */
  private static boolean binaryVectorial(Expr.Binary top) {
    Expr e = top;
    while (e instanceof Expr.Binary b) {
      if (b.operator() == Expr.Operator.MATMUL || vectorial(b.right())) {
        return true;
      }
      e = b.left();
    }
    return vectorial(e);
  }

  private void statement(Statement statement, List<Statement> into) {
    String name = statement.name();
    if (shapes.containsKey(name)) {
      throw new SourceException(statement.position(), "'" + name + "' is already defined at " + definedAt.get(name)
          + ".");
    }
    statementName = name;
    statementValue = statement.value();
    statementPosition = statement.position();
    Shaped value = intermediates.shared(name, shaped(statement.value()), statement.position());
    long size = 0;
    for (Expr element : value.elements()) {
      size = Math.min(LARGEST + 1, size + size(element));
    }
    if (size > LARGEST) {
      throw new ShapeException(statement.position(), "'" + name + "' expands to more than " + LARGEST
          + " operations; name its parts in statements of their own.");
    }
    for (int k = 0; k < value.elements().size(); k++) {
      Expr element = value.elements().get(k);
      // A scalar statement written with vectors ({@code s = p @ z}) keeps how it was written, for its header.
      Statement scalar = new Statement(name + Shaped.suffix(value.shape(), k), element, statement.position(),
          value.shape().isEmpty() && vectorial(statement.value()) ? statement.value() : null);
      // An element of a literal is an input written where it stands: a message about it points there.
      into.add(value.shape().isEmpty() || !scalar.isInput() ? scalar
          : new Statement(scalar.name(), element, element.position()));
    }
    shapes.put(name, value.shape());
    definedAt.put(name, statement.position());
    defined.add(name);
  }

  /** How many operations {@code expr} is as a tree, counting shared subtrees each time; at most LARGEST + 1. */
  private long size(Expr expr) {
    Long known = sizes.get(expr);
    if (known != null) {
      return known;
    }
    long size = 1;
    if (expr instanceof Expr.Negation n) {
      size += size(n.operand());
    } else if (expr instanceof Expr.Binary b) {
      size += size(b.left()) + size(b.right());
    } else if (expr instanceof Expr.Call c) {
      for (Expr argument : c.arguments()) {
        size += size(argument);
      }
    }
    size = Math.min(size, LARGEST + 1);
    sizes.put(expr, size);
    return size;
  }

  private Shaped shaped(Expr expr) {
    if (expr instanceof Expr.Literal) {
      return Shaped.scalar(expr);
    }
    if (expr instanceof Expr.Variable v) {
      return variable(v);
    }
    if (expr instanceof Expr.Negation n) {
      return shaped(n.operand()).map(x -> new Expr.Negation(x, n.position()));
    }
    if (expr instanceof Expr.Binary b) {
      return b.operator() == Expr.Operator.MATMUL ? product(b) : elementwise(b, b.left(), b.right(),
          (l, r) -> new Expr.Binary(l, b.operator(), r, b.position()));
    }
    if (expr instanceof Expr.Call c) {
      return call(c);
    }
    if (expr instanceof Expr.Vector v) {
      return Brackets.vector(v, v.elements().stream().map(this::shaped).toList());
    }
    Expr.Index index = (Expr.Index) expr;
    return Brackets.index(index, shaped(index.target()));
  }

  private Shaped variable(Expr.Variable v) {
    List<Integer> shape = shapes.get(v.name());
    if (shape == null) {
      throw new SourceException(v.position(), Suggestions.undefined(v.name(), statementName,
          everyName.get(v.name()), defined));
    }
    return Shaped.variable(v.name(), shape, v.position());
  }

  /** {@code make} applied element by element to {@code left} and {@code right}, a scalar standing for every element. */
  private Shaped elementwise(Expr whole, Expr left, Expr right, BinaryOperator<Expr> make) {
    Shaped a = shaped(left);
    Shaped b = shaped(right);
    if (a.shape().equals(b.shape())) {
      List<Expr> elements = new ArrayList<>();
      for (int k = 0; k < a.elements().size(); k++) {
        elements.add(make.apply(a.elements().get(k), b.elements().get(k)));
      }
      return new Shaped(a.shape(), elements);
    }
    if (a.isScalar()) {
      return b.map(x -> make.apply(a.scalar(), x));
    }
    if (b.isScalar()) {
      return a.map(x -> make.apply(x, b.scalar()));
    }
    throw mismatch(whole, left, a, right, b, "; element by element, both sides have one shape, or one is a scalar.");
  }

  /** {@code a @ b}: a matrix or a vector times a vector or a matrix; a vector times a vector is their dot product. */
  private Shaped product(Expr.Binary product) {
    Shaped a = shaped(product.left());
    Shaped b = shaped(product.right());
    if (a.isScalar() || b.isScalar()) {
      Expr scalar = a.isScalar() ? product.left() : product.right();
      throw new ShapeException(product.position(), Written.of(product) + ": " + Written.of(scalar)
          + " is a scalar; multiply by a scalar with *.");
    }
    int rows = a.rank() == 2 ? a.rows() : 1;
    int inner = a.rank() == 2 ? a.columns() : a.rows();
    int columns = b.rank() == 2 ? b.columns() : 1;
    if (inner != b.rows()) {
      throw mismatch(product, product.left(), a, product.right(), b,
          "; @ needs as many columns on its left as rows, or elements, on its right.");
    }
    if ((long) rows * columns * inner > LARGEST) {
      throw new ShapeException(product.position(), Written.of(product) + " has more than " + LARGEST
          + " products.");
    }
    List<Expr> elements = new ArrayList<>();
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < columns; j++) {
        List<Expr> row = a.elements().subList(i * inner, (i + 1) * inner);
        List<Expr> column = new ArrayList<>();
        for (int k = 0; k < inner; k++) {
          column.add(b.elements().get(k * columns + j));
        }
        elements.add(dot(row, column, product.position()));
      }
    }
    List<Integer> shape = new ArrayList<>();
    if (a.rank() == 2) {
      shape.add(rows);
    }
    if (b.rank() == 2) {
      shape.add(columns);
    }
    if (shape.isEmpty()) {
      intermediates.computed(elements.get(0), "dot");
    }
    return new Shaped(shape, elements);
  }

  private Shaped call(Expr.Call c) {
    Expr.Function f = c.function();
    Position at = c.position();
    if (f == Expr.Function.LOG) {
      return shaped(c.argument()).map(x -> intermediates.log(x, at));
    }
    if (!f.ofVectors()) {
      return f.arity() == 1 ? shaped(c.argument()).map(x -> new Expr.Call(f, List.of(x), at))
          : elementwise(c, c.arguments().get(0), c.arguments().get(1), (l, r) -> new Expr.Call(f, List.of(l, r), at));
    }
    Shaped a = shaped(c.argument());
    if (f == Expr.Function.DOT) {
      Shaped b = shaped(c.arguments().get(1));
      if (a.rank() != 1 || !a.shape().equals(b.shape())) {
        throw mismatch(c, c.argument(), a, c.arguments().get(1), b, "; dot takes two vectors of one length.");
      }
      return Shaped.scalar(intermediates.computed(dot(a.elements(), b.elements(), at), "dot"));
    }
    if (a.isScalar() || (f == Expr.Function.SOFTMAX && a.rank() != 1)) {
      throw new ShapeException(at, Written.of(c) + ": " + Written.of(c.argument()) + " " + a.described() + "; "
          + f.spelling() + " takes a vector" + (f == Expr.Function.SOFTMAX ? "." : " or a matrix."));
    }
    if (f == Expr.Function.SOFTMAX) {
      // p = softmax(z) names its parts p_max, p_exp[i], p_sum; a softmax inside a longer statement
      // (L = -log(softmax(s)[3])) names them after its vector, s_max, s_exp[i], s_sum, not after the loss.
      String owner = c != statementValue && c.argument() instanceof Expr.Variable v ? v.name() : statementName;
      return intermediates.softmax(owner, a, at, statementPosition);
    }
    Expr total = total(a.elements(), at);
    if (f == Expr.Function.SUM) {
      return Shaped.scalar(intermediates.computed(total, "sum"));
    }
    String count = String.valueOf(a.elements().size());
    return Shaped.scalar(intermediates.computed(new Expr.Binary(total, Expr.Operator.DIVIDE,
        new Expr.Literal(a.elements().size(), count, at), at), "mean"));
  }

  /** x[1] * y[1] + x[2] * y[2] + …, nested to the left. */
  private static Expr dot(List<Expr> x, List<Expr> y, Position at) {
    List<Expr> products = new ArrayList<>();
    for (int k = 0; k < x.size(); k++) {
      products.add(new Expr.Binary(x.get(k), Expr.Operator.MULTIPLY, y.get(k), at));
    }
    return total(products, at);
  }

  /** terms[0] + terms[1] + …, nested to the left. */
  static Expr total(List<Expr> terms, Position at) {
    Expr sum = terms.get(0);
    for (int k = 1; k < terms.size(); k++) {
      sum = new Expr.Binary(sum, Expr.Operator.ADD, terms.get(k), at);
    }
    return sum;
  }

  private static ShapeException mismatch(Expr whole, Expr left, Shaped a, Expr right, Shaped b, String why) {
    return new ShapeException(whole.position(), Written.of(whole) + ": " + Written.of(left) + " " + a.described()
        + ", " + Written.of(right) + " " + b.described() + why);
  }
}
