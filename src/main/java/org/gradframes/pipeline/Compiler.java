package org.gradframes.pipeline;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.gradframes.autodiff.BackwardPass;
import org.gradframes.autodiff.ForwardPass;
import org.gradframes.autodiff.Walkthrough;
import org.gradframes.expr.Parser;
import org.gradframes.expr.Position;
import org.gradframes.expr.Program;
import org.gradframes.expr.Source;
import org.gradframes.expr.Statement;
import org.gradframes.expr.Suggestions;
import org.gradframes.graph.Graph;
import org.gradframes.graph.GraphBuilder;
import org.gradframes.graph.GraphTooLargeException;
import org.gradframes.graph.Node;
import org.gradframes.render.format.LiveChecks;
import org.gradframes.render.text.Fonts;
import org.gradframes.render.text.NumberText;
import org.gradframes.render.theme.Theme;
import org.gradframes.render.theme.ThemeKey;

/**
 * Compiles a program in one view: checks what the options say of it, builds the graph of the view, runs the
 * passes for warnings, and plans the frames.
 */
final class Compiler {
  /**
   * How many times the node limit the operations of a program drawn in a coarser view may number: they are built to
   * check its numbers (warnings), never laid out, so a few hundred thousand cost a second, and a line of millions of
   * terms ends here instead of running for minutes.
   */
  static final int CHECKED_NODES_PER_DRAWN_NODE = 100;

  private final RenderOptions options;
  private final Theme theme;

  Compiler(RenderOptions options, Theme theme) {
    this.options = options;
    this.theme = theme;
  }

  Program parse(Source source) {
    return new Parser(source, options.maxDepth()).program();
  }

  CompiledProgram compile(Source src, Program program, View view) {
    checkNames(program);
    checkOutput(program);
    checkHighlight(program);
    Graph ops = operations(src, program, view);
    Set<String> data = Inputs.data(ops, options);
    ops = ops.withData(data);
    Graph graph = view == View.OPS ? ops : GraphBuilder.statements(program, options.output(), options.maxNodes())
        .withData(data);
    if (view == View.NETWORK && !Inputs.neurons(graph, options).any()) {
      throw new InvalidOptionException(Option.VIEW, Message.of(Option.VIEW, " network: the program is not a network"
          + " of two or more neurons, statements act(w1 * in1 + ... + b) or w1 * in1 + ... + b with every weight and"
          + " bias an input that statement alone uses (see Views in docs/frames.md)."), null);
    }
    int precision = options.decimals() != null ? NumberText.decimals(options.decimals())
        : options.precision() != null ? options.precision() : (int) theme.number(ThemeKey.PRECISION);
    BackwardPass checked = BackwardPass.run(ops, ForwardPass.evaluate(ops));
    List<Warning> warnings = Warnings.of(ops, checked, precision);
    if (options.strict() && !warnings.isEmpty()) {
      Warning first = warnings.get(0);
      throw new InvalidProgramException(src, first.position(), Message.of(first.message(), " (", Option.STRICT, ")"),
          null);
    }
    Walkthrough walk = Walkthrough.of(graph,
        new Walkthrough.Options(options.forwardSteps(), options.byLevel(), training(graph)));
    return new CompiledProgram(src, graph, walk, warnings, precision, view,
        liveChecks(src, ops, checked, precision));
  }

  /**
   * The warnings as a live HTML page checks them, made when the page is written; nothing is kept for a render that
   * writes no live page.
   */
  private java.util.function.Supplier<LiveChecks> liveChecks(Source src, Graph ops, BackwardPass checked,
      int precision) {
    boolean page = options.live() && options.resolvedFormats().stream().anyMatch(f -> f.name().equals("html"));
    return page ? () -> Warnings.live(src, ops, checked, precision) : () -> null;
  }

