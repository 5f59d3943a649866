package org.gradframes.render.format;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.gradframes.render.scene.Drawing;

/**
 * What every format draws from: one program's drawing, its names, the formats asked for and their settings.
 * Formats may keep what they made of it for other formats of the same render ({@link #memo}).
 */
public final class Deck {
  private final Info info;
  private final Drawing drawing;
  private final List<Format> formats;
  private final Map<String, Object> memo = new ConcurrentHashMap<>();
  private final Executor painters;
  private final LiveChecks live;

  /**
   * What a deck says about its program beyond the drawing.
   *
   * @param program the program's folder name, which names its deck files ({@code NAME.gif})
   * @param source the name the program was read under
   * @param generator {@code gradframes} and its version
   * @param engine the name of the layout engine used, and {@code engineVersion} its version
   * @param folder the program's folder as a LaTeX document beside the output will see it
   * @param pngScale PNG pixels per point
   * @param delayMillis milliseconds per frame of an animation
   * @param view the name of the view the frames draw ({@code ops}, {@code statements})
   * @param idPrefix what every id of an SVG frame begins with, before the frame's number: {@code P-5-node-x}
   */
  public record Info(String program, String source, String generator, String engine, String engineVersion,
      String folder, double pngScale, int delayMillis, String view, String idPrefix) {
    public Info {
      Objects.requireNonNull(program, "program");
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(folder, "folder");
      Objects.requireNonNull(idPrefix, "idPrefix");
    }

    /** The info of a deck whose SVG ids begin with {@code gf}. */
    public Info(String program, String source, String generator, String engine, String engineVersion,
        String folder, double pngScale, int delayMillis, String view) {
      this(program, source, generator, engine, engineVersion, folder, pngScale, delayMillis, view, "gf");
    }
  }

  /** The deck of {@code drawing}, to be written in {@code formats}, its frames painted on the calling thread alone. */
  public Deck(Info info, Drawing drawing, List<Format> formats) {
    this(info, drawing, formats, Runnable::run);
  }

  /**
   * The deck of {@code drawing}, to be written in {@code formats}, its frames painted by the calling thread and the
   * free threads of {@code painters} ({@link SharedWork}).
   */
  public Deck(Info info, Drawing drawing, List<Format> formats, Executor painters) {
    this(info, drawing, formats, painters, null);
  }

  /**
   * The deck of {@code drawing} whose HTML stepper lets the reader change the inputs, warning as {@code live} says;
   * a null {@code live} makes a page that is not live.
   */
  public Deck(Info info, Drawing drawing, List<Format> formats, Executor painters, LiveChecks live) {
    this.live = live;
    this.info = Objects.requireNonNull(info, "info");
    this.drawing = Objects.requireNonNull(drawing, "drawing");
    this.formats = List.copyOf(formats);
    this.painters = Objects.requireNonNull(painters, "painters");
  }

  /**
   * Does pieces {@code 0} to {@code count - 1} of work on this thread and on the free threads of the deck's
   * executor, a core's worth of them.
   *
   * @throws IOException the first failure of a piece
   */
  public void inParallel(int count, SharedWork.Piece piece) throws IOException {
    SharedWork.run(painters, Runtime.getRuntime().availableProcessors() - 1, count, piece);
  }

  /** What a live page checks as its inputs change, or null for a page that is not live. */
  public LiveChecks live() {
    return live;
  }

  public Info info() {
    return info;
  }

  public Drawing drawing() {
    return drawing;
  }

  /** The formats being written, in registry order. */
  public List<Format> formats() {
    return formats;
  }

  /** Whether format {@code name} is being written. */
  public boolean writes(String name) {
    return formats.stream().anyMatch(f -> f.name().equals(name));
  }

  /**
   * The name of frame {@code frame}'s files without extension: {@code frame-000}, more digits past 1,000 frames,
   * numbered among all the program's frames whether or not the drawing draws them all.
   */
  public String frameName(int frame) {
    int digits = Math.max(3, Integer.toString(drawing.allFrameCount() - 1).length());
    return String.format(Locale.ROOT, "frame-%0" + digits + "d", drawing.frameNumber(frame));
  }

  /** The files of frame {@code frame}, by format name, for the frame formats being written. */
  public Map<String, String> frameFiles(int frame) {
    Map<String, String> files = new LinkedHashMap<>();
    for (Format f : formats) {
      if (f.phase() == Format.Phase.FRAME) {
        files.put(f.name(), frameName(frame) + "." + f.name());
      }
    }
    return files;
  }

  /** The PNG frames' width in pixels. */
  public int pngWidth() {
    return (int) Math.round(drawing.width() * info.pngScale());
  }

  /** The PNG frames' height in pixels. */
  public int pngHeight() {
    return (int) Math.round(drawing.height() * info.pngScale());
  }

  /** What a format made of this deck under {@code key}, made by {@code make} the first time. */
  @SuppressWarnings("unchecked")
  <T> T memo(String key, Supplier<T> make) {
    return (T) memo.computeIfAbsent(key, k -> make.get());
  }

  /** How many nodes and edges each frame draws, at most. */
  public long elements() {
    return drawing.graph().size() + (long) drawing.graph().edges().size();
  }

  /** How many pixels a PNG frame has. */
  public long pixels() {
    return Math.round(drawing.width() * info.pngScale()) * Math.round(drawing.height() * info.pngScale());
  }

  /** How many frames there are. */
  public long frames() {
    return drawing.frameCount();
  }
}
