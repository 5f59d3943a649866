package org.gradframes.graph;

import java.util.List;
import java.util.Objects;
import org.gradframes.expr.Expr;
import org.gradframes.expr.Position;

/** A node of the computational graph; {@code index} is its place in source order. */
public sealed interface Node {
  /** The node's place in the graph, in source order. */
  int index();

  /** A stable identifier: the variable's name, or a generated one such as {@code y-1}. */
  String id();

  /** Where the node comes from in the program text. */
  Position position();

  /** The program's name for the node, or null for an unnamed operation or a constant. */
  default String name() {
    return null;
  }

  /** The nodes whose values this node is computed from, by argument; empty for a leaf. */
  default List<Integer> inputs() {
    return List.of();
  }

  /** Whether the node's value is computed from other nodes: an operation or a statement. */
  default boolean computed() {
    return false;
  }

  /** Whether the backward pass gives the node a gradient: every node but a constant and a data input. */
  default boolean hasGradient() {
    return true;
  }

  /**
   * An input variable, a leaf with a value given by the program; a {@code data} input is held constant, as a
   * number in an expression is: it has a value and no gradient.
   */
  record Input(int index, String name, double value, Position position, boolean data) implements Node {
    public Input {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(position, "position");
    }

    /** An input that has a gradient. */
    public Input(int index, String name, double value, Position position) {
      this(index, name, value, position, false);
    }

    @Override
    public String id() {
      return name;
    }

    @Override
    public boolean hasGradient() {
      return !data;
    }
  }

  /** A number constant inside an expression: a leaf with a value and no gradient. */
  record Constant(int index, String id, double value, String text, Position position) implements Node {
    public Constant {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(text, "text");
      Objects.requireNonNull(position, "position");
    }

    @Override
    public boolean hasGradient() {
      return false;
    }
  }

  /** An operation on the nodes listed in {@code inputs}; {@code name} is null when unnamed. */
  record Operation(int index, String id, String name, Op op, List<Integer> inputs, Position position)
      implements Node {
    public Operation {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(op, "op");
      inputs = List.copyOf(inputs);
      Objects.requireNonNull(position, "position");
      if (inputs.size() != op.arity()) {
        throw new IllegalArgumentException(op + " takes " + op.arity() + " inputs, not " + inputs.size());
      }
      for (int input : inputs) {
        if (input < 0 || input >= index) {
          throw new IllegalArgumentException("input " + input + " does not precede node " + index);
        }
      }
    }

    @Override
    public boolean computed() {
      return true;
    }
  }

  /**
   * A whole statement {@code name = expression} as one node, computed from the variables it uses: {@code inputs}
   * are their nodes and {@code variables} their ids, in the order the expression first uses them. A function call
   * taken out of a longer statement is a statement of its own, unnamed ({@code named} false), with an id from the
   * statement it is in ({@code loss-1}).
   */
  record Statement(int index, String id, Expr expression, List<String> variables, List<Integer> inputs,
      Position position, boolean named, Expr written) implements Node {
    public Statement {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(expression, "expression");
      variables = List.copyOf(variables);
      inputs = List.copyOf(inputs);
      Objects.requireNonNull(position, "position");
      if (variables.size() != inputs.size()) {
        throw new IllegalArgumentException("a node for every variable of " + id);
      }
      for (int input : inputs) {
        if (input < 0 || input >= index) {
          throw new IllegalArgumentException("input " + input + " does not precede node " + index);
        }
      }
    }

    /** A statement as the program writes it. */
    public Statement(int index, String id, Expr expression, List<String> variables, List<Integer> inputs,
        Position position, boolean named) {
      this(index, id, expression, variables, inputs, position, named, null);
    }

    /** A named statement. */
    public Statement(int index, String name, Expr expression, List<String> variables, List<Integer> inputs,
        Position position) {
      this(index, name, expression, variables, inputs, position, true);
    }

    /**
     * This statement, remembering that the program wrote it as {@code written} with vectors (see
     * {@link org.gradframes.expr.Statement#written}); null when it is written as it is.
     */
    public Statement written(Expr written) {
      return new Statement(index, id, expression, variables, inputs, position, named, written);
    }

    @Override
    public String name() {
      return named ? id : null;
    }

    @Override
    public boolean computed() {
      return true;
    }

    /** The argument that variable {@code name} is, or -1. */
    public int argument(String variable) {
      return variables.indexOf(variable);
    }
  }
}
