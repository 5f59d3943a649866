package org.gradframes.render.format;

import java.io.IOException;
import org.gradframes.render.scene.CaptionMode;

/**
 * Every frame's caption as a line of captions.txt, a multi-line caption joined with {@code "; "}, for people who
 * write their own slide text; asked for by the caption mode that takes the captions out of the pictures.
 */
public final class CaptionsFormat implements Format {
  @Override
  public String name() {
    return "captions";
  }

  @Override
  public String summary() {
    return "each frame's caption as a line of text, captions.txt";
  }

  @Override
  public Phase phase() {
    return Phase.DECK;
  }

  @Override
  public CaptionMode askedForBy() {
    return CaptionMode.FILE;
  }

  @Override
  public void write(Deck deck, FileSink sink) throws IOException {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < deck.drawing().frameCount(); i++) {
      text.append(deck.drawing().caption(i).replace("\n", "; ")).append('\n');
    }
    Texts.write(sink, "captions.txt", text.toString());
  }
}
