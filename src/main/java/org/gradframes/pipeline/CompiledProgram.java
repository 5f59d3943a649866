package org.gradframes.pipeline;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.gradframes.autodiff.Snapshot;
import org.gradframes.autodiff.Walkthrough;
import org.gradframes.expr.Source;
import org.gradframes.graph.Graph;
import org.gradframes.render.format.LiveChecks;

/**
 * A program compiled and run: its source, its graph, every frame of its forward and backward passes (and updates),
 * and the warnings its numbers raised. Nothing is laid out or drawn yet.
 */
public final class CompiledProgram {
  private final Source source;
  private final Graph graph;
  private final Walkthrough walk;
  private final List<Warning> warnings;
  private final int precision;
  private final View view;
  private final Supplier<LiveChecks> checks;

  CompiledProgram(Source source, Graph graph, Walkthrough walk, List<Warning> warnings, int precision, View view,
      Supplier<LiveChecks> checks) {
    this.checks = Objects.requireNonNull(checks, "checks");
    this.source = Objects.requireNonNull(source, "source");
    this.graph = Objects.requireNonNull(graph, "graph");
    this.walk = Objects.requireNonNull(walk, "walk");
    this.warnings = List.copyOf(warnings);
    this.precision = precision;
    this.view = view;
  }

  /** The view its graph is built for: a node per operation, or per statement. */
  public View view() {
    return view;
  }

  /** The program's text and the name it was read under. */
  public Source source() {
    return source;
  }

  public Graph graph() {
    return graph;
  }

  /** The walk through the frames: values, gradients and training, epoch by epoch. */
  public Walkthrough walk() {
    return walk;
  }

  /** Every frame, in order: what each shows of values, gradients and states. */
  public List<Snapshot> frames() {
    return walk.frames();
  }

  /** The program's value of every node as written, by node index. */
  public double[] values() {
    return walk.values();
  }

  /** The gradient of the output with respect to every node, by node index. */
  public double[] gradients() {
    return walk.gradients();
  }

  /** What the render noticed about the program's numbers (unused variables, division by zero, ...). */
  public List<Warning> warnings() {
    return warnings;
  }

  /** The program's warnings as a live page checks them again. */
  LiveChecks checks() {
    return checks.get();
  }

  /** The significant digits numbers are shown with. */
  int precision() {
    return precision;
  }
}
