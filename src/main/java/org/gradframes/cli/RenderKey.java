package org.gradframes.cli;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.gradframes.render.Theme;

/**
 * What a program's output depends on, as one SHA-256: the tool's version, the program's text and folder, every
 * option that changes an output (--out only where the Beamer snippet names it), the theme's values and the layout
 * engine. Equal keys mean the output on disk is
 * what a render would write again.
 */
final class RenderKey {
  private RenderKey() {}

  static String of(Options o, Theme theme, ProgramInput input) {
    String text = String.join("\n",
        "gradframes " + Main.version(),
        "folder " + input.folder() + " name " + input.name(),
        "out " + (o.formats().contains(OutputFormat.BEAMER) ? o.out() + " in " + o.out().toAbsolutePath() : ""),
        "formats " + new java.util.TreeSet<>(o.formats()),
        "precision " + o.precision(),
        "engine " + o.engine().resolve(),
        "scale " + o.scale(),
        "direction " + o.direction(),
        "max-depth " + o.maxDepth(),
        "edge-labels " + o.edgeLabels(),
        "caption " + o.caption(),
        "forward " + o.forwardSteps() + " level " + o.byLevel() + " expand " + o.expand(),
        "update " + o.learningRate() + " params " + o.parameters() + " data " + o.data() + " epochs " + o.epochs(),
        "canvas " + o.canvas() + " delay " + o.delay() + " strict " + o.strict(),
        "theme " + theme.name() + " " + theme.values(),
        "source " + input.text());
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
