package org.gradframes.cli;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.gradframes.pipeline.Gradframes;
import org.gradframes.render.theme.Theme;

/**
 * What a program's output depends on, as one SHA-256: the tool's version and build fingerprint, the program's text and folder, every
 * render option (all of them, as the options record lists them), --out where the Beamer snippet names it, the
 * theme's values and the layout engine. Equal keys mean the output on disk is what a render would write again.
 */
final class RenderKey {
  private static final String BUILD = Gradframes.build();

  private RenderKey() {}

  static String of(Options o, Theme theme, String engine, ProgramInput input) {
    boolean beamer = o.render().resolvedFormats().stream().anyMatch(f -> f.name().equals("beamer"));
    String text = String.join("\n",
        "gradframes " + Gradframes.version() + " build " + BUILD,
        "folder " + input.folder() + " name " + input.name(),
        "out " + (beamer ? o.out() + " in " + o.out().toAbsolutePath() : ""),
        "options " + o.render(),
        "engine " + engine,
        "theme " + theme.name() + " " + theme.values(),
        "source " + input.text())
        // Under --watch the HTML stepper reloads itself, so its page differs from a normal run's.
        + (o.watch() && o.render().resolvedFormats().stream().anyMatch(f -> f.name().equals("html"))
            ? "\nreloading page" : "");
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
