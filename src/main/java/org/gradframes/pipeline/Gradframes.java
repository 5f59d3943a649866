package org.gradframes.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.gradframes.autodiff.BackwardPass;
import org.gradframes.autodiff.Walkthrough;
import org.gradframes.expr.Parser;
import org.gradframes.expr.Program;
import org.gradframes.expr.Source;
import org.gradframes.expr.SourceException;
import org.gradframes.graph.Edge;
import org.gradframes.graph.Graph;
import org.gradframes.graph.GraphBuilder;
import org.gradframes.graph.GraphTooLargeException;
import org.gradframes.graph.Neurons;
import org.gradframes.graph.Node;
import org.gradframes.autodiff.ForwardPass;
import org.gradframes.layout.Direction;
import org.gradframes.layout.Layout;
import org.gradframes.layout.LayoutEngine;
import org.gradframes.layout.LayoutEngines;
import org.gradframes.layout.LayoutRequest;
import org.gradframes.layout.Size;
import org.gradframes.render.scene.Canvas;
import org.gradframes.render.scene.Captions;
import org.gradframes.render.scene.Drawing;
import org.gradframes.render.scene.DrawingStyle;
import org.gradframes.render.scene.EdgeLabels;
import org.gradframes.render.scene.NodeLabels;
import org.gradframes.render.scene.Shown;
import org.gradframes.render.theme.Theme;
import org.gradframes.render.theme.ThemeKey;

/**
 * The library's entry point: compiles programs and renders their frames with one set of options.
 *
 * <pre>{@code
 * Gradframes gradframes = new Gradframes(RenderOptions.builder().formats("svg", "json").build());
 * gradframes.render("lecture.grad", "x = 3\ny = x * x\n").writeTo(Path.of("frames/lecture"));
 * }</pre>
 */
public final class Gradframes {
  private final RenderOptions options;
  private final Theme theme;

  /**
   * A renderer with {@code options}; the theme is loaded now.
   *
   * @throws org.gradframes.render.theme.ThemeException when the theme is missing or wrong
   */
  public Gradframes(RenderOptions options) {
    this.options = options;
    this.theme = Theme.load(options.theme());
  }

  /** The version of this build of gradframes. */
  public static String version() {
    String version = Gradframes.class.getPackage().getImplementationVersion();
    return version == null ? "dev" : version;
  }

