package org.gradframes.pipeline;

import java.util.LinkedHashSet;
import java.util.List;
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
 * Everything that decides what a render makes of a program; immutable, made with {@link #builder}, and checked
 * whole when it is built ({@link OptionRules}). Two renders of the same program with equal options write the same
 * bytes.
 */
public final class RenderOptions {
  /** The most megabytes a program's files may take, unless raised: a deck past it is one nobody could open. */
  public static final int DEFAULT_MAX_DECK_MB = 500;
  /** The formats written when none are named: SVG and PNG frames and the trace. */
  public static final List<String> DEFAULT_FORMATS = List.of("svg", "png", "json");
  /** The most nodes a graph may have to be laid out, unless raised. */
  public static final int DEFAULT_MAX_NODES = 2000;

  private final List<String> formats;
  private final String theme;
  private final Integer precision;
  private final String engine;
  private final Double scale;
  private final Direction direction;
  private final int maxDepth;
  private final EdgeLabelMode edgeLabels;
  private final CaptionMode caption;
  private final boolean forwardSteps;
  private final boolean byLevel;
  private final boolean live;
  private final boolean expand;
  private final Double learningRate;
  private final List<String> parameters;
  private final List<String> data;
  private final int epochs;
  private final Canvas canvas;
  private final int delay;
  private final int maxNodes;
  private final boolean strict;
  private final View view;
  private final Integer textPx;
  private final String output;
  private final DrawingStyle style;
  private final int maxDeckMb;
  private final String frames;
  private final String idPrefix;
  private final List<String> highlight;
  private final Integer decimals;
  private final boolean stepLabel;
  private final boolean legend;

  private RenderOptions(Builder b) {
    formats = OptionRules.formats(b.formats);
    theme = b.theme;
    precision = b.precision;
    engine = b.engine;
    scale = b.scale;
    direction = b.direction;
    maxDepth = b.maxDepth;
    edgeLabels = b.edgeLabels;
    caption = b.caption;
    forwardSteps = b.forwardSteps;
    byLevel = b.byLevel;
    live = b.live;
    expand = b.expand;
    learningRate = b.learningRate;
    parameters = b.parameters == null ? null : List.copyOf(b.parameters);
    data = b.data == null ? null : List.copyOf(b.data);
    epochs = b.epochs;
    canvas = b.canvas;
    delay = b.delay;
    maxNodes = b.maxNodes;
    strict = b.strict;
    view = b.view;
    textPx = b.textPx;
    output = b.output;
    style = b.style;
    maxDeckMb = b.maxDeckMb;
    frames = b.frames == null ? null : FrameSelection.check(b.frames);
    idPrefix = b.idPrefix;
    highlight = b.highlight == null ? null : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(
        b.highlight));
    decimals = b.decimals;
    stepLabel = b.stepLabel;
    legend = b.legend;
    OptionRules.check(this);
  }

  /** A builder with every default: SVG, PNG and trace, the light theme, the preferred engine. */
  /**
   * The input names of a comma list, as {@code --data} and {@code --params} take them: blanks dropped, and a comma
   * inside brackets kept as part of an element's name ({@code W[1,2]}).
   */
  public static List<String> names(String list) {
    List<String> names = new java.util.ArrayList<>();
    for (String part : list.split(",(?![^\\[\\]]*\\])")) {
      if (!part.isBlank()) {
        names.add(part.strip().replaceAll("\\s+", ""));
      }
    }
    return names;
  }

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

  /** The formats asked for, by name, in registry order. */
  public List<String> formats() { return formats; }

  /** A bundled theme's name or a theme file's path. */
  public String theme() { return theme; }

  /** Significant digits, or null for the theme's. */
  public Integer precision() { return precision; }

  /** The layout engine's name, or null for the first that can run here. */
  public String engine() { return engine; }

  /** PNG pixels per point, or null to fit a 1920x1080 slide. */
  public Double scale() { return scale; }

  /** The direction values flow in, or null for the one that gives the largest text on a slide. */
  public Direction direction() { return direction; }

  /** The deepest nesting of parentheses, minus signs and powers a program may use. */
  public int maxDepth() { return maxDepth; }

  /** What edges say during the backward pass. */
  public EdgeLabelMode edgeLabels() { return edgeLabels; }

  /** Where each frame's caption goes. */
  public CaptionMode caption() { return caption; }

  /** Whether a frame per node evaluation comes before the backward pass. */
  public boolean forwardSteps() { return forwardSteps; }

  /** Whether the backward pass steps a level of the graph at a time. */
  public boolean byLevel() { return byLevel; }

  /** Whether an HTML stepper lets its reader change the inputs and recomputes every number (the default). */
  public boolean live() { return live; }

  /** Whether sigmoid, tanh and tan are drawn as their primitive operations. */
  public boolean expand() { return expand; }

  /** The learning rate of a gradient-descent update after the backward pass, or null for none. */
  public Double learningRate() { return learningRate; }

  /** The inputs that are parameters, or null for every input not named in {@link #data}. */
  public List<String> parameters() { return parameters; }

  /** The inputs that are data. */
  public List<String> data() { return data; }

  /** How many times forward, backward and update are repeated. */
  public int epochs() { return epochs; }

  /** Every frame's size. */
  public Canvas canvas() { return canvas; }

  /** Milliseconds per frame of an animation. */
  public int delay() { return delay; }

  /** The most nodes a graph may have to be laid out. */
  public int maxNodes() { return maxNodes; }

  /** Whether warnings are errors. */
  public boolean strict() { return strict; }

  /** How much of the graph the frames draw. */
  public View view() { return view; }

  /** The pixel size of node text at 1080p every frame is drawn at, or null to fit the slide. */
  public Integer textPx() { return textPx; }

  /** The variable whose gradient is seeded with 1, or null for the last statement's. */
  public String output() { return output; }

  /** How the nodes and edges are drawn. */
  public DrawingStyle style() { return style; }

  /** The most megabytes a program's files may be estimated to take before any is written. */
  public int maxDeckMb() { return maxDeckMb; }

  /** The frames to write, as a list such as {@code 1,3,5-7} or {@code last}, or null for every frame. */
  public String frames() { return frames; }

  /** What every id of an SVG frame begins with, or null for one made from the program and the options. */
  public String idPrefix() { return idPrefix; }

  /** The variables whose paths to the output are drawn emphasised, everything else dimmed; empty for none. */
  public List<String> highlight() { return highlight; }

  /** Fixed decimals of every number shown, or null for significant digits ({@link #precision}). */
  public Integer decimals() { return decimals; }

  /** Whether every frame says "Step k of N" (a theme may still turn it off). */
  public boolean stepLabel() { return stepLabel; }

  /** Whether every frame has a key of what the colours of nodes and edges mean. */
  public boolean legend() { return legend; }

  /** The numbers of the frames to write among {@code count}, in order; every frame without {@link #frames}. */
  List<Integer> selectedFrames(int count) {
    return frames == null ? java.util.stream.IntStream.range(0, count).boxed().toList()
        : FrameSelection.resolve(frames, count);
  }

  private List<Object> values() {
    return java.util.Arrays.asList(formats, theme, precision, engine, scale, direction, maxDepth, edgeLabels, caption,
        forwardSteps, byLevel, expand, learningRate, parameters, data, epochs, canvas, delay, maxNodes, strict, view,
        textPx, output, style, maxDeckMb, frames, idPrefix, highlight, decimals, stepLabel, legend, live);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RenderOptions other && values().equals(other.values());
  }

  @Override
  public int hashCode() {
    return values().hashCode();
  }

  /** Every option by name, so that equal options print alike (the command line keys its up-to-date check on it). */
  @Override
  public String toString() {
    List<String> names = List.of("formats", "theme", "precision", "engine", "scale", "direction", "maxDepth",
        "edgeLabels", "caption", "forwardSteps", "byLevel", "expand", "learningRate", "parameters", "data", "epochs",
        "canvas", "delay", "maxNodes", "strict", "view", "textPx", "output", "style", "maxDeckMb", "frames",
        "idPrefix", "highlight", "decimals", "stepLabel", "legend");
    List<Object> values = values();
    StringBuilder text = new StringBuilder("RenderOptions[");
    for (int i = 0; i < names.size(); i++) {
      text.append(i == 0 ? "" : ", ").append(names.get(i)).append('=').append(values.get(i));
    }
    // Said only when off, so that the options of a render made before pages were live print as they did then.
    return text.append(live ? "" : ", live=false").append(']').toString();
  }

  /** Builds {@link RenderOptions}, one named setter per option; {@link #build} checks them all at once. */
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
    private boolean live = true;
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
    private String frames;
    private String idPrefix;
    private List<String> highlight = List.of();
    private Integer decimals;
    private boolean stepLabel = true;
    private boolean legend;

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
      live = o.live;
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
      frames = o.frames;
      idPrefix = o.idPrefix;
      highlight = o.highlight;
      decimals = o.decimals;
      stepLabel = o.stepLabel;
      legend = o.legend;
    }

    /** The formats to write, by name ({@code svg}, {@code pdf}, ...; see {@link Formats}). */
    public Builder formats(String... names) {
      return formats(List.of(names));
    }

    /** The formats to write, by name; {@code all} names every format. */
    public Builder formats(List<String> names) {
      this.formats = List.copyOf(names);
      return this;
    }

    /** A bundled theme ({@code light}, {@code dark}, {@code print}, {@code colorblind}), {@code auto} or a theme file's path. */
    public Builder theme(String nameOrPath) {
      this.theme = nameOrPath;
      return this;
    }

    /** Significant digits of the numbers shown, 1 to 17, or null for the theme's. */
    public Builder precision(Integer digits) {
      this.precision = digits;
      return this;
    }

    /** The layout engine by name ({@code dot}, {@code elk}), or null for the first that can run here. */
    public Builder engine(String name) {
      this.engine = name;
      return this;
    }

    /** PNG pixels per point, 0.1 to 20, or null to fit a 1920x1080 slide (at most 4). */
    public Builder scale(Double scale) {
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
      this.view = view;
      return this;
    }

    /** Node text at this many pixels at 1080p in every frame (8 to 200), or null to fit the slide. */
    public Builder textPx(Integer px) {
      this.textPx = px;
      return this;
    }

    /** The deepest nesting of parentheses, minus signs and powers a program may use (1 to 100,000). */
    public Builder maxDepth(int depth) {
      this.maxDepth = depth;
      return this;
    }

    /** What edges say during the backward pass. */
    public Builder edgeLabels(EdgeLabelMode mode) {
      this.edgeLabels = mode;
      return this;
    }

    /** Where each frame's caption goes. */
    public Builder caption(CaptionMode mode) {
      this.caption = mode;
      return this;
    }

    /** Whether a frame per node evaluation comes before the backward pass. */
    public Builder forwardSteps(boolean forwardSteps) {
      this.forwardSteps = forwardSteps;
      return this;
    }

    /** Whether an HTML stepper lets its reader change the inputs (default true). */
    public Builder live(boolean live) {
      this.live = live;
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

    /** A gradient-descent update with this positive learning rate after the backward pass, or null for none. */
    public Builder learningRate(Double rate) {
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
      this.data = names;
      return this;
    }

    /** How many times forward, backward and update are repeated (1 to 10,000; more than 1 with a learning rate). */
    public Builder epochs(int epochs) {
      this.epochs = epochs;
      return this;
    }

    /** Every frame's size: auto, a ratio from 1:10 to 10:1, or 50 to 20,000 points a side. */
    public Builder canvas(Canvas canvas) {
      this.canvas = canvas;
      return this;
    }

    /** Milliseconds per frame of an animation (20 to 600,000). */
    public Builder delay(int millis) {
      this.delay = millis;
      return this;
    }

    /** The most nodes a graph may have to be laid out (1 to 1,000,000). */
    public Builder maxNodes(int nodes) {
      this.maxNodes = nodes;
      return this;
    }

    /** The most megabytes a program's files may be estimated to take (1 to 1,000,000); past it none is written. */
    public Builder maxDeckMb(int megabytes) {
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
      this.output = name;
      return this;
    }

    /** How the nodes and edges are drawn: boxes, gates on wires (circuit), or micrograd's records. */
    public Builder style(DrawingStyle style) {
      this.style = style;
      return this;
    }

    /**
     * The frames to write, as a comma list of frame numbers (0 is the first, as {@code frame-000} names it),
     * {@code first}, {@code last} and ranges such as {@code 5-7} or {@code 2-last}; null for every frame.
     */
    public Builder frames(String frames) {
      this.frames = frames;
      return this;
    }

    /**
     * What every id of an SVG frame begins with (a letter, then letters, digits, {@code -} and {@code _}), so that
     * figures inlined in one page keep their ids apart; null for one made from the program's name and text and the
     * options.
     */
    public Builder idPrefix(String prefix) {
      this.idPrefix = prefix;
      return this;
    }

    /**
     * The variables whose paths to the output every frame draws emphasised, all else dimmed: each the name of an
     * input or a statement ({@code x1}, a whole vector {@code x}, or one element {@code x[2]}); empty for none.
     */
    public Builder highlight(List<String> names) {
      this.highlight = names;
      return this;
    }

    /** Every number shown with exactly this many decimals (0 to 12), or null for significant digits. */
    public Builder decimals(Integer decimals) {
      this.decimals = decimals;
      return this;
    }

    /** Whether every frame says "Step k of N" (on by default; a theme may turn it off). */
    public Builder stepLabel(boolean stepLabel) {
      this.stepLabel = stepLabel;
      return this;
    }

    /** Whether every frame has a key of what the colours of nodes and edges mean (off by default). */
    public Builder legend(boolean legend) {
      this.legend = legend;
      return this;
    }

    /**
     * The options, every one checked.
     *
     * @throws InvalidOptionException when an option is out of its range or conflicts with another
     */
    public RenderOptions build() {
      return new RenderOptions(this);
    }
  }
}
