package org.gradframes.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import org.gradframes.expr.SourceException;
import org.gradframes.layout.LayoutEngine;
import org.gradframes.render.format.Deck;
import org.gradframes.render.format.FileSink;
import org.gradframes.render.format.FrameFiles;
import org.gradframes.render.format.LiveChecks;
import org.gradframes.render.format.Format;
import org.gradframes.render.scene.Drawing;
import org.gradframes.render.text.Fonts;

/**
 * A compiled program laid out and drawn, ready to be written in the formats of its options: every frame on one
 * canvas, the nodes in the same place in every frame.
 */
public final class Rendering {
  static final double SLIDE_WIDTH = 1920;
  static final double SLIDE_HEIGHT = 1080;
  private static final double MAX_AUTO_SCALE = 4;

  /** The smallest text, in pixels of a 1080p slide, that frames of the default options show. */
  public static final double SMALLEST_TEXT_PX = 18;

  private final CompiledProgram program;
  private final Drawing drawing;
  private final RenderOptions options;
  private final LayoutEngine engine;
  private final double scale;
  private final String timings;
  private final List<Message> notes = new ArrayList<>();
  /** The smallest text of all frames, worked out the first time it is asked for. */
  private double smallest = Double.NaN;

  Rendering(CompiledProgram program, Drawing drawing, RenderOptions options, LayoutEngine engine, String timings) {
    this.program = program;
    this.drawing = drawing;
    this.options = options;
    this.engine = engine;
    this.scale = scale(drawing, options);
    this.timings = timings;
  }

  /**
   * PNG pixels per point: the scale asked for; or the one that draws node text at {@code --text-px}; or the one
   * that fits the frame to a 1920×1080 slide (at most 4, unless the canvas has a slide's shape, which fills it).
   */
  private static double scale(Drawing drawing, RenderOptions options) {
    if (options.scale() != null) {
      return options.scale();
    }
    if (options.textPx() != null) {
      return options.textPx() / drawing.theme().number(org.gradframes.render.theme.ThemeKey.NODE_LINE_SIZE);
    }
    double fit = Math.min(SLIDE_WIDTH / drawing.width(), SLIDE_HEIGHT / drawing.height());
    return options.canvas().ratio() > 0 ? fit : Math.min(MAX_AUTO_SCALE, fit);
  }

  /** The view the frames draw. */
  public View view() {
    return program.view();
  }

  /** The smallest text of frame {@code frame} in pixels of its PNG: what the back row of a lecture hall reads. */
  public double smallestTextPx(int frame) {
    return drawing.smallestText(frame) * scale;
  }

  /** The smallest text of all frames in pixels of their PNGs. */
  public double smallestTextPx() {
    if (Double.isNaN(smallest)) {
      double px = Double.POSITIVE_INFINITY;
      for (int i = 0; i < frameCount(); i++) {
        px = Math.min(px, smallestTextPx(i));
      }
      smallest = px;
    }
    return smallest;
  }

  /** Whether the frames fit a 1920×1080 slide at this scale. */
  public boolean fitsSlide() {
    return drawing.width() * scale <= SLIDE_WIDTH + 0.5 && drawing.height() * scale <= SLIDE_HEIGHT + 0.5;
  }

  /** Whether the frames fit a 1920×1080 slide with no text smaller than {@link #SMALLEST_TEXT_PX}. */
  public boolean readable() {
    return fitsSlide() && smallestTextPx() >= SMALLEST_TEXT_PX - 1e-9;
  }

  /** What the render says about its choices: a coarser view taken, text too small to read. */
  public List<String> notes() {
    return notes(Option::key);
  }

  /** The notes, each option they name worded by {@code names}: a command line names them by its flags. */
  public List<String> notes(java.util.function.Function<Option, String> names) {
    return notes.stream().map(n -> n.text(names)).toList();
  }

  void note(Message note) {
    notes.add(note);
  }

  public CompiledProgram program() {
    return program;
  }

  /** The frames drawn as scenes. */
  public Drawing drawing() {
    return drawing;
  }

  /** How many frames there are. */
  public int frameCount() {
    return drawing.frameCount();
  }

  /** The caption of frame {@code frame}, plain text, lines separated by newlines. */
  public String caption(int frame) {
    return drawing.caption(frame);
  }

  /** The PNG pixels per point of this render. */
  public double scale() {
    return scale;
  }

  /** The layout engine that placed the nodes. */
  LayoutEngine engine() {
    return engine;
  }

  /** How long compiling, measuring and laying out took. */
  public String timings() {
    return timings;
  }