  /**
   * The fingerprint of this build: a SHA-256 of its classes, resources and POM, written when it was built; {@code dev}
   * for classes that no build fingerprinted.
   */
  public static String build() {
    try (java.io.InputStream in = Gradframes.class.getResourceAsStream("/org/gradframes/build.sha256")) {
      return in == null ? "dev" : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII).strip();
    } catch (java.io.IOException e) {
      return "dev";
    }
  }

  public RenderOptions options() {
    return options;
  }

  /** The theme the options name, loaded. */
  public Theme theme() {
    return theme;
  }

  /**
   * Compiles {@code text}, read under the name {@code source}, and runs its passes, in the view the options name
   * (the finest, a node per operation, for {@link View#AUTO}).
   *
   * @throws SourceException when the program is wrong, or (with strict options) raises a warning
   * @throws ProgramException when the options do not apply to the program, or it is too big to lay out
   */
  public CompiledProgram compile(String source, String text) {
    Source src = new Source(source, text);
    return compile(src, new Parser(src, options.maxDepth()).program(),
        options.view() == View.AUTO ? View.OPS : options.view());
  }

  /**
   * Every name must be drawable: a letter the frames' font has no glyph for would be an empty box in PNG, GIF and
   * PDF frames and something else in SVG, so it is refused where it is written.
   */
  private static void checkNames(Program program) {
    for (org.gradframes.expr.Statement statement : program.statements()) {
      String name = statement.name();
      for (int i = 0; i < name.length(); i = name.offsetByCodePoints(i, 1)) {
        int c = name.codePointAt(i);
        if (!org.gradframes.render.text.Fonts.draws(c)) {
          int column = statement.position().column() + name.codePointCount(0, i);
          throw new SourceException(new org.gradframes.expr.Position(statement.position().line(), column),
              "'" + new String(Character.toChars(c)) + "' (U+" + String.format(java.util.Locale.ROOT, "%04X", c)
              + ") cannot be drawn: the frames' font, Liberation Sans, has no glyph for it; name the variable"
              + " with Latin, Greek or Cyrillic letters.");
        }
      }
    }
  }

  /**
   * How many times --max-nodes the operations of a program drawn in a coarser view may number: they are built to
   * check its numbers (warnings), never laid out, so a few hundred thousand cost a second, and a line of millions of
   * terms ends here instead of running for minutes.
   */
  static final int CHECKED_NODES_PER_DRAWN_NODE = 100;

  /** The graph of every operation, bounded by --max-nodes in the ops view and by a multiple of it in the others. */
  private Graph operations(Program program, View view) {
    if (view == View.OPS) {
      return GraphBuilder.build(program, options.expand(), options.output(), options.maxNodes());
    }
    int limit = (int) Math.min(Integer.MAX_VALUE, (long) CHECKED_NODES_PER_DRAWN_NODE * options.maxNodes());
    try {
      return GraphBuilder.build(program, options.expand(), options.output(), limit);
    } catch (GraphTooLargeException e) {
      throw new SourceException(e.position(), "the program has more than " + limit + " operations, the most"
          + " gradframes checks for the " + view.key() + " view (" + CHECKED_NODES_PER_DRAWN_NODE + " times"
          + " --max-nodes, which raises the limit); it passes that here.");
    }
  }

  private CompiledProgram compile(Source src, Program program, View view) {
    checkNames(program);
    checkOutput(program);
    Graph ops = operations(program, view);
    Set<String> data = data(ops);
    ops = ops.withData(data);
    Graph graph = view == View.OPS ? ops : GraphBuilder.statements(program, options.output(), options.maxNodes())
        .withData(data);
    if (view == View.NETWORK && !neurons(graph).any()) {
      throw new ProgramException("--view network: the program is not a network of two or more neurons, statements"
          + " act(w1 * in1 + ... + b) or w1 * in1 + ... + b with every weight and bias an input that statement alone"
          + " uses (see Views in docs/frames.md).");
    }
    int precision = options.precision() != null ? options.precision() : (int) theme.number(ThemeKey.PRECISION);
    List<Warning> warnings = Warnings.of(ops, BackwardPass.run(ops, ForwardPass.evaluate(ops)), precision);
    if (options.strict() && !warnings.isEmpty()) {
      Warning first = warnings.get(0);
      throw new SourceException(first.position(), first.message() + " (--strict)");
    }
    Walkthrough walk = Walkthrough.of(graph,
        new Walkthrough.Options(options.forwardSteps(), options.byLevel(), training(graph)));
    return new CompiledProgram(src, graph, walk, warnings, precision, view);
  }

  /**
   * Compiles {@code text} and lays out and draws its frames. With {@link View#AUTO} it takes the finest view whose
   * frames fit a 1920×1080 slide with no text under 18 px, and says so in {@link Rendering#notes} when that is
   * not the finest; when no view reads that well, it draws the coarsest and the notes say how small the text is.
   *
   * @throws SourceException when the program is wrong
   * @throws ProgramException when the options do not apply to the program
   * @throws org.gradframes.layout.LayoutException when the layout engine is missing or fails
   */
  public Rendering render(String source, String text) {
    Source src = new Source(source, text);
    Program program = new Parser(src, options.maxDepth()).program();
    View fixed = options.view();
    if (options.style() != DrawingStyle.BOXES) {
      if (fixed != View.AUTO && fixed != View.OPS) {
        throw new ProgramException(RenderOptions.stylesOps(options.style(), fixed));
      }
      fixed = View.OPS;
    }
    if (fixed != View.AUTO) {
      Rendering rendering = render(compile(src, program, fixed));
      if (!rendering.readable()) {
        rendering.note(unreadable(rendering));
      }
      return rendering;
    }
    Rendering finest = null;
    Rendering chosen = null;
    View skipped = null;
    CompiledProgram last = null;
    GraphTooLargeException tooLarge = null;
    for (View view : List.of(View.OPS, View.STATEMENTS, View.NETWORK)) {
      if (view == View.NETWORK && !neurons(GraphBuilder.statements(program, options.output())).any()) {
        break;
      }
      CompiledProgram compiled;
      try {
        compiled = compile(src, program, view);
      } catch (GraphTooLargeException e) {
        // Too many operations to lay out is a reason to draw a coarser view, as too small text is.
        tooLarge = tooLarge == null ? e : tooLarge;
        continue;
      }
      Prepared prepared = prepare(compiled);
      if (view != View.NETWORK && options.textPx() == null && options.scale() == null
          && prepared.textBound(theme) < Rendering.SMALLEST_TEXT_PX) {
        skipped = skipped == null ? view : skipped;
        last = compiled;
        continue;
      }
      chosen = render(prepared);
      finest = finest == null ? chosen : finest;
      if (chosen.readable()) {
        break;
      }
    }
    if (chosen == null && last == null) {
      throw tooLarge;
    }
    if (chosen == null) {
      chosen = render(last);
      finest = chosen;
    }
    if (tooLarge != null) {
      chosen.note("the ops view would have more than " + tooLarge.limit() + " nodes, the most gradframes lays out"
          + " (--max-nodes raises the limit), so the frames show the " + chosen.view().key() + " view.");
    }
    if (skipped != null && skipped != chosen.view()) {
      chosen.note("the " + skipped.key() + " view's boxes and labels alone are too many for text of "
          + px(Rendering.SMALLEST_TEXT_PX) + " on a 1920×1080 slide, so the frames show the " + chosen.view().key()
          + " view (--view " + skipped.key() + " draws it anyway).");
    } else if (chosen != finest) {
      chosen.note("the " + finest.view().key() + " view's " + why(finest) + ", so the frames show the "
          + chosen.view().key() + " view (--view " + finest.view().key() + " draws it anyway).");
    }
    if (!chosen.readable()) {
      chosen.note(unreadable(chosen));
    }
    return chosen;
  }

  private String unreadable(Rendering r) {
    String size = r.fitsSlide() ? "their smallest text is " + px(r.smallestTextPx()) + " on a 1920×1080 slide, under "
        + px(Rendering.SMALLEST_TEXT_PX) : "they are " + pixels(r) + ", larger than a 1920×1080 slide";
    List<String> help = new ArrayList<>();
    boolean boxes = options.style() == DrawingStyle.BOXES;
    if (!boxes) {
      help.add("--style boxes (which can draw the statements or the network view)");
    }
    if (boxes && r.view() != View.NETWORK && neurons(GraphBuilder.statements(parse(r.program().source()), options.output()))
        .any()) {
      help.add("--view network");
    }
    if (boxes && options.edgeLabels() != org.gradframes.render.scene.EdgeLabelMode.NONE) {
      help.add("--edge-labels none");
    }
    if (options.caption() == org.gradframes.render.scene.CaptionMode.BELOW) {
      help.add("--caption file");
    }
    help.add("shorter names");
    return "the frames are hard to read from the back of a room: " + size + "; " + String.join(", ", help)
        + " would make room.";
  }

  private Program parse(Source source) {
    return new Parser(source, options.maxDepth()).program();
  }

  private static String pixels(Rendering r) {
    return Math.round(r.drawing().width() * r.scale()) + "×" + Math.round(r.drawing().height() * r.scale()) + " px";
  }

  private static String why(Rendering r) {
    return r.fitsSlide() ? "smallest text would be " + px(r.smallestTextPx()) + " on a 1920×1080 slide"
        : "frames would be " + pixels(r) + ", larger than a 1920×1080 slide";
  }

  private static String px(double px) {
    return String.format(java.util.Locale.ROOT, "%.1f px", px);
  }

  /**
   * Lays out and draws the frames of {@code program}; without a direction in the options, in the direction (or,
   * left to right, wrapped into rows) that gives the largest text on a 1920×1080 slide.
   *
   * @throws org.gradframes.layout.LayoutException when the layout engine is missing or fails
   */
  public Rendering render(CompiledProgram program) {
    return render(prepare(program));
  }

  /** Lays out and draws {@code program} in {@code direction}, wrapped into rows or not, whatever reads best. */
  Rendering render(CompiledProgram program, Direction direction, boolean wrap) {
    return render(prepare(program), direction, wrap);
  }

  private Rendering render(Prepared prepared) {
    if (options.direction() != null) {
      return render(prepared, options.direction(), false);
    }
    Rendering best = null;
    // The circuit and micrograd styles are drawn left to right, as the notes they come from are.
    List<Direction> directions = options.style() == DrawingStyle.BOXES ? List.of(Direction.values())
        : List.of(Direction.LR);
    boolean network = prepared.program().view() == View.NETWORK;
    for (Direction direction : directions) {
      Rendering r = render(prepared, direction, false);
      // A network is drawn left to right, its layers in columns, unless only top to bottom reads.
      if (best == null || (network ? r.readable() : better(r, best, 1.02))) {
        best = r;
      }
      if (network && best.readable()) {
        break;
      }
    }
    // Wrapping into rows is never chosen here: its edges run back across the whole picture, which a room cannot
    // follow (the library's LayoutRequest still offers it). A graph too long for the slide is drawn smaller, and
    // said to be.
    return best;
  }

  /**
   * Whether {@code a} reads better than {@code b}: it fits where {@code b} does not, or its text is larger by
   * {@code gain}.
   */
  private static boolean better(Rendering a, Rendering b, double gain) {
    if (a.fitsSlide() != b.fitsSlide()) {
      return a.fitsSlide();
    }
    return a.smallestTextPx() > b.smallestTextPx() * gain;
  }

  /** What every layout of a program shares: what is drawn, the labels measured once, the captions, the engine. */
  private record Prepared(CompiledProgram program, Shown shown, NodeLabels labels, EdgeLabels edgeLabels,
      List<Size> sizes, List<Size> labelSizes, List<List<String>> captions, LayoutEngine engine, double seconds) {
    /**
     * The largest the smallest text can be on a 1920×1080 slide, in pixels, even if the boxes and labels tiled it
     * without a gap.
     */
    double textBound(Theme theme) {
      double area = 0;
      for (int i = 0; i < sizes.size(); i++) {
        area += shown.node(i) ? sizes.get(i).width() * sizes.get(i).height() : 0;
      }
      boolean labelled = false;
      for (Size s : labelSizes) {
        area += s == null ? 0 : s.width() * s.height();
        labelled |= s != null;
      }
      double smallest = Math.min(theme.number(ThemeKey.NODE_LINE_SIZE),
          labelled ? theme.number(ThemeKey.EDGE_LABEL_SIZE) : Double.POSITIVE_INFINITY);
      return smallest * Math.sqrt(1920.0 * 1080 / area);
    }
  }

  private Prepared prepare(CompiledProgram program) {
    long start = System.nanoTime();
    Graph graph = program.graph();
    Walkthrough walk = program.walk();
    Shown shown = program.view() == View.NETWORK ? NetworkView.shown(graph, neurons(graph)) : Shown.all(graph);
    NodeLabels labels = new NodeLabels(graph, walk.frames(), theme, program.precision(), shown, options.style());
    EdgeLabels edgeLabels = new EdgeLabels(graph, walk.frames(), options.edgeLabels(), theme, program.precision(),
        shown, options.style());
    List<Size> sizes = new ArrayList<>();
    for (int i = 0; i < graph.size(); i++) {
      sizes.add(labels.size(i));
    }
    List<Size> labelSizes = new ArrayList<>();
    for (Edge e : graph.edges()) {
      labelSizes.add(edgeLabels.size(e.index()));
    }
    List<List<String>> captions = Captions.of(graph, walk, program.precision(), theme.on(ThemeKey.NAMES_SUBSCRIPTS));
    return new Prepared(program, shown, labels, edgeLabels, sizes, labelSizes, captions,
        LayoutEngines.choose(options.engine()), (System.nanoTime() - start) / 1e9);
  }

  /**
   * The canvas of the options; with {@code --text-px} and no canvas of its own, a 1920×1080 slide at the scale that
   * draws node text at that size, the graph shrunk only if it does not fit.
   */
  private Canvas canvas() {
    if (options.textPx() == null || options.scale() != null || !options.canvas().equals(Canvas.AUTO)) {
      return options.canvas();
    }
    double scale = options.textPx() / theme.number(ThemeKey.NODE_LINE_SIZE);
    return Canvas.atMost(Rendering.SLIDE_WIDTH / scale, Rendering.SLIDE_HEIGHT / scale);
  }

  private Rendering render(Prepared p, Direction direction, boolean wrap) {
    CompiledProgram program = p.program();
    Graph graph = program.graph();
    long laying = System.nanoTime();
    // Every label sits on its own line, the line running into it and out of it, so that no label can be read as
    // another edge's (a circuit's wire has its value above and its gradient below, on the label's place).
    Layout layout = NetworkView.layout(p.engine(), new LayoutRequest(graph, p.sizes(), p.labelSizes(), direction,
        wrap, List.of(), true), p.shown());
    long laid = System.nanoTime();
    Drawing drawing = new Drawing(graph, program.walk(), layout, p.labels(), p.edgeLabels(), theme, p.captions(),
        options.caption(), program.precision(), canvas(), p.shown());
    String timings = Rendering.timings(p.seconds(), (laid - laying) / 1e9, program.walk().frames().size());
    return new Rendering(program, drawing, options, p.engine(), timings);
  }

  /** The neurons of a statement graph, never taking an input named by --data, or one not named by --params. */
  private Neurons neurons(Graph statements) {
    Set<String> inputs = inputs(statements);
    return Neurons.of(statements, Set.copyOf(elements(options.data(), inputs)),
        options.parameters() == null ? null : Set.copyOf(elements(options.parameters(), inputs)));
  }

  /** The names of the inputs of {@code graph}, in order. */
  private static Set<String> inputs(Graph graph) {
    Set<String> inputs = new LinkedHashSet<>();
    for (Node node : graph.nodes()) {
      if (node instanceof Node.Input) {
        inputs.add(node.name());
      }
    }
    return inputs;
  }

  /** {@code names}, each that names a vector or a matrix of inputs ({@code W1}) replaced by its elements. */
  private static List<String> elements(List<String> names, Set<String> inputs) {
    List<String> elements = new ArrayList<>();
    for (String name : names) {
      List<String> mine = inputs.contains(name) ? List.of(name)
          : inputs.stream().filter(i -> i.startsWith(name + "[")).toList();
      elements.addAll(mine.isEmpty() ? List.of(name) : mine);
    }
    return elements;
  }

  /** The variable named by the options' output, when there is one, must be defined by the program. */
  private void checkOutput(Program program) {
    String output = options.output();
    List<String> names = program.statements().stream().map(org.gradframes.expr.Statement::name).toList();
    List<String> elements = output == null ? List.of() : names.stream().filter(n -> n.startsWith(output + "[")).toList();
    if (output != null && !names.contains(output) && !elements.isEmpty()) {
      throw new ProgramException("--output: '" + output + "' is a vector or matrix of " + elements.size()
          + " elements, and the output is one number; name one of them, such as '" + elements.get(0) + "'.");
    }
    if (output != null && !names.contains(output)) {
      String nearest = org.gradframes.expr.Suggestions.nearest(output, names);
      throw new ProgramException("--output: no statement defines '" + output + "'"
          + (nearest != null ? "; did you mean '" + nearest + "'?" : " (the last statement, '"
              + program.output().name() + "', is the output without --output)."));
    }
  }

  private static void check(String option, List<String> names, Set<String> inputs) {
    for (String name : names) {
      if (!inputs.contains(name)) {
        throw new ProgramException(option + ": '" + name + "' is not an input of this program (its inputs: "
            + String.join(", ", inputs) + ").");
      }
    }
  }

  /**
   * The inputs of {@code graph} that are data: those named by --data, and with --params every input it does not
   * name.
   *
   * @throws ProgramException when a name is no input's
   */
  private Set<String> data(Graph graph) {
    Set<String> inputs = inputs(graph);
    List<String> data = elements(options.data(), inputs);
    List<String> named = options.parameters() == null ? null : elements(options.parameters(), inputs);
    check("--data", data, inputs);
    if (named != null) {
      check("--params", named, inputs);
    }
    Set<String> all = new LinkedHashSet<>(data);
    if (named != null) {
      inputs.stream().filter(i -> !named.contains(i)).forEach(all::add);
    }
    return all;
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
