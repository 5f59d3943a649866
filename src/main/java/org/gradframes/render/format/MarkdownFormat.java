package org.gradframes.render.format;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** A Markdown page listing the frames in order, each with its caption as alt text and below it. */
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

  /** A Markdown page listing the frames in order, each with its caption as alt text and below it. */
  static String markdown(String program, List<String> images, List<String> captions) {
    StringBuilder md = new StringBuilder();
    md.append("# ").append(markdownText(program)).append("\n\n");
    for (int i = 0; i < images.size(); i++) {
      String caption = markdownText(captions.get(i).replace("\n", "; "));
      md.append("![").append(caption).append("](").append(images.get(i)).append(")\n\n");
      md.append(i + 1).append(". ").append(caption).append("\n\n");
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
