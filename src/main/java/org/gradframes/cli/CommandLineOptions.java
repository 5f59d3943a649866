package org.gradframes.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.ParseException;
import org.gradframes.expr.Parser;
import org.gradframes.layout.Direction;
import org.gradframes.layout.LayoutEngine;
import org.gradframes.layout.LayoutEngines;
import org.gradframes.pipeline.Gradframes;
import org.gradframes.pipeline.InvalidOptionException;
import org.gradframes.pipeline.RenderOptions;
import org.gradframes.pipeline.View;
import org.gradframes.render.format.Formats;
import org.gradframes.render.scene.Canvas;
import org.gradframes.render.scene.CaptionMode;
import org.gradframes.render.scene.DrawingStyle;
import org.gradframes.render.scene.EdgeLabelMode;
import org.gradframes.render.theme.Theme;

/** The command line's options, read with commons-cli into one {@link Options} record. */
final class CommandLineOptions {
  static final String USAGE = "gradframes [options] FILE|FOLDER|GLOB...";

  /** The largest input read by default: a program is text, and 16 MiB of it is far more than can be laid out. */
  static final int DEFAULT_MAX_BYTES = 16 << 20;

  private final org.apache.commons.cli.Options options = new org.apache.commons.cli.Options();

  CommandLineOptions() {
    add(Option.builder("o").longOpt("out").hasArg().argName("DIR|-")
        .desc("write each program's frames to DIR/<file name without .grad>/; programs found in a folder or by a "
            + "glob keep their relative path (default: frames); - writes the one frame --frame names, of one program"
            + " in one file-per-frame format (svg or png), to standard output"));
    add(Option.builder().longOpt("frame").hasArg().argName("LIST")
        .desc("write only these frames, in every format: frame numbers as the files name them (0 is the first),"
            + " first, last and ranges, such as last or 1,3,5-7 or 2-last (default: every frame)"));
    add(Option.builder().longOpt("id-prefix").hasArg().argName("P")
        .desc("begin every id of an SVG frame with P: frame N's root is P-N (default: gf and a hash of the program"
            + " and the options, so that figures inlined in one page never share an id)"));
    add(Option.builder("f").longOpt("format").hasArg().argName("LIST")
        .desc("comma list of " + String.join(", ", Formats.names()) + ", or all (default: "
            + String.join(",", RenderOptions.DEFAULT_FORMATS) + ")"));
    add(Option.builder("e").longOpt("expression").hasArg().argName("TEXT")
        .desc("render the program TEXT, written to DIR/expression/"));
    add(Option.builder().longOpt("theme").hasArg().argName("NAME|FILE")
        .desc("a theme under templates/ (light, dark, print, colorblind), auto (SVG follows the reader's light or dark scheme; other formats take light) or a theme file (default: light)"));
    add(Option.builder().longOpt("precision").hasArg().argName("N")
        .desc("significant digits of the numbers shown, 1 to 17 (default: the theme's, 5)"));
    add(Option.builder().longOpt("decimals").hasArg().argName("N")
        .desc("write every number shown with exactly N decimals, 0 to 12 (2.50, 0.00); from 1e15 on in scientific"
            + " notation with N decimals (default: significant digits, --precision)"));
    add(Option.builder().longOpt("highlight").hasArg().argName("A,B,...")
        .desc("draw the paths from these variables to the output emphasised and everything else dimmed, in every"
            + " format (a vector's name takes all its elements)"));
    add(Option.builder().longOpt("step-label").hasArg().argName("on|off")
        .desc("'Step k of N' under every frame's graph, right of the caption (default: on, unless the theme turns"
            + " it off)"));
    add(Option.builder().longOpt("legend")
        .desc("add a key of what the colours of nodes and edges mean under every frame's caption"));
    add(Option.builder().longOpt("engine").hasArg().argName(String.join("|", LayoutEngines.names()))
        .desc("the layout engine: " + engines() + " (default: the first of them that can run here)"));
    add(Option.builder().longOpt("scale").hasArg().argName("X")
        .desc("PNG pixels per SVG point (default: fit a 1920x1080 slide, at most 4)"));
    add(Option.builder().longOpt("rankdir").hasArg().argName("LR|TB|auto")
        .desc("values flow left to right (LR) or top to bottom (TB); auto, the default, takes the one that gives"
            + " the larger text on a slide"));
    add(Option.builder().longOpt("view").hasArg().argName("ops|statements|network|auto")
        .desc("a node per operation (ops), per statement (statements), or per neuron with the weights on the edges"
            + " (network); auto, the default, takes the finest whose frames fit a 1920x1080 slide with no text under"
            + " 18 px"));
    add(Option.builder().longOpt("style").hasArg().argName("boxes|circuit|micrograd")
        .desc("how the ops view is drawn: a box per node with its value and gradient (boxes, default), small gates"
            + " with the value above each wire and its gradient below (circuit, as in the CS231n notes), or a record"
            + " name | data | grad per value fed by its operation (micrograd, as draw_dot)"));
    add(Option.builder().longOpt("text-px").hasArg().argName("N")
        .desc("draw node text at N pixels at 1080p in every program of the run, so that the slides of a lecture"
            + " match (8 to 200; default: fit each program to the slide)"));
    add(Option.builder().longOpt("max-depth").hasArg().argName("N")
        .desc("deepest nesting of parentheses a program may use (default: " + Parser.DEFAULT_MAX_DEPTH + ")"));
    add(Option.builder().longOpt("edge-labels").hasArg().argName("none|local|flow")
        .desc("what edges say in backward frames: the local derivative (local, default) or the contribution "
            + "travelling back (flow)"));
    add(Option.builder().longOpt("caption").hasArg().argName("none|below|file")
        .desc("each frame's caption below the graph (default), in captions.txt beside the frames, or nowhere"));
    add(Option.builder().longOpt("forward")
        .desc("one frame per node evaluation before the backward pass"));
    add(Option.builder().longOpt("live").hasArg().argName("on|off")
        .desc("the HTML stepper's inputs can be changed in the page, every number following (default: on)"));
    add(Option.builder().longOpt("steps").hasArg().argName("node|level")
        .desc("one backward frame per node (default) or per level of the graph"));
    add(Option.builder().longOpt("output").hasArg().argName("NAME")
        .desc("seed the gradient at the variable NAME instead of the last statement"));
    add(Option.builder().longOpt("expand")
        .desc("draw sigmoid, tanh and tan as their primitive operations"));
    add(Option.builder().longOpt("update").hasArg().argName("LR")
        .desc("after the backward pass, one gradient-descent step with learning rate LR, then a forward pass"));
    add(Option.builder().longOpt("params").hasArg().argName("A,B,...")
        .desc("the inputs that are parameters, which have gradients and --update changes; every other input is"
            + " data (default: every input not named by --data)"));
    add(Option.builder().longOpt("data").hasArg().argName("A,B,...")
        .desc("inputs that are data: drawn with their value and no gradient, never weights, left alone by"
            + " --update"));
    add(Option.builder().longOpt("epochs").hasArg().argName("N")
        .desc("repeat forward, backward and update N times (with --update; default 1)"));
    add(Option.builder().longOpt("canvas").hasArg().argName("auto|16:9|4:3|WxH")
        .desc("every frame's size: the graph's own (auto, default), an aspect ratio with the graph centred, or a "
            + "fixed size in points the graph is scaled to fit"));
    add(Option.builder().longOpt("delay").hasArg().argName("MS")
        .desc("milliseconds per GIF frame (default 1500; the first and last frames stay three times as long)"));
    add(Option.builder("j").longOpt("jobs").hasArg().argName("N")
        .desc("render N programs at once (default: one per core, here " + Runtime.getRuntime().availableProcessors()
            + ")"));
    add(Option.builder().longOpt("watch")
        .desc("render once, then again each time an input program (a file, or a .grad file in a folder or matching"
            + " a glob) or the --theme file changes, until Ctrl-C; prints a line per render on stderr"));
    add(Option.builder().longOpt("force").desc("render every program, even those whose output is up to date"));
    add(Option.builder().longOpt("max-deck-mb").hasArg().argName("N")
        .desc("the most megabytes a program's files may take, estimated before any is written (default: "
            + RenderOptions.DEFAULT_MAX_DECK_MB + ")"));
    add(Option.builder().longOpt("max-nodes").hasArg().argName("N")
        .desc("the most nodes a graph may have to be laid out (default: " + RenderOptions.DEFAULT_MAX_NODES + ")"));
    add(Option.builder().longOpt("max-bytes").hasArg().argName("N")
        .desc("the largest program file gradframes reads, in bytes (default: " + DEFAULT_MAX_BYTES + ", 16 MiB)"));
    add(Option.builder().longOpt("strict")
        .desc("treat warnings (an unused variable, log of a negative, division by zero, overflow) as errors"));
    add(Option.builder().longOpt("timings")
        .desc("print how long each program's stages took (compile, layout, frames, decks, write) on stderr"));
    add(Option.builder("q").longOpt("quiet").desc("print nothing but errors and warnings"));
    add(Option.builder("h").longOpt("help").desc("print this help and exit"));
    add(Option.builder().longOpt("version").desc("print the version and exit"));
  }

