package org.gradframes.render.format;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * The files of the frame formats ({@code frame-000.svg}, {@code frame-000.png}): made a batch of frames at a time on
 * the deck's painters, and written in frame order, so that a render holds a batch of frames, not all of them.
 */
public final class FrameFiles {
  private FrameFiles() {}

  /**
   * Writes the files of {@code formats}, each a {@link Format.Phase#FRAME} format, for every frame of {@code deck}
   * into {@code sink}.
   *
   * @throws IOException when a file cannot be made or written
   */
  public static void write(Deck deck, List<Format> formats, FileSink sink) throws IOException {
    if (formats.isEmpty()) {
      return;
    }
    int frames = deck.drawing().frameCount();
    int batch = 2 * Runtime.getRuntime().availableProcessors();
    for (int start = 0; start < frames; start += batch) {
      int from = start;
      int count = Math.min(batch, frames - start);
      byte[][][] files = new byte[count][formats.size()][];
      deck.inParallel(count, i -> {
        for (int f = 0; f < formats.size(); f++) {
          files[i][f] = formats.get(f).frame(deck, from + i);
        }
      });
      for (int i = 0; i < count; i++) {
        for (int f = 0; f < formats.size(); f++) {
          try (OutputStream out = sink.create(deck.frameName(from + i) + "." + formats.get(f).name())) {
            out.write(files[i][f]);
          }
        }
      }
    }
  }
}
