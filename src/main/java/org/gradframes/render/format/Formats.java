package org.gradframes.render.format;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.gradframes.render.scene.CaptionMode;

/** Every output format, in the order of the {@code -f} list: the one registry of formats. */
public final class Formats {
  private static final List<Format> ALL = List.of(
      new SvgFormat(),
      new PngFormat(),
      new CaptionsFormat(),
      new JsonFormat(),
      new GifFormat(),
      new HtmlFormat(),
      new PdfFormat(),
      new PptxFormat(),
      new BeamerFormat(),
      new MarkdownFormat(),
      new DotFormat(),
      new TikzFormat());

  private Formats() {}

  /** Every format, in registry order, with those a caption mode asks for rather than {@code -f}. */
  public static List<Format> all() {
    return ALL;
  }

  /** The names of every format {@code -f} names, in registry order. */
  public static List<String> names() {
    return ALL.stream().filter(f -> f.askedForBy() == null).map(Format::name).toList();
  }

  /** The format {@code -f} names {@code name}, or null. */
  public static Format named(String name) {
    for (Format f : ALL) {
      if (f.name().equals(name) && f.askedForBy() == null) {
        return f;
      }
    }
    return null;
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
      if (named(name) == null) {
        throw new IllegalArgumentException("unknown format '" + name + "' (the formats are "
            + String.join(", ", names()) + ").");
      }
    }
    for (String name : chosen) {
      names.addAll(named(name).brings(chosen));
    }
    List<Format> formats = new ArrayList<>();
    for (Format f : ALL) {
      if (f.askedForBy() == null ? names.contains(f.name()) : f.askedForBy() == caption) {
        formats.add(f);
      }
    }
    return formats;
  }
}