  private static String engines() {
    List<String> parts = new ArrayList<>();
    for (LayoutEngine engine : LayoutEngines.all()) {
      parts.add(engine.name() + ", " + engine.summary());
    }
    return String.join("; ", parts);
  }

  private void add(Option.Builder builder) {
    options.addOption(builder.build());
  }

  /** Reads the arguments; returns null when they ask only for help or the version, which this prints. */
  Options parse(String[] args, PrintWriter out) throws UsageException {
    CommandLine line;
    try {
      line = new DefaultParser().parse(options, args);
    } catch (ParseException e) {
      throw new UsageException(e.getMessage());
    }
    if (line.hasOption("help")) {
      printHelp(out);
      return null;
    }
    if (line.hasOption("version")) {
      out.println("gradframes " + Gradframes.version());
      return null;
    }
    List<String> inputs = line.getArgList();
    String expression = line.getOptionValue("expression");
    if (inputs.isEmpty() && expression == null) {
      throw new UsageException("no input: give one or more .grad files, '-' for standard input, or -e TEXT.");
    }
    RenderOptions render = render(line);
    Path folder = out(line);
    if (folder == null) {
      StandardOutput.check(inputs.size() + (expression == null ? 0 : 1), render);
    }
    if (line.hasOption("watch")) {
      checkWatch(inputs, expression, folder);
    }
    return new Options(inputs, expression, folder,
        line.hasOption("jobs") ? integer("--jobs", line.getOptionValue("jobs"), 1, 256)
            : Runtime.getRuntime().availableProcessors(),
        line.hasOption("force"), line.hasOption("quiet"), line.hasOption("timings"), line.hasOption("watch"),
        line.hasOption("max-bytes") ? integer("--max-bytes", line.getOptionValue("max-bytes"), 1, Integer.MAX_VALUE - 8)
            : DEFAULT_MAX_BYTES, render);
  }

