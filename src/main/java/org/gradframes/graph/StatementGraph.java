package org.gradframes.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gradframes.expr.Expr;
import org.gradframes.expr.Position;
import org.gradframes.expr.Program;
import org.gradframes.expr.Statement;

/** Builds the graph of a program with a node per statement (see {@link GraphBuilder#statements}). */
final class StatementGraph {
  private final List<Node> nodes = new ArrayList<>();
  private final Map<String, Integer> names = new HashMap<>();
  private final int maxNodes;
  private Statement statement;
  private int count;

  private StatementGraph(int maxNodes) {
    this.maxNodes = maxNodes;
  }

  /** The statement graph of {@code program}, whose names {@link GraphBuilder#build} has already checked. */
  static Graph of(Program program, String output, int maxNodes) {
    StatementGraph graph = new StatementGraph(maxNodes);
    for (Statement statement : program.statements()) {
      graph.statement(statement);
    }
    return new Graph(graph.nodes, graph.names.get(output));
  }

  private void statement(Statement s) {
    statement = s;
    count = 0;
    if (s.isInput()) {
      add(s.name(), new Node.Input(nodes.size(), s.name(), s.inputValue(), s.position()));
    } else {
      Expr value = split(s.value(), true);
      add(s.name(), statementNode(s.name(), value, s.position(), true).written(s.written()));
    }
  }

  /**
   * {@code expr} with every function call inside it whose argument uses two or more variables taken out as an
   * unnamed statement of its own ({@code loss-1}, {@code loss-2}, … inner ones first), so that one long statement
   * is still drawn as its steps: {@code loss = (v * tanh(w * x + b) - y) ^ 2} as the tanh and the loss.
   */
  private Expr split(Expr expr, boolean top) {
    if (expr instanceof Expr.Negation n) {
      return new Expr.Negation(split(n.operand(), false), n.position());
    }
    if (expr instanceof Expr.Binary b) {
      return splitChain(b);
    }
    if (!(expr instanceof Expr.Call c)) {
      return expr;
    }
    List<Expr> arguments = new ArrayList<>();
    for (Expr a : c.arguments()) {
      arguments.add(split(a, false));
    }
    Expr call = new Expr.Call(c.function(), arguments, c.position());
    if (top || variables(call).size() < 2) {
      return call;
    }
    String id = statement.name() + "-" + (++count);
    add(id, statementNode(id, call, c.position(), false));
    return new Expr.Variable(id, c.position());
  }

  /** {@link #split} of a chain of binary operations, looping down its left operands: {@code x + x + …} is deep. */
  private Expr splitChain(Expr.Binary top) {
    List<Expr.Binary> chain = GraphBuilder.leftChain(top);
    Expr result = split(chain.get(chain.size() - 1).left(), false);
    for (int i = chain.size() - 1; i >= 0; i--) {
      Expr.Binary b = chain.get(i);
      result = new Expr.Binary(result, b.operator(), split(b.right(), false), b.position());
    }
    return result;
  }

  private Node.Statement statementNode(String id, Expr value, Position position, boolean named) {
    List<String> variables = variables(value);
    List<Integer> inputs = variables.stream().map(names::get).toList();
    return new Node.Statement(nodes.size(), id, value, variables, inputs, position, named);
  }

  /** The variables {@code expr} uses, each once, in the order they first appear. */
  private static List<String> variables(Expr expr) {
    Set<String> found = new LinkedHashSet<>();
    Deque<Expr> pending = new ArrayDeque<>();
    pending.push(expr);
    while (!pending.isEmpty()) {
      Expr e = pending.pop();
      if (e instanceof Expr.Variable v) {
        found.add(v.name());
      } else if (e instanceof Expr.Negation n) {
        pending.push(n.operand());
      } else if (e instanceof Expr.Binary b) {
        pending.push(b.right());
        pending.push(b.left());
      } else if (e instanceof Expr.Call c) {
        for (int i = c.arguments().size() - 1; i >= 0; i--) {
          pending.push(c.arguments().get(i));
        }
      }
    }
    return new ArrayList<>(found);
  }

  private void add(String id, Node node) {
    if (nodes.size() == maxNodes) {
      throw new GraphTooLargeException(node.position(), maxNodes, statement.name());
    }
    nodes.add(node);
    names.put(id, node.index());
  }
}
