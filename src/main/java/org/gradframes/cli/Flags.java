package org.gradframes.cli;

import org.gradframes.pipeline.Option;

/** The command line's name for each option of the library: its flag, as errors and notes print it. */
final class Flags {
  private Flags() {}

  /** The flag that sets {@code option}, such as {@code --max-nodes}. */
  static String of(Option option) {
    return switch (option) {
      case FORMATS -> "--format";
      case DIRECTION -> "--rankdir";
      case LEARNING_RATE -> "--update";
      case PARAMETERS -> "--params";
      case FORWARD_STEPS -> "--forward";
      case BY_LEVEL -> "--steps level";
      case FRAMES -> "--frame";
      case THEME, PRECISION, ENGINE, SCALE, VIEW, STYLE, TEXT_PX, MAX_DEPTH, EDGE_LABELS, CAPTION, EXPAND, DATA, EPOCHS,
          CANVAS, DELAY, MAX_NODES, MAX_DECK_MB, STRICT, OUTPUT, ID_PREFIX, HIGHLIGHT, DECIMALS, STEP_LABEL, LEGEND,
          LIVE ->
          "--" + option.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    };
  }
}