  /** Checks that --watch has files to watch and folders to write into. */
  private static void checkWatch(List<String> inputs, String expression, Path folder) throws UsageException {
    if (folder == null) {
      throw new UsageException("--watch renders into folders again and again; -o - writes one figure to standard"
          + " output once, so it cannot watch (give -o DIR).");
    }
    if (inputs.contains("-")) {
      throw new UsageException("--watch watches files; standard input (-) is read once and cannot change (save the"
          + " program to a file and give that).");
    }
    if (expression != null) {
      throw new UsageException("--watch watches files; the program -e gives cannot change (save it to a file and"
          + " give that).");
    }
  }

  /**
   * The render options: each flag's text read as its value here, every value checked by the library (its messages
   * name options, printed here by their flags).
   */
  private static RenderOptions render(CommandLine line) throws UsageException {
    RenderOptions.Builder builder = RenderOptions.builder()
        .formats(formats(line))
        .theme(line.getOptionValue("theme", Theme.DEFAULT))
        .precision(number(line, "precision"))
        .engine(engine(line))
        .scale(scale(line))
        .direction(direction(line))
        .view(choice(line, "view", View.class, View.AUTO))
        .style(choice(line, "style", DrawingStyle.class, DrawingStyle.BOXES))
        .textPx(number(line, "text-px"))
        .edgeLabels(choice(line, "edge-labels", EdgeLabelMode.class, EdgeLabelMode.LOCAL))
        .caption(choice(line, "caption", CaptionMode.class, CaptionMode.BELOW))
        .forwardSteps(line.hasOption("forward"))
        .byLevel(stepsByLevel(line))
        .live(live(line))
        .expand(line.hasOption("expand"))
        .output(output(line))
        .learningRate(learningRate(line))
        .parameters(names(line, "params"))
        .data(Objects.requireNonNullElse(names(line, "data"), List.of()))
        .canvas(canvas(line))
        .strict(line.hasOption("strict"))
        .frames(line.getOptionValue("frame"))
        .idPrefix(line.getOptionValue("id-prefix"))
        .decimals(number(line, "decimals"))
        .highlight(Objects.requireNonNullElse(names(line, "highlight"), List.of()))
        .stepLabel(onOff(line, "step-label", true))
        .legend(line.hasOption("legend"));
    Integer value = number(line, "max-depth");
    builder.maxDepth(value != null ? value : Parser.DEFAULT_MAX_DEPTH);
    value = number(line, "epochs");
    builder.epochs(value != null ? value : 1);
    value = number(line, "delay");
    builder.delay(value != null ? value : 1500);
    value = number(line, "max-deck-mb");
    builder.maxDeckMb(value != null ? value : RenderOptions.DEFAULT_MAX_DECK_MB);
    value = number(line, "max-nodes");
    builder.maxNodes(value != null ? value : RenderOptions.DEFAULT_MAX_NODES);
    try {
      return builder.build();
    } catch (InvalidOptionException e) {
      throw new UsageException(e.message(Flags::of));
    }
  }

