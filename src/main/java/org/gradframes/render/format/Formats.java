package org.gradframes.render.format;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.gradframes.render.scene.CaptionMode;

/**
 * Every output format, in the order of the {@code -f} list: the one registry of formats. A format's class, and the
 * libraries it draws with (Java2D and ImageIO, Jackson, PDFBox, POI), load only when that format is asked for.
 */
public final class Formats {
  /** A format known by its name before its class is loaded; made once, the first time it is asked for. */
  private static final class Entry {
    final String name;
    final CaptionMode askedForBy;
    private final Supplier<Format> make;
    private volatile Format format;

    Entry(String name, CaptionMode askedForBy, Supplier<Format> make) {
      this.name = name;
      this.askedForBy = askedForBy;
      this.make = make;
    }

    Format format() {
      Format f = format;
      if (f == null) {
        synchronized (this) {
          if (format == null) {
            format = make.get();
          }
          f = format;
        }
      }
      return f;
    }
  }

  // Lambdas rather than constructor references: a lambda's body names the class only when it runs.
  private static final List<Entry> ALL = List.of(
      new Entry("svg", null, () -> new SvgFormat()),
      new Entry("png", null, () -> new PngFormat()),
      new Entry("captions", CaptionMode.FILE, () -> new CaptionsFormat()),
      new Entry("json", null, () -> new JsonFormat()),
      new Entry("gif", null, () -> new GifFormat()),
      new Entry("html", null, () -> new HtmlFormat()),
      new Entry("pdf", null, () -> new PdfFormat()),
      new Entry("pptx", null, () -> new PptxFormat()),
      new Entry("beamer", null, () -> new BeamerFormat()),
      new Entry("md", null, () -> new MarkdownFormat()),
      new Entry("dot", null, () -> new DotFormat()),
      new Entry("tikz", null, () -> new TikzFormat()));

  private Formats() {}

  /** Every format, in registry order, with those a caption mode asks for rather than {@code -f}: loads them all. */
  public static List<Format> all() {
    return ALL.stream().map(Entry::format).toList();
  }

  /** The names of every format {@code -f} names, in registry order. */
  public static List<String> names() {
    return ALL.stream().filter(e -> e.askedForBy == null).map(e -> e.name).toList();
  }

  /** The format {@code -f} names {@code name}, or null. */
  public static Format named(String name) {
    for (Entry e : ALL) {
      if (e.name.equals(name) && e.askedForBy == null) {
        return e.format();
      }
    }
    return null;
  }

  /** Whether {@code -f} names a format {@code name}, without loading the format. */
  public static boolean exists(String name) {
    return names().contains(name);
  }

  /**
   * The formats to write for {@code chosen} with captions in {@code caption} mode: those, the ones they bring along
   * and the ones the caption mode asks for, in registry order.
   *
   * @throws IllegalArgumentException when a name is not a format's
   */
  public static List<Format> resolve(Set<String> chosen, CaptionMode caption) {
    Set<String> names = new LinkedHashSet<>(chosen);
    for (String name : chosen) {
      if (!exists(name)) {
        throw new IllegalArgumentException("unknown format '" + name + "' (the formats are "
            + String.join(", ", names()) + ").");
      }
    }
    for (String name : chosen) {
      names.addAll(named(name).brings(chosen));
    }
    List<Format> formats = new ArrayList<>();
    for (Entry e : ALL) {
      if (e.askedForBy == null ? names.contains(e.name) : e.askedForBy == caption) {
        formats.add(e.format());
      }
    }
    return formats;
  }
}
