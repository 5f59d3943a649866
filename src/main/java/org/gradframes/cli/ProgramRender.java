package org.gradframes.cli;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.gradframes.layout.LayoutException;
import org.gradframes.render.CaptionMode;
import org.gradframes.render.Captions;
import org.gradframes.render.DeckWriter;
import org.gradframes.render.EdgeLabels;
import org.gradframes.render.NodeLabels;
import org.gradframes.render.NumberText;
import org.gradframes.render.Painter;
import org.gradframes.render.Theme;
import org.gradframes.render.TraceJson;

/** The whole pipeline for one program, from its text to the bytes of its files; writes nothing itself. */
final class ProgramRender {
  private static final double SLIDE_WIDTH = 1920;
  private static final double SLIDE_HEIGHT = 1080;
  private static final double MAX_AUTO_SCALE = 4;

  private final Options options;
  private final Theme theme;

  ProgramRender(Options options, Theme theme) {
    this.options = options;
    this.theme = theme;
  }

  Theme theme() {
    return theme;
  }

  /**
   * Renders {@code input}.
   *
   * @throws SourceException when the program is wrong
   * @throws LayoutException when Graphviz fails
   */
  RenderedProgram render(ProgramInput input) {
    long start = System.nanoTime();
    Source source = new Source(input.name(), input.text());
    Program program = new Parser(source, options.maxDepth()).program();
    Graph graph = GraphBuilder.build(program, options.expand());
    if (graph.size() > options.maxNodes()) {
      throw new ProgramException("the graph has " + graph.size() + " nodes, more than the " + options.maxNodes()
          + " gradframes lays out (--max-nodes raises the limit).");
    }
    Walkthrough walk = Walkthrough.of(graph,
        new Walkthrough.Options(options.forwardSteps(), options.byLevel(), training(graph)));
    int precision = options.precision() != null ? options.precision() : (int) theme.number("precision");
    List<Warning> warnings = warnings(graph, walk.pass(), precision);
    if (options.strict() && !warnings.isEmpty()) {
      Warning first = warnings.get(0);
      throw new SourceException(first.position(), first.message() + " (--strict)");
    }
    NodeLabels labels = new NodeLabels(graph, walk, theme, precision);
    EdgeLabels edgeLabels = new EdgeLabels(graph, walk, options.edgeLabels(), theme, precision);
    long laying = System.nanoTime();
    Layout layout = Layout.compute(graph, labels::size, edgeLabels::size, options.direction(), options.engine());
    long laid = System.nanoTime();
    List<List<String>> captions = Captions.of(graph, walk, precision);
    Painter painter = new Painter(graph, walk, layout, labels, edgeLabels, theme, captions, options.caption(),
        precision, options.canvas());
    double scale = options.scale() != null ? options.scale()
        : Math.min(MAX_AUTO_SCALE, Math.min(SLIDE_WIDTH / painter.width(), SLIDE_HEIGHT / painter.height()));
    Map<String, byte[]> files = new LinkedHashMap<>();
    List<Map<String, String>> frameFiles = frames(painter, walk.frames().size(), scale, files);
    long painted = System.nanoTime();
    if (options.caption() == CaptionMode.FILE) {
      StringBuilder text = new StringBuilder();
      for (List<String> caption : captions) {
        text.append(Captions.plain(caption).replace("\n", "; ")).append('\n');
      }
      files.put("captions.txt", text.toString().getBytes(StandardCharsets.UTF_8));
    }
    decks(input.stem(), input.folder(), painter, captions, frameFiles, scale, files);
    if (options.formats().contains(OutputFormat.JSON)) {
      TraceJson.Header header = new TraceJson.Header(input.stem(), input.name(), "gradframes " + Main.version(),
          options.engine().resolve().name().toLowerCase(java.util.Locale.ROOT), painter.width(), painter.height(),
          (int) Math.round(painter.width() * scale), (int) Math.round(painter.height() * scale));
      String json = TraceJson.write(header, graph, walk, captions, frameFiles);
      files.put("trace.json", json.getBytes(StandardCharsets.UTF_8));
    }
    String timings = String.format(java.util.Locale.ROOT,
        "compile and measure %.3f s, layout %.3f s, %d frames %.3f s, decks and trace %.3f s",
        (laying - start) / 1e9, (laid - laying) / 1e9, walk.frames().size(), (painted - laid) / 1e9,
        (System.nanoTime() - painted) / 1e9);
    return new RenderedProgram(source, files, walk.frames().size(), warnings, timings);
  }