  /** The whole number a flag gives, or null when it is not given; its range is the library's to check. */
  private static Integer number(CommandLine line, String option) throws UsageException {
    String value = line.getOptionValue(option);
    if (value == null) {
      return null;
    }
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new UsageException("--" + option + ": expected a whole number, not '" + Terminal.visible(value) + "'.");
    }
  }

  private static String output(CommandLine line) throws UsageException {
    String value = line.getOptionValue("output");
    if (value == null) {
      return null;
    }
    // A variable's name, or an element of a vector or matrix: h[2], W1[2,1].
    if (!value.strip().matches("[\\p{L}_][\\p{L}\\p{Nd}_]*(\\[\\d+(, ?\\d+)?\\])?")) {
      throw new UsageException("--output: expected a variable's name, not '" + Terminal.visible(value) + "'.");
    }
    return value.strip().replace(" ", "");
  }

  /** The folder --out names, or null for standard output ({@code -o -}). */
  private static Path out(CommandLine line) throws UsageException {
    String value = line.getOptionValue("out", "frames");
    if (value.equals("-")) {
      return null;
    }
    try {
      if (!value.isBlank()) {
        return Path.of(value);
      }
    } catch (java.nio.file.InvalidPathException e) {
      // reported below
    }
    throw new UsageException("--out: expected a folder, not '" + Terminal.visible(value) + "'.");
  }

  private static boolean live(CommandLine line) throws UsageException {
    String value = line.getOptionValue("live", "on").strip().toLowerCase(Locale.ROOT);
    return switch (value) {
      case "on" -> true;
      case "off" -> false;
      default -> throw new UsageException("--live: expected on or off, not '" + Terminal.visible(value) + "'.");
    };
  }

  private static <E extends Enum<E>> E choice(CommandLine line, String option, Class<E> type, E fallback)
      throws UsageException {
    String value = line.getOptionValue(option);
    if (value == null) {
      return fallback;
    }
    List<String> names = new ArrayList<>();
    for (E e : type.getEnumConstants()) {
      String name = e.name().toLowerCase(Locale.ROOT);
      if (name.equals(value.strip().toLowerCase(Locale.ROOT))) {
        return e;
      }
      names.add(name);
    }
    throw new UsageException("--" + option + ": expected " + String.join(", ", names) + ", not '" + value + "'.");
  }

  private static Canvas canvas(CommandLine line) throws UsageException {
    String value = line.getOptionValue("canvas", "auto").strip().toLowerCase(Locale.ROOT);
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+(?:\\.\\d+)?)([:x])(\\d+(?:\\.\\d+)?)")
        .matcher(value);
    if (value.equals("auto")) {
      return Canvas.AUTO;
    }
    if (m.matches()) {
      double a = Double.parseDouble(m.group(1));
      double b = Double.parseDouble(m.group(3));
      boolean ratio = m.group(2).equals(":");
      if (a > 0 && b > 0) {
        return ratio ? Canvas.ratio(a, b) : Canvas.fixed(a, b);
      }
    }
    throw new UsageException("--canvas: expected auto, a ratio such as 16:9, or a size in points such as 1280x720,"
        + " not '" + value + "'.");
  }

  private static boolean stepsByLevel(CommandLine line) throws UsageException {
    String value = line.getOptionValue("steps", "node").strip().toLowerCase(Locale.ROOT);
    return switch (value) {
      case "node" -> false;
      case "level" -> true;
      default -> throw new UsageException("--steps: expected node or level, not '" + value + "'.");
    };
  }

  private static boolean onOff(CommandLine line, String option, boolean fallback) throws UsageException {
    String value = line.getOptionValue(option);
    if (value == null) {
      return fallback;
    }
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "on" -> true;
      case "off" -> false;
      default -> throw new UsageException("--" + option + ": expected on or off, not '" + Terminal.visible(value)
          + "'.");
    };
  }

  private static Double learningRate(CommandLine line) throws UsageException {
    String value = line.getOptionValue("update");
    if (value == null) {
      return null;
    }
    try {
      return Double.parseDouble(value.strip());
    } catch (NumberFormatException e) {
      throw new UsageException("--update: expected a positive learning rate, not '" + value + "'.");
    }
  }

  private static List<String> names(CommandLine line, String option) throws UsageException {
    String value = line.getOptionValue(option);
    if (value == null) {
      return null;
    }
    List<String> names = org.gradframes.pipeline.RenderOptions.names(value);
    if (names.isEmpty()) {
      throw new UsageException("--" + option + ": expected a comma list of " + (option.equals("highlight")
          ? "variable" : "input") + " names.");
    }
    return names;
  }

  void printHelp(PrintWriter out) {
    HelpFormatter help = new HelpFormatter();
    help.setWidth(100);
    help.printHelp(out, 100, USAGE, "\nRenders each program's backward pass as one frame per step.\n\n", options,
        2, 2, "\nExit codes: 0 all rendered, 1 some input failed, 2 usage error.", false);
    out.flush();
  }

  private static List<String> formats(CommandLine line) {
    String value = line.getOptionValue("format");
    if (value == null) {
      return RenderOptions.DEFAULT_FORMATS;
    }
    List<String> formats = new ArrayList<>();
    for (String part : value.split(",")) {
      formats.add(part.strip().toLowerCase(Locale.ROOT));
    }
    return formats;
  }

  private static int integer(String option, String value, int min, int max) throws UsageException {
    try {
      int n = Integer.parseInt(value.strip());
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new UsageException(option + ": expected a whole number from " + min + " to " + max + ", not '" + value + "'.");
  }

  private static String engine(CommandLine line) throws UsageException {
    String value = line.getOptionValue("engine");
    if (value == null) {
      return null;
    }
    return value.strip().toLowerCase(Locale.ROOT);
  }

  private static Double scale(CommandLine line) throws UsageException {
    String value = line.getOptionValue("scale");
    if (value == null) {
      return null;
    }
    try {
      return Double.parseDouble(value.strip());
    } catch (NumberFormatException e) {
      throw new UsageException("--scale: expected a number from 0.1 to 20, not '" + value + "'.");
    }
  }

  private static Direction direction(CommandLine line) throws UsageException {
    String value = line.getOptionValue("rankdir");
    if (value == null || value.strip().equalsIgnoreCase("auto")) {
      return null;
    }
    return switch (value.strip().toUpperCase(Locale.ROOT)) {
      case "LR" -> Direction.LR;
      case "TB" -> Direction.TB;
      default -> throw new UsageException("--rankdir: expected LR, TB or auto, not '" + value + "'.");
    };
  }
}
