package org.gradframes.pipeline;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.gradframes.expr.Source;

/**
 * The prefix of an SVG figure's ids when none is asked for: {@code gf} and eight hex digits of a SHA-256 of the
 * program's name and text and of the options that change the drawing, so that the same program drawn two ways, or
 * two programs, inline in one page without sharing an id, and a render done again gives the same ids.
 */
final class IdPrefix {
  private IdPrefix() {}

  static String of(Source source, RenderOptions options) {
    // The formats written, the frames chosen, the limits and live inputs do not change a frame's picture, so they
    // leave its ids alone (a server with a lower node limit draws the ids the command line draws).
    RenderOptions drawn = options.toBuilder().formats(List.of("svg")).frames(null).idPrefix(null).live(true)
        .maxNodes(RenderOptions.DEFAULT_MAX_NODES).maxDeckMb(RenderOptions.DEFAULT_MAX_DECK_MB).build();
    String text = source.name() + "\n" + drawn + "\n" + source.text();
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return "gf" + HexFormat.of().formatHex(hash, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