  /** Paints every frame in the formats asked for; frames are painted in parallel, written in order. */
  private List<Map<String, String>> frames(Painter painter, int count, double scale, Map<String, byte[]> files) {
    boolean svg = options.formats().contains(OutputFormat.SVG);
    boolean png = options.formats().contains(OutputFormat.PNG);
    byte[][] svgs = new byte[count][];
    byte[][] pngs = new byte[count][];
    IntStream.range(0, count).parallel().forEach(i -> {
      svgs[i] = svg ? painter.svg(i).getBytes(StandardCharsets.UTF_8) : null;
      pngs[i] = png ? painter.png(i, scale) : null;
    });
    List<Map<String, String>> frameFiles = new ArrayList<>();
    int digits = Math.max(3, Integer.toString(count - 1).length());
    for (int i = 0; i < count; i++) {
      String base = String.format(java.util.Locale.ROOT, "frame-%0" + digits + "d", i);
      Map<String, String> names = new LinkedHashMap<>();
      if (svg) {
        names.put("svg", base + ".svg");
        files.put(base + ".svg", svgs[i]);
      }
      if (png) {
        names.put("png", base + ".png");
        files.put(base + ".png", pngs[i]);
      }
      frameFiles.add(names);
    }
    return frameFiles;
  }

  /** The formats made of all frames at once: GIF, HTML, PDF, and the Beamer, Markdown and DOT texts. */
  private void decks(String stem, String outputFolder, Painter painter, List<List<String>> captions,
      List<Map<String, String>> frameFiles, double scale, Map<String, byte[]> files) {
    Set<OutputFormat> formats = options.formats();
    List<String> plain = captions.stream().map(Captions::plain).toList();
    if (formats.contains(OutputFormat.GIF)) {
      files.put(stem + ".gif", painter.gif(scale, options.delay()));
    }
    if (formats.contains(OutputFormat.HTML)) {
      List<String> svgs = new ArrayList<>();
      for (Map<String, String> names : frameFiles) {
        byte[] svg = names.containsKey("svg") ? files.get(names.get("svg")) : null;
        svgs.add(svg == null ? null : new String(svg, StandardCharsets.UTF_8));
      }
      files.put(stem + ".html", utf8(painter.html("gradframes: " + stem, options.delay(), svgs)));
    }
    if (formats.contains(OutputFormat.PDF)) {
      files.put(stem + ".pdf", painter.pdf());
    }
    if (formats.contains(OutputFormat.BEAMER)) {
      String folder = options.out().resolve(outputFolder).toString().replace(java.io.File.separatorChar, '/');
      boolean pdf = formats.contains(OutputFormat.PDF);
      List<String> pngs = frameFiles.stream().map(f -> f.get("png")).toList();
      files.put(stem + ".tex", utf8(DeckWriter.beamer(stem, folder, pdf ? stem + ".pdf" : null, pngs, plain)));
    }
    if (formats.contains(OutputFormat.MD)) {
      String kind = formats.contains(OutputFormat.SVG) ? "svg" : "png";
      files.put(stem + ".md", utf8(DeckWriter.markdown(stem, frameFiles.stream().map(f -> f.get(kind)).toList(),
          plain)));
    }
    if (formats.contains(OutputFormat.DOT)) {
      files.put(stem + ".dot", utf8(painter.dot(stem)));
    }
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static void check(String option, List<String> names, Set<String> inputs) {
    for (String name : names) {
      if (!inputs.contains(name)) {
        throw new ProgramException(option + ": '" + name + "' is not an input of this program (its inputs: "
            + String.join(", ", inputs) + ").");
      }
    }
  }

  /** The training of --update: the parameters named by --params, or every input not named by --data. */
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
