package org.gradframes.cli;

import java.util.Locale;

/** The files a render can write. */
enum OutputFormat {
  SVG, PNG, JSON, GIF, HTML, PDF, BEAMER, MD, DOT;

  String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  static OutputFormat parse(String text) {
    for (OutputFormat f : values()) {
      if (f.key().equals(text.strip().toLowerCase(Locale.ROOT))) {
        return f;
      }
    }
    return null;
  }
}