  /**
   * Frame {@code frame} in a frame format such as {@code svg} or {@code png}, whether or not the options ask for
   * it.
   *
   * @throws IllegalArgumentException when {@code format} has no frame files
   */
  public byte[] frame(String format, int frame) {
    Format f = org.gradframes.render.format.Formats.named(format);
    if (f == null || f.phase() != Format.Phase.FRAME) {
      throw new IllegalArgumentException("'" + format + "' is not a format with a file per frame.");
    }
    try {
      return f.frame(deck(program.source().name(), "", List.of(f)), frame);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (Fonts.FontUnavailableException e) {
      throw new OutputException(Message.of(e.getMessage()), e);
    }
  }

  /**
   * Writes every file of the formats asked for into {@code folder}, which replaces what was there only when all
   * of them are written; the folder's name names the program's deck files ({@code NAME.gif}).
   *
   * @throws OutputException when writing fails, or the folder holds files gradframes did not write
   */
  public void writeTo(Path folder) {
    writeTo(folder, Painters.shared());
  }

  /**
   * Writes every file of the formats asked for into {@code folder}, as {@link #writeTo(Path)} does, painting frames
   * on this thread and the free threads of {@code painters}.
   *
   * @throws OutputException when writing fails, or the folder holds files gradframes did not write
   */
  public void writeTo(Path folder, Executor painters) {
    Path parent = folder.toAbsolutePath().getParent();
    new OutputFolder(parent).write(folder.getFileName().toString(),
        sink -> write(sink, folder.getFileName().toString(), folder.toString(), painters), "");
  }

  /**
   * Writes every file of the formats asked for into {@code sink}, painting frames on this thread and the library's
   * shared painters, as {@link #write(FileSink, String, String, Executor)} does.
   *
   * @throws IOException when writing fails
   * @throws OutputException when the font cannot be loaded into the temporary folder
   */
  public void write(FileSink sink, String program, String folder) throws IOException {
    write(sink, program, folder, Painters.shared());
  }

  /**
   * Writes every file of the formats asked for into {@code sink}: the frames (painted a few at a time by this
   * thread and the free threads of {@code painters}, written in order), the decks (captions.txt among them with
   * {@code --caption file}), then the trace. {@code program} names the deck files; {@code folder} is where a LaTeX
   * document finds them. No other thread paints: a batch that renders programs on a pool passes that pool, one
   * level of parallelism.
   *
   * @throws IOException when writing fails
   * @throws OutputException when the font cannot be loaded into the temporary folder
   */
  public void write(FileSink sink, String program, String folder, Executor painters) throws IOException {
    try {
      writeAll(sink, program, folder, painters);
    } catch (Fonts.FontUnavailableException e) {
      throw new OutputException(Message.of(e.getMessage()), e);
    } catch (SourceException e) {
      // A format that cannot write a name of the program (TikZ and Beamer, letters LaTeX cannot set) points at it.
      throw new InvalidProgramException(program().source(), e.position(), Message.of(e.getMessage()), e);
    }
  }

  private void writeAll(FileSink sink, String program, String folder, Executor painters) throws IOException {
    List<Format> formats = options.resolvedFormats();
    Drawing selected = selectedDrawing();
    boolean html = formats.stream().anyMatch(f -> f.name().equals("html"));
    LiveChecks live = options.live() && html ? this.program.checks() : null;
    Deck deck = new Deck(info(program, folder.replace(java.io.File.separatorChar, '/')), selected, formats, painters,
        live);
    checkLegible(formats);
    checkSize(deck, formats);
    FrameFiles.write(deck, formats.stream().filter(f -> f.phase() == Format.Phase.FRAME).toList(), sink);
    for (Format.Phase phase : List.of(Format.Phase.DECK, Format.Phase.SUMMARY)) {
      for (Format f : formats) {
        if (f.phase() == phase) {
          f.write(deck, sink);
        }
      }
    }
  }

  /**
   * The numbers of the frames the options ask to write, in order: all of them unless the options select some.
   *
   * @throws InvalidOptionException when the options name a frame past the last
   */
  public List<Integer> selectedFrames() {
    return StageErrors.translated(program.source(), options, () -> options.selectedFrames(frameCount()));
  }

  private Drawing selectedDrawing() {
    return options.frames() == null ? drawing : drawing.select(selectedFrames());
  }

  /**
   * About how many bytes the files of format {@code name} would take, as the deck size limit estimates them before
   * anything is written; 0 for a format whose files stay small.
   *
   * @throws IllegalArgumentException when there is no such format
   */
  public long estimatedBytes(String name) {
    Format format = org.gradframes.render.format.Formats.named(name);
    if (format == null) {
      throw new IllegalArgumentException("no format " + name);
    }
    return format.estimatedBytes(deck(program.source().name(), "", List.of(format)));
  }

  /**
   * Refuses, before anything is written, pictures of pixels (PNG frames, the GIF) whose text would be under
   * {@link #ILLEGIBLE_PX} on a slide: frames nobody can read, which may take minutes to write. Vector pictures (SVG,
   * HTML, PDF, PowerPoint), which a reader can zoom, and the trace are not refused, nor a scale the options set.
   */
  private void checkLegible(List<Format> formats) {
    List<String> fixed = formats.stream().map(Format::name).filter(FIXED_SIZE::contains).toList();
    if (fixed.isEmpty() || options.scale() != null || frameCount() == 0) {
      return;
    }
    double px = smallestTextPx(0);
    if (px >= ILLEGIBLE_PX) {
      return;
    }
    throw new OutputException(Message.of(String.format(Locale.ROOT, "the frames' text would be %.1f px on a "
        + "1920×1080 slide, too small for anyone to read (under %.0f px), so the %s is not written; ", px,
        ILLEGIBLE_PX, String.join(", ", fixed)), Option.BY_LEVEL, " or a coarser ", Option.VIEW,
        " draws fewer or smaller nodes, a shorter program larger ones; vector formats (svg, html, pdf, pptx), which"
        + " a reader can zoom, are not refused (", Option.SCALE, " sets a scale and draws it anyway)."), null);
  }

  /** Text smaller than this, in pixels of a 1920×1080 slide, nobody can read. */
  static final double ILLEGIBLE_PX = 1;
  /** Formats of pixels, whose text a reader cannot enlarge. */
  private static final java.util.Set<String> FIXED_SIZE = java.util.Set.of("png", "gif");

  /**
   * Refuses, before anything is written, files estimated to take more than the options allow: minutes of writing
   * for a deck nobody can open.
   */
  private void checkSize(Deck deck, List<Format> formats) {
    // A ceiling no format reaches (a kilobyte a node or edge, 600 KB of picture a frame, in every format): a render
    // below it is not estimated, so a small program pays nothing for the check.
    long ceiling = deck.frames() * (1_000 * deck.elements() + 600_000) * formats.size();
    if (ceiling <= options.maxDeckMb() * 1_000_000L) {
      return;
    }
    long total = 0;
    List<String> parts = new ArrayList<>();
    for (Format f : formats) {
      long bytes = f.estimatedBytes(deck);
      total += bytes;
      if (bytes >= 100_000) {
        parts.add(f.name() + " " + megabytes(bytes));
      }
    }
    if (total > options.maxDeckMb() * 1_000_000L) {
      throw new InvalidOptionException(Option.MAX_DECK_MB, Message.of("the " + frameCount() + " frames of "
          + deck.elements() + " nodes and edges would take about " + megabytes(total) + " ("
          + String.join(", ", parts) + "), more than ", Option.MAX_DECK_MB, " " + options.maxDeckMb() + "; ",
          Option.BY_LEVEL, " or a coarser ", Option.VIEW, " makes fewer frames or nodes, and fewer formats (",
          Option.FORMATS, ") fewer files (", Option.MAX_DECK_MB, " raises the limit)."), null);
    }
  }

  private static String megabytes(long bytes) {
    return bytes < 10_000_000 ? String.format(Locale.ROOT, "%.1f MB", bytes / 1e6)
        : String.format(Locale.ROOT, "%,d MB", bytes / 1_000_000);
  }

  private Deck deck(String name, String folder, List<Format> formats) {
    return new Deck(info(name, folder), drawing, formats);
  }

  private Deck.Info info(String name, String folder) {
    return new Deck.Info(name, program.source().name(), "gradframes " + Gradframes.version(), engine.name(),
        engine.version(), folder, scale, options.delay(), view().key(), idPrefix());
  }

  /** The SVG ids' prefix: the options', or one made from the program's name and text and the options that draw. */
  String idPrefix() {
    return options.idPrefix() != null ? options.idPrefix() : IdPrefix.of(program.source(), options);
  }

  /** A line of the stage times of this render, for {@code --timings}. */
  static String timings(double compile, double layout, int frames) {
    return String.format(Locale.ROOT, "compile and measure %.3f s, layout %.3f s, %d frames", compile, layout,
        frames);
  }
}
