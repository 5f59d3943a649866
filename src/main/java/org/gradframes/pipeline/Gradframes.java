package org.gradframes.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.gradframes.autodiff.BackwardPass;
import org.gradframes.autodiff.BackwardStep;
import org.gradframes.autodiff.Contribution;
import org.gradframes.autodiff.Walkthrough;
import org.gradframes.expr.Parser;
import org.gradframes.expr.Program;
import org.gradframes.expr.Source;
import org.gradframes.expr.SourceException;
import org.gradframes.graph.Edge;
import org.gradframes.graph.Graph;
import org.gradframes.graph.GraphBuilder;
import org.gradframes.graph.Node;
import org.gradframes.layout.Layout;
import org.gradframes.layout.LayoutEngine;
import org.gradframes.layout.LayoutEngines;
import org.gradframes.layout.LayoutRequest;
import org.gradframes.layout.Size;
import org.gradframes.render.scene.Captions;
import org.gradframes.render.scene.Drawing;
import org.gradframes.render.scene.EdgeLabels;
import org.gradframes.render.scene.NodeLabels;
import org.gradframes.render.text.NumberText;
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

  public RenderOptions options() {
    return options;
  }

  /** The theme the options name, loaded. */
  public Theme theme() {
    return theme;
  }

  /**
   * Compiles {@code text}, read under the name {@code source}, and runs its passes.
   *
   * @throws SourceException when the program is wrong, or (with strict options) raises a warning
   * @throws ProgramException when the options do not apply to the program, or it is too big to lay out
   */
  public CompiledProgram compile(String source, String text) {
    Source src = new Source(source, text);
    Program program = new Parser(src, options.maxDepth()).program();
    Graph graph = GraphBuilder.build(program, options.expand());
    if (graph.size() > options.maxNodes()) {
      throw new ProgramException("the graph has " + graph.size() + " nodes, more than the " + options.maxNodes()
          + " gradframes lays out (--max-nodes raises the limit).");
    }
    Walkthrough walk = Walkthrough.of(graph,
        new Walkthrough.Options(options.forwardSteps(), options.byLevel(), training(graph)));
    int precision = options.precision() != null ? options.precision() : (int) theme.number(ThemeKey.PRECISION);
    List<Warning> warnings = warnings(graph, walk.pass(), precision);
    if (options.strict() && !warnings.isEmpty()) {
      Warning first = warnings.get(0);
      throw new SourceException(first.position(), first.message() + " (--strict)");
    }
    return new CompiledProgram(src, graph, walk, warnings, precision);
  }

  /**
   * Compiles {@code text} and lays out and draws its frames.
   *
   * @throws SourceException when the program is wrong
   * @throws ProgramException when the options do not apply to the program
   * @throws org.gradframes.layout.LayoutException when the layout engine is missing or fails
   */
  public Rendering render(String source, String text) {
    return render(compile(source, text));
  }

  /**
   * Lays out and draws the frames of {@code program}.
   *
   * @throws org.gradframes.layout.LayoutException when the layout engine is missing or fails
   */
  public Rendering render(CompiledProgram program) {
    long start = System.nanoTime();
    Graph graph = program.graph();
    Walkthrough walk = program.walk();
    NodeLabels labels = new NodeLabels(graph, walk.frames(), theme, program.precision());
    EdgeLabels edgeLabels = new EdgeLabels(graph, walk.frames(), options.edgeLabels(), theme, program.precision());
    List<Size> sizes = new ArrayList<>();
    for (int i = 0; i < graph.size(); i++) {
      sizes.add(labels.size(i));
    }
    List<Size> labelSizes = new ArrayList<>();
    for (Edge e : graph.edges()) {
      labelSizes.add(edgeLabels.size(e.index()));
    }
    long laying = System.nanoTime();
    LayoutEngine engine = LayoutEngines.choose(options.engine());
    Layout layout = engine.layout(new LayoutRequest(graph, sizes, labelSizes, options.direction()));
    long laid = System.nanoTime();
    List<List<String>> captions = Captions.of(graph, walk, program.precision());
    Drawing drawing = new Drawing(graph, walk, layout, labels, edgeLabels, theme, captions, options.caption(),
        program.precision(), options.canvas());
    String timings = Rendering.timings((laying - start) / 1e9, (laid - laying) / 1e9, walk.frames().size(), -1);
    return new Rendering(program, drawing, options, engine, timings);
  }

  private static void check(String option, List<String> names, Set<String> inputs) {
    for (String name : names) {
      if (!inputs.contains(name)) {
        throw new ProgramException(option + ": '" + name + "' is not an input of this program (its inputs: "
            + String.join(", ", inputs) + ").");
      }
    }
  }

  /** The training of an update: the parameters named, or every input not named as data. */
  private Walkthrough.Training training(Graph graph) {
    if (options.learningRate() == null) {
      return null;
    }
    Set<String> inputs = new LinkedHashSet<>();
    for (Node node : graph.nodes()) {
      if (node instanceof Node.Input) {
        inputs.add(node.name());
      }
    }
    check("--data", options.data(), inputs);
    if (options.parameters() != null) {
      check("--params", options.parameters(), inputs);
    }
    Set<String> parameters = new LinkedHashSet<>(options.parameters() == null ? inputs : options.parameters());
    parameters.removeAll(options.data());
    return new Walkthrough.Training(options.learningRate(), parameters, options.epochs());
  }

  private static List<Warning> warnings(Graph graph, BackwardPass pass, int precision) {
    List<Warning> warnings = new ArrayList<>();
    double[] values = pass.values();
    String output = graph.node(graph.output()).id();
    for (Node node : graph.nodes()) {
      if (node.name() != null && !pass.reachesOutput(node.index())) {
        warnings.add(new Warning(node.position(), "'" + node.name() + "' does not affect the output '" + output
            + "'; its gradient is 0."));
      }
      if (!Double.isFinite(values[node.index()]) && inputsFinite(graph, node, values)) {
        warnings.add(new Warning(node.position(), Captions.describe(graph, node, values, precision) + " is "
            + NumberText.format(values[node.index()], precision) + "; the frames show it as "
            + NumberText.format(values[node.index()], precision) + "."));
      }
    }
    for (BackwardStep step : pass.steps()) {
      for (Contribution c : step.contributions()) {
        if (!Double.isFinite(c.local()) && Double.isFinite(values[step.node()])) {
          Node consumer = graph.node(step.node());
          warnings.add(new Warning(consumer.position(), "the slope of " + Captions.describe(graph, consumer, values,
              precision) + " is " + NumberText.format(c.local(), precision) + ", so the gradients behind it are "
              + NumberText.format(c.amount(), precision) + "."));
        }
      }
    }
    return warnings;
  }

  private static boolean inputsFinite(Graph graph, Node node, double[] values) {
    for (Edge e : graph.inputs(node.index())) {
      if (!Double.isFinite(values[e.from()])) {
        return false;
      }
    }
    return true;
  }
}