  /**
   * Every name must be drawable: a letter the frames' font has no glyph for would be an empty box in PNG, GIF and
   * PDF frames and something else in SVG, so it is refused where it is written.
   */
  private static void checkNames(Program program) {
    for (Statement statement : program.statements()) {
      String name = statement.name();
      for (int i = 0; i < name.length(); i = name.offsetByCodePoints(i, 1)) {
        int c = name.codePointAt(i);
        if (!Fonts.draws(c)) {
          int column = statement.position().column() + name.codePointCount(0, i);
          throw new org.gradframes.expr.SourceException(new Position(statement.position().line(), column),
              "'" + new String(Character.toChars(c)) + "' (U+" + String.format(Locale.ROOT, "%04X", c)
              + ") cannot be drawn: the frames' font, Liberation Sans, has no glyph for it; name the variable"
              + " with Latin, Greek or Cyrillic letters.");
        }
      }
    }
  }

  /** The graph of every operation, bounded by the node limit in the ops view and by a multiple of it in the others. */
  private Graph operations(Source src, Program program, View view) {
    if (view == View.OPS) {
      return GraphBuilder.build(program, options.expand(), options.output(), options.maxNodes());
    }
    int limit = (int) Math.min(Integer.MAX_VALUE, (long) CHECKED_NODES_PER_DRAWN_NODE * options.maxNodes());
    try {
      return GraphBuilder.build(program, options.expand(), options.output(), limit);
    } catch (GraphTooLargeException e) {
      throw new InvalidProgramException(src, e.position(), Message.of("the program has more than " + limit
          + " operations, the most gradframes checks for the " + view.key() + " view (" + CHECKED_NODES_PER_DRAWN_NODE
          + " times ", Option.MAX_NODES, ", which raises the limit); it passes that here."), e);
    }
  }

  /** The variable the options name as the output, when they name one, must be defined by the program. */
  private void checkOutput(Program program) {
    String output = options.output();
    if (output == null) {
      return;
    }
    List<String> names = program.statements().stream().map(Statement::name).toList();
    List<String> elements = names.stream().filter(n -> n.startsWith(output + "[")).toList();
    if (!names.contains(output) && !elements.isEmpty()) {
      throw new InvalidOptionException(Option.OUTPUT, Message.of(Option.OUTPUT, ": '" + output + "' is a vector or"
          + " matrix of " + elements.size() + " elements, and the output is one number; name one of them, such as '"
          + elements.get(0) + "'."), null);
    }
    if (!names.contains(output)) {
      String nearest = Suggestions.nearest(output, names);
      throw new InvalidOptionException(Option.OUTPUT, nearest != null
          ? Message.of(Option.OUTPUT, ": no statement defines '" + output + "'; did you mean '" + nearest + "'?")
          : Message.of(Option.OUTPUT, ": no statement defines '" + output + "' (the last statement, '"
              + program.output().name() + "', is the output without ", Option.OUTPUT, ")."), null);
    }
  }

  /**
   * Every variable the options highlight must be one the program names: an input or a statement, a whole vector or
   * matrix, or one of its elements.
   */
  private void checkHighlight(Program program) {
    List<String> names = program.statements().stream().map(Statement::name).toList();
    for (String name : options.highlight()) {
      if (names.contains(name) || names.stream().anyMatch(n -> n.startsWith(name + "["))) {
        continue;
      }
      String nearest = Suggestions.nearest(name, names);
      throw new InvalidOptionException(Option.HIGHLIGHT, Message.of(Option.HIGHLIGHT, ": the program has no variable"
          + " '" + name + "'" + (nearest != null ? "; did you mean '" + nearest + "'?" : " (its variables are "
          + String.join(", ", names.subList(0, Math.min(8, names.size()))) + (names.size() > 8 ? ", ..." : "")
          + ").")), null);
    }
  }

  /** The training of an update: every input that is not data. */
  private Walkthrough.Training training(Graph graph) {
    if (options.learningRate() == null) {
      return null;
    }
    Set<String> parameters = new LinkedHashSet<>();
    for (Node node : graph.nodes()) {
      if (node instanceof Node.Input in && !in.data()) {
        parameters.add(in.name());
      }
    }
    return new Walkthrough.Training(options.learningRate(), parameters, options.epochs());
  }
}
