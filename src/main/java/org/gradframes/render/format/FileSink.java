package org.gradframes.render.format;

import java.io.IOException;
import java.io.OutputStream;

/** Where a render writes its files, one stream at a time, each closed by the writer before the next. */
public interface FileSink {
  /**
   * A new file named {@code name} (no folders), to be written and closed.
   *
   * @throws IOException when it cannot be created
   */
  OutputStream create(String name) throws IOException;

  /**
   * A file this render wrote into the sink earlier and closed, to be read again (the GIF decodes the PNG frames
   * rather than painting them twice), or null when the sink cannot give it back.
   *
   * @throws IOException when it cannot be read
   */
  default java.io.InputStream open(String name) throws IOException {
    return null;
  }
}
