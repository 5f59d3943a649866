package org.gradframes.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.gradframes.expr.Parser;
import org.gradframes.layout.Direction;
import org.gradframes.render.format.Format;
import org.gradframes.render.format.Formats;
import org.gradframes.render.scene.Canvas;
import org.gradframes.render.scene.CaptionMode;
import org.gradframes.render.scene.DrawingStyle;
import org.gradframes.render.scene.EdgeLabelMode;
import org.gradframes.render.theme.Theme;

/**
 * Everything that decides what a render makes of a program; immutable, made with {@link #builder}. Two renders of
 * the same program with equal options write the same bytes.
 *
 * @param formats the formats asked for, by name, in registry order
 * @param theme a bundled theme's name or a theme file's path
 * @param precision significant digits, or null for the theme's
 * @param engine the layout engine's name, or null for the first that can run here
 * @param scale PNG pixels per point, or null to fit a 1920x1080 slide
 * @param direction the direction values flow in, or null for the one that gives the largest text on a slide
 * @param view how much of the graph the frames draw
 * @param textPx the pixel size of node text at 1080p every frame is drawn at, or null to fit the slide
 * @param learningRate the learning rate of a gradient-descent update after the backward pass, or null for none
 * @param parameters the inputs that are parameters (every other input is data), or null for every input not named
 *     in {@code data}
 * @param output the variable whose gradient is seeded with 1, or null for the last statement's
 * @param style how the nodes and edges are drawn
 * @param maxDeckMb the most megabytes a program's files may be estimated to take before any is written
 */
