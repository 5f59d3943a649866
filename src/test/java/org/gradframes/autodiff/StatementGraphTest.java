package org.gradframes.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.gradframes.expr.Parser;
import org.gradframes.expr.Program;
import org.gradframes.expr.Source;
import org.gradframes.graph.Graph;
import org.gradframes.graph.GraphBuilder;
import org.gradframes.graph.Node;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The statement graph (a node per statement) gives every variable the gradient the operation graph gives it, and
 * both agree with central finite differences.
 */
class StatementGraphTest {
  private static Program program(String text) {
    return new Parser(new Source("t.grad", text), Parser.DEFAULT_MAX_DEPTH).program();
  }

  static Stream<Path> programs() throws IOException {
    return Stream.concat(Files.list(Path.of("samples")), Files.list(Path.of("bench/teaching")))
        .filter(p -> p.toString().endsWith(".grad")).sorted();
  }

  private static void sameGradients(String text) {
    Program program = program(text);
    Graph ops = GraphBuilder.build(program);
    Graph statements = GraphBuilder.statements(program);
    double[] opGrads = BackwardPass.run(ops, ForwardPass.evaluate(ops)).gradients();
    double[] values = ForwardPass.evaluate(statements);
    double[] grads = BackwardPass.run(statements, values).gradients();
    double[] opValues = ForwardPass.evaluate(ops);
    for (Node node : statements.nodes()) {
      if (node.name() == null) {
        continue; // a call taken out of a longer statement: not a variable of the program
      }
      Node op = ops.nodes().stream().filter(n -> node.name().equals(n.name())).findFirst().orElseThrow();
      assertEquals(opValues[op.index()], values[node.index()], 1e-12 * Math.max(1, Math.abs(opValues[op.index()])),
          node.name() + " value\n" + text);
      assertEquals(opGrads[op.index()], grads[node.index()], 1e-9 * Math.max(1, Math.abs(opGrads[op.index()])),
          node.name() + " gradient\n" + text);
      if (node instanceof Node.Input in && FiniteDifferences.settled(statements, in)) {
        assertTrue(FiniteDifferences.agree(FiniteDifferences.derivative(statements, in), grads[node.index()]),
            node.name() + ": finite difference\n" + text);
      }
    }
  }

  @Test
  void twoArgumentFunctionsAndTiesHaveTheSameGradientsAsStatements() {
    sameGradients("a = 0.5\nb = 1.5\nc = 0.5\nm = max(a, b) * min(a, c) + pow(b, a)\ny = m ** 2 \u2212 max(a, c)");
  }

  @ParameterizedTest
  @MethodSource("programs")
  void samplesAndTeachingProgramsHaveTheSameGradients(Path file) throws IOException {
    sameGradients(Files.readString(file));
  }

  @Test
  void generatedProgramsHaveTheSameGradients() {
    RandomPrograms programs = new RandomPrograms(new Random(31));
    for (int i = 0; i < 300; i++) {
      sameGradients(programs.next().text());
    }
  }

  @Test
  void aStatementIsOneNodeOverTheVariablesItUses() {
    Graph g = GraphBuilder.statements(program("a = 2\nb = 3\nc = a * b + a ^ 2 + 1\ny = c - b\n"));
    assertEquals(4, g.size());
    Node.Statement c = (Node.Statement) g.node(2);
    assertEquals(List.of("a", "b"), c.variables());
    assertEquals(List.of(0, 1), c.inputs());
    List<Integer> into = new ArrayList<>();
    g.inputs(3).forEach(e -> into.add(e.from()));
    assertEquals(List.of(2, 1), into);
    double[] grads = BackwardPass.run(g, ForwardPass.evaluate(g)).gradients();
    assertEquals(3 + 2 * 2, grads[0], 1e-12, "dy/da = b + 2a");
    assertEquals(2 - 1, grads[1], 1e-12, "dy/db = a - 1");
  }
}
