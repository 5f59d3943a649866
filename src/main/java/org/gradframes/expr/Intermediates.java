package org.gradframes.expr;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The values that {@link Vectors} computes once and names, as a teacher draws them: a softmax's logits, shift,
 * exponentials and sum, and a sum, mean or dot product that a statement uses more than once ({@code c = v -
 * mean(v)} computes the mean once, as {@code c_mean}). Each is a statement named after the statement it serves and
 * its role, {@code p_exp[2]}, {@code c_mean}; a name the program already uses gets a number, {@code c_mean2}.
 */
final class Intermediates {
  private final Set<String> taken;
  private final List<Statement> into;
  /** The scalars a function of vectors computed, by identity, with their role: sum, mean or dot. */
  private final Map<Expr, String> roles = new IdentityHashMap<>();
  /**
   * The logarithm of each softmax element, by identity: log(exp(z[i] − m) / s) is z[i] − m − log(s), which stays
   * finite where the element itself rounds to 0 (−log(softmax([1000, 0])[2]) is 1000, not ∞).
   */
  private final Map<Expr, Expr> logs = new IdentityHashMap<>();

  /** Intermediates added to {@code into}, named apart from {@code names}, every name the program defines. */
  Intermediates(Collection<String> names, List<Statement> into) {
    this.taken = new HashSet<>(names);
    this.into = into;
  }

  /** {@code total}, remembered as the scalar a function of vectors computed in the role {@code role}. */
  Expr computed(Expr total, String role) {
    if (total instanceof Expr.Binary) {
      roles.put(total, role);
    }
    return total;
  }

  /**
   * {@code softmax(v)} in the statement {@code statement}: element i is exp(v[i] - m) / (exp(v[1] - m) + … +
   * exp(v[n] - m)), m the largest element, each part computed once in an intermediate ({@code p_z[i]} for a
   * computed logit, {@code p_max}, {@code p_exp[i]}, {@code p_sum}) at {@code where}, the statement's position;
   * m is the max of pairs, then of pairs of those, so its depth grows as log n. The shift changes no value and
   * no gradient, and keeps every exponential at most 1.
   */
  Shaped softmax(String statement, Shaped v, Position at, Position where) {
    Shaped z = computedOnce(statement, "z", v, where);
    List<Expr> largest = z.elements();
    while (largest.size() > 1) {
      List<Expr> pairs = new ArrayList<>();
      for (int k = 0; k + 1 < largest.size(); k += 2) {
        pairs.add(new Expr.Call(Expr.Function.MAX, List.of(largest.get(k), largest.get(k + 1)), at));
      }
      if (largest.size() % 2 == 1) {
        pairs.add(largest.get(largest.size() - 1));
      }
      largest = pairs;
    }
    Expr m = largest.get(0);
    // A number would make the statement p_max an input; the shift of one number is that number.
    Expr shift = leaf(m) && !(m instanceof Expr.Variable) ? m : define(statement, "max", Shaped.scalar(m), where)
        .scalar();
    Shaped exps = define(statement, "exp", z.map(x -> new Expr.Call(Expr.Function.EXP,
        List.of(new Expr.Binary(x, Expr.Operator.SUBTRACT, shift, at)), at)), where);
    Expr sum = define(statement, "sum", Shaped.scalar(Vectors.total(exps.elements(), at)), where).scalar();
    Shaped p = exps.map(e -> new Expr.Binary(e, Expr.Operator.DIVIDE, sum, at));
    Expr logSum = new Expr.Call(Expr.Function.LOG, List.of(sum), at);
    for (int k = 0; k < p.elements().size(); k++) {
      logs.put(p.elements().get(k), new Expr.Binary(new Expr.Binary(z.elements().get(k), Expr.Operator.SUBTRACT, shift,
          at), Expr.Operator.SUBTRACT, logSum, at));
    }
    return p;
  }

  /** The logarithm of {@code element}: its log-softmax form when it is a softmax's element, else {@code log(…)}. */
  Expr log(Expr element, Position at) {
    Expr log = logs.get(element);
    return log != null ? log : new Expr.Call(Expr.Function.LOG, List.of(element), at);
  }

  /**
   * {@code value} with each element that is computed, not a name or a number, in a statement {@code
   * statement_role[k]} of its own: {@code softmax(2 * h)} computes each logit {@code p_z[k]} once.
   */
  Shaped computedOnce(String statement, String role, Shaped value, Position at) {
    if (value.elements().stream().allMatch(Intermediates::leaf)) {
      return value;
    }
    String name = fresh(statement + "_" + role);
    List<Expr> elements = new ArrayList<>();
    for (int k = 0; k < value.elements().size(); k++) {
      Expr element = value.elements().get(k);
      if (leaf(element)) {
        elements.add(element);
      } else {
        String named = name + Shaped.suffix(value.shape(), k);
        into.add(new Statement(named, element, at));
        elements.add(new Expr.Variable(named, at));
      }
    }
    return new Shaped(value.shape(), elements);
  }