public record RenderOptions(List<String> formats, String theme, Integer precision, String engine, Double scale,
    Direction direction, int maxDepth, EdgeLabelMode edgeLabels, CaptionMode caption, boolean forwardSteps,
    boolean byLevel, boolean expand, Double learningRate, List<String> parameters, List<String> data, int epochs,
    Canvas canvas, int delay, int maxNodes, boolean strict, View view, Integer textPx, String output,
    DrawingStyle style, int maxDeckMb) {
  /** The most megabytes a program's files may take, unless raised: a deck past it is one nobody could open. */
  public static final int DEFAULT_MAX_DECK_MB = 500;
  /** The formats written when none are named: SVG and PNG frames and the trace. */
  public static final List<String> DEFAULT_FORMATS = List.of("svg", "png", "json");
  /** Why {@code style} cannot draw {@code view}: the circuit and micrograd styles draw the ops view only. */
  public static String stylesOps(DrawingStyle style, View view) {
    return "--style " + style.key() + " draws the ops view, a node per operation; for --view " + view.key()
        + " use --style boxes (or leave --view out).";
  }

  /** Why the circuit and micrograd styles cannot be drawn top to bottom. */
  public static final String STYLES_LR = "--style circuit and --style micrograd are drawn left to right, as the"
      + " CS231n notes and micrograd's draw_dot draw them (a value above each wire and its gradient below, an"
      + " operation's circle left of its record); for --rankdir TB use --style boxes.";
  /** The most nodes a graph may have to be laid out, unless raised. */
  public static final int DEFAULT_MAX_NODES = 2000;

  public RenderOptions {
    formats = List.copyOf(formats);
    Objects.requireNonNull(theme, "theme");
    Objects.requireNonNull(edgeLabels, "edgeLabels");
    Objects.requireNonNull(caption, "caption");
    parameters = parameters == null ? null : List.copyOf(parameters);
    data = List.copyOf(data);
    Objects.requireNonNull(canvas, "canvas");
    Objects.requireNonNull(view, "view");
    Objects.requireNonNull(style, "style");
  }

  /** Options with every default: SVG, PNG and trace, the light theme, the preferred engine. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these options, to change some of them. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * The formats to write: those asked for, those they bring along and the caption file of {@code --caption file},
   * in registry order.
   */
  public List<Format> resolvedFormats() {
    return Formats.resolve(new LinkedHashSet<>(formats), caption);
  }

  /** Builds {@link RenderOptions}, one named setter per option; each setter checks its value. */
  public static final class Builder {
    private List<String> formats = DEFAULT_FORMATS;
    private String theme = Theme.DEFAULT;
    private Integer precision;
    private String engine;
    private Double scale;
    private Direction direction;
    private int maxDepth = Parser.DEFAULT_MAX_DEPTH;
    private EdgeLabelMode edgeLabels = EdgeLabelMode.LOCAL;
    private CaptionMode caption = CaptionMode.BELOW;
    private boolean forwardSteps;
    private boolean byLevel;
    private boolean expand;
    private Double learningRate;
    private List<String> parameters;
    private List<String> data = List.of();
    private int epochs = 1;
    private Canvas canvas = Canvas.AUTO;
    private int delay = 1500;
    private int maxNodes = DEFAULT_MAX_NODES;
    private boolean strict;
    private View view = View.AUTO;
    private Integer textPx;
    private String output;
    private DrawingStyle style = DrawingStyle.BOXES;
    private int maxDeckMb = DEFAULT_MAX_DECK_MB;

    private Builder() {}

    private Builder(RenderOptions o) {
      formats = o.formats;
      theme = o.theme;
      precision = o.precision;
      engine = o.engine;
      scale = o.scale;
      direction = o.direction;
      maxDepth = o.maxDepth;
      edgeLabels = o.edgeLabels;
      caption = o.caption;
      forwardSteps = o.forwardSteps;
      byLevel = o.byLevel;
      expand = o.expand;
      learningRate = o.learningRate;
      parameters = o.parameters;
      data = o.data;
      epochs = o.epochs;
      canvas = o.canvas;
      delay = o.delay;
      maxNodes = o.maxNodes;
      strict = o.strict;
      view = o.view;
      textPx = o.textPx;
      output = o.output;
      style = o.style;
      maxDeckMb = o.maxDeckMb;
    }

    /** The formats to write, by name ({@code svg}, {@code pdf}, ...; see {@link Formats}). */
    public Builder formats(String... names) {
      return formats(List.of(names));
    }

    /** The formats to write, by name; {@code all} names every format. */
    public Builder formats(List<String> names) {
      Set<String> chosen = new LinkedHashSet<>();
      for (String name : names) {
        if (name.equals("all")) {
          chosen.addAll(Formats.names());
        } else if (Formats.named(name) == null) {
          throw new IllegalArgumentException("unknown format '" + name + "' (the formats are "
              + String.join(", ", Formats.names()) + ").");
        } else {
          chosen.add(name);
        }
      }
      List<String> ordered = new ArrayList<>(Formats.names());
      ordered.retainAll(chosen);
      this.formats = ordered;
      return this;
    }

    /** A bundled theme ({@code light}, {@code dark}, {@code print}, {@code colorblind}) or a theme file's path. */
    public Builder theme(String nameOrPath) {
      this.theme = Objects.requireNonNull(nameOrPath, "theme");
      return this;
    }

    /** Significant digits of the numbers shown, 1 to 17, or null for the theme's. */
    public Builder precision(Integer digits) {
      check(digits == null || (digits >= 1 && digits <= 17), "precision is 1 to 17, not " + digits);
      this.precision = digits;
      return this;
    }

    /** The layout engine by name ({@code dot}, {@code embedded}), or null for the first that can run here. */
    public Builder engine(String name) {
      this.engine = name;
      return this;
    }

    /** PNG pixels per point, or null to fit a 1920x1080 slide (at most 4). */
    public Builder scale(Double scale) {
      check(scale == null || (scale > 0 && Double.isFinite(scale)), "scale is positive, not " + scale);
      this.scale = scale;
      return this;
    }

    /** Whether values flow left to right or top to bottom; null for whichever gives the larger text. */
    public Builder direction(Direction direction) {
      this.direction = direction;
      return this;
    }

    /** How much of the graph the frames draw: {@link View#AUTO} (the default) picks the finest that reads. */
    public Builder view(View view) {
      this.view = Objects.requireNonNull(view, "view");
      return this;
    }

    /** Node text at this many pixels at 1080p in every frame (8 to 200), or null to fit the slide. */
    public Builder textPx(Integer px) {
      check(px == null || (px >= 8 && px <= 200), "text size is 8 to 200 px, not " + px);
      this.textPx = px;
      return this;
    }

    /** The deepest nesting of parentheses, minus signs and powers a program may use. */
    public Builder maxDepth(int depth) {
      check(depth >= 1, "max depth is at least 1, not " + depth);
      this.maxDepth = depth;
      return this;
    }

    /** What edges say during the backward pass. */
    public Builder edgeLabels(EdgeLabelMode mode) {
      this.edgeLabels = Objects.requireNonNull(mode, "edgeLabels");
      return this;
    }

    /** Where each frame's caption goes. */
    public Builder caption(CaptionMode mode) {
      this.caption = Objects.requireNonNull(mode, "caption");
      return this;
    }

    /** Whether a frame per node evaluation comes before the backward pass. */
    public Builder forwardSteps(boolean forwardSteps) {
      this.forwardSteps = forwardSteps;
      return this;
    }

    /** Whether the backward pass steps a level of the graph at a time instead of a node at a time. */
    public Builder byLevel(boolean byLevel) {
      this.byLevel = byLevel;
      return this;
    }

    /** Whether sigmoid, tanh and tan are drawn as their primitive operations. */
    public Builder expand(boolean expand) {
      this.expand = expand;
      return this;
    }

    /** A gradient-descent update with this learning rate after the backward pass, or null for none. */
    public Builder learningRate(Double rate) {
      check(rate == null || (rate > 0 && Double.isFinite(rate)), "learning rate is positive, not " + rate);
      this.learningRate = rate;
      return this;
    }

    /** The inputs that are parameters, every other one data; null for every input not named by {@link #data}. */
    public Builder parameters(List<String> names) {
      this.parameters = names;
      return this;
    }

    /** The inputs that are data: each has a value and no gradient, and the update leaves it alone. */
    public Builder data(List<String> names) {
      this.data = Objects.requireNonNull(names, "data");
      return this;
    }

    /** How many times forward, backward and update are repeated (with a learning rate). */
    public Builder epochs(int epochs) {
      check(epochs >= 1, "at least one epoch, not " + epochs);
      this.epochs = epochs;
      return this;
    }

    /** Every frame's size. */
    public Builder canvas(Canvas canvas) {
      this.canvas = Objects.requireNonNull(canvas, "canvas");
      return this;
    }

    /** Milliseconds per frame of an animation. */
    public Builder delay(int millis) {
      check(millis > 0, "delay is positive, not " + millis);
      this.delay = millis;
      return this;
    }

    /** The most nodes a graph may have to be laid out. */
    public Builder maxNodes(int nodes) {
      check(nodes >= 1, "max nodes is at least 1, not " + nodes);
      this.maxNodes = nodes;
      return this;
    }

    /** The most megabytes a program's files may be estimated to take; past it nothing is written. */
    public Builder maxDeckMb(int megabytes) {
      check(megabytes >= 1, "the largest deck is at least 1 MB, not " + megabytes);
      this.maxDeckMb = megabytes;
      return this;
    }

    /** Whether warnings are errors. */
    public Builder strict(boolean strict) {
      this.strict = strict;
      return this;
    }

    /** The variable whose gradient is seeded with 1 (the frames' output), or null for the last statement's. */
    public Builder output(String name) {
      check(name == null || !name.isBlank(), "the output is a variable's name, not '" + name + "'");
      this.output = name;
      return this;
    }

    /** How the nodes and edges are drawn: boxes, gates on wires (circuit), or micrograd's records. */
    public Builder style(DrawingStyle style) {
      this.style = Objects.requireNonNull(style, "style");
      return this;
    }

    private static void check(boolean ok, String message) {
      if (!ok) {
        throw new IllegalArgumentException(message);
      }
    }

    /** The options. */
    public RenderOptions build() {
      check(style == DrawingStyle.BOXES || direction != Direction.TB, STYLES_LR);
      return new RenderOptions(formats, theme, precision, engine, scale, direction, maxDepth, edgeLabels, caption,
          forwardSteps, byLevel, expand, learningRate, parameters, data, epochs, canvas, delay, maxNodes, strict, view,
          textPx, output, style, maxDeckMb);
    }
  }
}
