package org.gradframes.render.format;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A Markdown page listing the frames in order, each picture with a short alt text ("Frame 3") and its caption once
 * as text below it, in the same paragraph so that pandoc does not make a figure caption of the alt text.
 */
public final class MarkdownFormat implements Format {
  @Override
  public String name() {
    return "md";
  }

  @Override
  public String summary() {
    return "a Markdown page of the frames and their captions, NAME.md";
  }

  @Override
  public Phase phase() {
    return Phase.DECK;
  }

  @Override
  public Set<String> brings(Set<String> chosen) {
    return chosen.contains("png") ? Set.of() : Set.of("svg");
  }

  @Override
  public void write(Deck deck, FileSink sink) throws IOException {
    String kind = deck.writes("svg") ? "svg" : "png";
    List<String> images = new ArrayList<>();
    List<String> captions = new ArrayList<>();
    for (int i = 0; i < deck.drawing().frameCount(); i++) {
      images.add(deck.frameFiles(i).get(kind));
      captions.add(deck.drawing().caption(i));
    }
    String program = deck.info().program();
    Texts.write(sink, program + ".md", markdown(program, images, captions));
  }

  /**
   * A Markdown page listing the frames in order: each picture, a hard line break, and its number and caption, one
   * caption line per line; pandoc and GitHub show each caption once.
   */
  static String markdown(String program, List<String> images, List<String> captions) {
    StringBuilder md = new StringBuilder();
    md.append("# ").append(markdownText(program)).append("\n\n");
    for (int i = 0; i < images.size(); i++) {
      String name = "Frame " + (i + 1);
      md.append("![").append(name).append("](").append(images.get(i)).append(")\\\n");
      md.append("**").append(name).append(".**");
      String separator = " ";
      for (String line : captions.get(i).split("\n")) {
        if (!line.isBlank()) {
          md.append(separator).append(markdownText(line.strip()));
          separator = "\\\n";
        }
      }
      md.append("\n\n");
    }
    return md.toString();
  }

  /** Text that Markdown shows as it is: every character with a meaning in Markdown or HTML escaped. */
  static String markdownText(String text) {
    StringBuilder out = new StringBuilder();
    text.codePoints().forEach(c -> {
      if ("\\`*_{}[]()<>#+-.!|&~".indexOf(c) >= 0) {
        out.append('\\');
      }
      out.appendCodePoint(c);
    });
    return out.toString();
  }
}
