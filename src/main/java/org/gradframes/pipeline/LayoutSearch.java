package org.gradframes.pipeline;

import java.util.ArrayList;
import java.util.List;
import org.gradframes.autodiff.Walkthrough;
import org.gradframes.graph.Edge;
import org.gradframes.graph.Graph;
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
import org.gradframes.render.scene.Marks;
import org.gradframes.render.scene.NodeLabels;
import org.gradframes.render.scene.Shown;
import org.gradframes.render.theme.Theme;
import org.gradframes.render.theme.ThemeKey;

/**
 * Lays out and draws a compiled program: in the direction the options name, or else in each direction, keeping
 * the one that gives the largest text on a 1920×1080 slide.
 */
final class LayoutSearch {
  private final RenderOptions options;
  private final Theme theme;

  LayoutSearch(RenderOptions options, Theme theme) {
    this.options = options;
    this.theme = theme;
  }

  /** What every layout of a program shares: what is drawn, the labels measured once, the captions, the engine. */
  record Prepared(CompiledProgram program, Shown shown, NodeLabels labels, EdgeLabels edgeLabels,
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

  Prepared prepare(CompiledProgram program) {
    long start = System.nanoTime();
    Graph graph = program.graph();
    Walkthrough walk = program.walk();
    Shown shown = program.view() == View.NETWORK ? NetworkView.shown(graph, Inputs.neurons(graph, options))
        : Shown.all(graph);
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

  /** The best of the directions the options allow, or the one they name. */
  Rendering render(Prepared prepared) {
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

  /**
   * The canvas of the options; with a text size and no canvas or scale of their own, a 1920×1080 slide at the
   * scale that draws node text at that size, the graph shrunk only if it does not fit.
   */
  private Canvas canvas() {
    if (options.textPx() == null || options.scale() != null || !options.canvas().equals(Canvas.AUTO)) {
      return options.canvas();
    }
    double scale = options.textPx() / theme.number(ThemeKey.NODE_LINE_SIZE);
    return Canvas.atMost(Rendering.SLIDE_WIDTH / scale, Rendering.SLIDE_HEIGHT / scale);
  }

  Rendering render(Prepared p, Direction direction, boolean wrap) {
    CompiledProgram program = p.program();
    Graph graph = program.graph();
    long laying = System.nanoTime();
    // Every label sits on its own line, the line running into it and out of it, so that no label can be read as
    // another edge's (a circuit's wire has its value above and its gradient below, on the label's place).
    Layout layout = NetworkView.layout(p.engine(), new LayoutRequest(graph, p.sizes(), p.labelSizes(), direction,
        wrap, List.of(), true), p.shown());
    long laid = System.nanoTime();
    Drawing drawing = new Drawing(graph, program.walk(), layout, p.labels(), p.edgeLabels(), theme, p.captions(),
        options.caption(), program.precision(), canvas(), p.shown(),
        new Marks(options.highlight(), options.stepLabel(), options.legend()));
    String timings = Rendering.timings(p.seconds(), (laid - laying) / 1e9, program.walk().frames().size());
    return new Rendering(program, drawing, options, p.engine(), timings);
  }
}
