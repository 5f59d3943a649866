package org.gradframes.render.format;

import java.io.IOException;
import java.util.Set;
import org.gradframes.render.scene.CaptionMode;

/**
 * One kind of output file: a file per frame (SVG, PNG), or one file made of all frames (GIF, HTML, PDF and the
 * texts, captions.txt), or the trace that lists the others. A new format is one class implementing this and one
 * line in {@link Formats}.
 */
public interface Format {
  /** When a format's files are written: the frames first, then the decks made of them, then the trace. */
  enum Phase {
    /** One file per frame, {@code frame-000.EXT}. */
    FRAME,
    /** One file for all frames, which may point at the frame files. */
    DECK,
    /** A file describing all the others. */
    SUMMARY
  }

  /** The name {@code -f} takes, which is also the frame files' extension: {@code svg}. */
  String name();

  /** What the format is for, in one line, for {@code --help} and the README. */
  String summary();

  /** When the format's files are written. */
  Phase phase();

  /**
   * The caption mode that asks for this format whatever {@code -f} names, or null for a format that {@code -f}
   * names (and {@code all} takes): the caption file is written where the captions go to a file.
   */
  default CaptionMode askedForBy() {
    return null;
  }

  /** The formats this one also needs when {@code chosen} are asked for (the Beamer snippet needs the PDF). */
  default Set<String> brings(Set<String> chosen) {
    return Set.of();
  }

  /**
   * About how many bytes this format's files of {@code deck} take, estimated before any is written from what each
   * frame draws (measured on the samples and on long chains); 0 for a format whose files stay small.
   */
  default long estimatedBytes(Deck deck) {
    return 0;
  }

  /**
   * The file of frame {@code frame}, for a {@link Phase#FRAME} format; called for several frames at once.
   *
   * @throws IOException when the file cannot be made
   */
  default byte[] frame(Deck deck, int frame) throws IOException {
    throw new UnsupportedOperationException(name() + " has no frame files");
  }

  /**
   * Writes the format's files for all frames into {@code sink}, for a {@link Phase#DECK} or {@link Phase#SUMMARY}
   * format.
   *
   * @throws IOException when a file cannot be written
   */
  default void write(Deck deck, FileSink sink) throws IOException {
    throw new UnsupportedOperationException(name() + " writes a file per frame");
  }
}