  private static boolean leaf(Expr e) {
    return e instanceof Expr.Variable || e instanceof Expr.Literal
        || (e instanceof Expr.Negation n && n.operand() instanceof Expr.Literal);
  }

  /** Adds statements {@code statement_role} for the elements of {@code value}; returns their variables. */
  Shaped define(String statement, String role, Shaped value, Position at) {
    String name = fresh(statement + "_" + role);
    for (int k = 0; k < value.elements().size(); k++) {
      into.add(new Statement(name + Shaped.suffix(value.shape(), k), value.elements().get(k), at));
    }
    return Shaped.variable(name, value.shape(), at);
  }

  /**
   * {@code value} with every scalar of a function of vectors that it uses more than once, in one element or across
   * several, computed once in an intermediate of its own, innermost first.
   */
  Shaped shared(String statement, Shaped value, Position at) {
    if (roles.isEmpty()) {
      return value;
    }
    List<Expr> finished = new ArrayList<>();
    Map<Expr, Boolean> seen = new IdentityHashMap<>();
    for (Expr element : value.elements()) {
      order(element, seen, finished);
    }
    Map<Expr, Long> uses = uses(value.elements(), finished);
    Map<Expr, String> repeated = new IdentityHashMap<>(roles);
    repeated.keySet().removeIf(total -> uses.getOrDefault(total, 0L) < 2);
    roles.clear();
    if (repeated.isEmpty()) {
      return value;
    }
    Map<Expr, Expr> rebuilt = new IdentityHashMap<>();
    for (Expr part : finished) {
      Expr once = rebuild(part, rebuilt);
      String role = repeated.get(part);
      rebuilt.put(part, role == null ? once : define(statement, role, Shaped.scalar(once), at).scalar());
    }
    return value.map(rebuilt::get);
  }

  /**
   * Adds {@code root} and its parts to {@code finished}, each once and after all of the parts inside it; a loop
   * with a stack rather than recursion, as a sum of a long vector is a chain as long as the vector.
   */
  private static void order(Expr root, Map<Expr, Boolean> seen, List<Expr> finished) {
    Deque<Expr> stack = new ArrayDeque<>();
    Deque<Boolean> expanded = new ArrayDeque<>();
    stack.push(root);
    expanded.push(false);
    while (!stack.isEmpty()) {
      Expr expr = stack.pop();
      if (expanded.pop()) {
        finished.add(expr);
      } else if (seen.put(expr, true) == null) {
        stack.push(expr);
        expanded.push(true);
        List<Expr> parts = parts(expr);
        for (int i = parts.size() - 1; i >= 0; i--) {
          stack.push(parts.get(i));
          expanded.push(false);
        }
      }
    }
  }

  /**
   * How many times each part occurs in {@code elements} written out as trees (at most 2: more is as shared), from
   * the outermost parts in; a part shared by identity occurs as often as the parts it is in.
   */
  private static Map<Expr, Long> uses(List<Expr> elements, List<Expr> finished) {
    Map<Expr, Long> uses = new IdentityHashMap<>();
    for (Expr element : elements) {
      uses.merge(element, 1L, (a, b) -> Math.min(2, a + b));
    }
    for (int i = finished.size() - 1; i >= 0; i--) {
      long n = uses.getOrDefault(finished.get(i), 0L);
      for (Expr part : parts(finished.get(i))) {
        uses.merge(part, n, (a, b) -> Math.min(2, a + b));
      }
    }
    return uses;
  }

  private static List<Expr> parts(Expr expr) {
    if (expr instanceof Expr.Negation n) {
      return List.of(n.operand());
    }
    if (expr instanceof Expr.Binary b) {
      return List.of(b.left(), b.right());
    }
    if (expr instanceof Expr.Call c) {
      return c.arguments();
    }
    return List.of();
  }

  /** {@code expr} with its parts as {@code rebuilt} has them, a new node only where one of them changed. */
  private static Expr rebuild(Expr expr, Map<Expr, Expr> rebuilt) {
    List<Expr> parts = parts(expr);
    List<Expr> now = parts.stream().map(rebuilt::get).toList();
    boolean same = true;
    for (int i = 0; i < parts.size(); i++) {
      same &= now.get(i) == parts.get(i);
    }
    if (same) {
      return expr;
    }
    if (expr instanceof Expr.Negation n) {
      return new Expr.Negation(now.get(0), n.position());
    }
    if (expr instanceof Expr.Binary b) {
      return new Expr.Binary(now.get(0), b.operator(), now.get(1), b.position());
    }
    Expr.Call c = (Expr.Call) expr;
    return new Expr.Call(c.function(), now, c.position());
  }

  /** {@code base}, or with the first number from 2 that makes it a name not taken yet. */
  private String fresh(String base) {
    String name = base;
    for (int k = 2; taken.contains(name); k++) {
      name = base + k;
    }
    taken.add(name);
    return name;
  }
}
