package org.gradframes.render.format;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Writes a format's text file as UTF-8. */
final class Texts {
  private Texts() {}

  static void write(FileSink sink, String name, String text) throws IOException {
    try (OutputStream out = sink.create(name)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
  }
}
