package org.gradframes.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.gradframes.expr.Parser;
import org.gradframes.expr.Position;
import org.gradframes.expr.Program;
import org.gradframes.expr.Source;
import org.junit.jupiter.api.Test;

/**
 * A graph past the node limit is refused at the node that passes it, so a huge program costs no more than the
 * limit; and a long line of terms is built without a stack as deep as the line is long.
 */
class NodeLimitTest {
  /** Less stack than recursion down 100,000 terms needs (tens of MB), and more than any loop needs. */
  private static final long SMALL_STACK = 512 * 1024;

  private static Program program(String text) {
    return Parser.parse(new Source("t.grad", text));
  }

  /** {@code x = 1}, then {@code s1 = x + 1}, {@code s2 = x + 1}, …: a node, then two (1 and +) per statement. */
  private static String statements(int count) {
    StringBuilder text = new StringBuilder("x = 1\n");
    for (int i = 1; i <= count; i++) {
      text.append('s').append(i).append(" = x + 1\n");
    }
    return text.toString();
  }

  /** {@code x = 1}, then {@code y = x + x + … + x} of {@code terms} terms: the k-th + is at column 7 + 4(k - 1). */
  private static String line(int terms) {
    StringBuilder text = new StringBuilder("x = 1\ny = x");
    for (int i = 1; i < terms; i++) {
      text.append(" + x");
    }
    return text.append('\n').toString();
  }

  /** Runs {@code task} on a thread of {@link #SMALL_STACK} bytes; returns what it returns, throws what it throws. */
  private static <T> T onASmallStack(Supplier<T> task) throws Throwable {
    AtomicReference<T> result = new AtomicReference<>();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread thread = new Thread(null, () -> {
      try {
        result.set(task.get());
      } catch (Throwable t) {
        failure.set(t);
      }
    }, "small-stack", SMALL_STACK);
    thread.start();
    thread.join();
    if (failure.get() != null) {
      throw failure.get();
    }
    return result.get();
  }

  @Test
  void theErrorIsAtTheFirstNodePastTheLimit() {
    Program program = program(statements(10_000));
    GraphTooLargeException e = assertThrows(GraphTooLargeException.class,
        () -> GraphBuilder.build(program, false, null, 100));
    // x is node 1 and statement k brings nodes 2k and 2k + 1, so node 101 is the + of s50, on line 51
    assertEquals(new Position(51, 9), e.position(), e.getMessage());
    assertEquals("the graph has more than 100 nodes, the most gradframes lays out; it passes that here, in 's50'.",
        e.getMessage());
    assertEquals(100, e.limit());
  }

  @Test
  void aGraphOfExactlyTheLimitIsBuilt() {
    Program program = program(statements(50));
    assertEquals(101, GraphBuilder.build(program, false, null, 101).size());
    assertThrows(GraphTooLargeException.class, () -> GraphBuilder.build(program, false, null, 100));
    assertEquals(101, GraphBuilder.build(program).size(), "the old signatures have no limit");
  }

  @Test
  void theStatementGraphStopsAtItsLimit() {
    Program program = program(statements(10_000));
    GraphTooLargeException e = assertThrows(GraphTooLargeException.class,
        () -> GraphBuilder.statements(program, null, 5));
    // a node per statement: the sixth is s5's, on line 6
    assertEquals(new Position(6, 1), e.position(), e.getMessage());
    assertTrue(e.getMessage().contains("more than 5 nodes"), e.getMessage());
    assertEquals(11, GraphBuilder.statements(program(statements(10)), null, 11).size());
  }

  @Test
  void aLineOfHalfAMillionTermsStopsAtTheLimitOnASmallStack() throws Throwable {
    Program program = onASmallStack(() -> program(line(500_000)));
    GraphTooLargeException e = assertThrows(GraphTooLargeException.class,
        () -> onASmallStack(() -> GraphBuilder.build(program, false, null, 2000)));
    // x is node 1 and the k-th + is node k + 1: node 2001 is the 2000th +
    assertEquals(new Position(2, 7 + 4 * 1999), e.position(), e.getMessage());
    assertTrue(e.getMessage().contains("more than 2000 nodes") && e.getMessage().contains("in 'y'"), e.getMessage());
  }

  @Test
  void aLongLineIsBuiltWithoutADeepStack() throws Throwable {
    Program program = onASmallStack(() -> program(line(100_000)));
    Graph ops = onASmallStack(() -> GraphBuilder.build(program));
    assertEquals(100_000, ops.size());
    assertEquals("y-1", ops.node(1).id());
    assertEquals(List.of(0, 0), ops.node(1).inputs(), "the first + adds the first two terms");
    assertEquals(List.of(99_998, 0), ops.node(99_999).inputs(), "the last + adds the last term to the rest");
    assertEquals("y", ops.node(ops.output()).id());
    Graph statements = onASmallStack(() -> GraphBuilder.statements(program));
    assertEquals(2, statements.size());
    assertEquals(List.of(0), statements.node(1).inputs());
  }
}
