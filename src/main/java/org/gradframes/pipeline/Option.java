package org.gradframes.pipeline;

import java.util.Locale;

/**
 * An option of a render, as the library names it: by the {@link RenderOptions.Builder} method that sets it. Errors
 * and notes name options through these, so that the command line can print its own flag names instead.
 */
public enum Option {
  FORMATS, THEME, PRECISION, ENGINE, SCALE, DIRECTION, VIEW, STYLE, TEXT_PX, MAX_DEPTH, EDGE_LABELS, CAPTION,
  FORWARD_STEPS, BY_LEVEL, EXPAND, LEARNING_RATE, PARAMETERS, DATA, EPOCHS, CANVAS, DELAY, MAX_NODES, MAX_DECK_MB,
  STRICT, OUTPUT, FRAMES, ID_PREFIX, HIGHLIGHT, DECIMALS, STEP_LABEL, LEGEND, LIVE;

  /** The name of the builder method that sets this option, such as {@code maxNodes}. */
  public String key() {
    StringBuilder key = new StringBuilder();
    boolean upper = false;
    for (char c : name().toLowerCase(Locale.ROOT).toCharArray()) {
      if (c == '_') {
        upper = true;
      } else {
        key.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return key.toString();
  }
}
