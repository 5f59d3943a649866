package org.gradframes.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.gradframes.render.format.FileSink;
import org.gradframes.render.format.HtmlFormat;

/**
 * The files of a render under {@code --watch}: the HTML stepper gets a script that reloads the page when a later
 * render replaces it, and beside it the version file that script polls, holding the render's key. Every other
 * file passes through unchanged.
 */
final class ReloadingPages implements FileSink {
  private final FileSink sink;
  private final String program;
  private final String version;

  ReloadingPages(FileSink sink, String program, String version) {
    this.sink = sink;
    this.program = program;
    this.version = version;
  }

  @Override
  public OutputStream create(String name) throws IOException {
    if (!name.equals(program + ".html")) {
      return sink.create(name);
    }
    return new ByteArrayOutputStream() {
      private boolean closed;

      @Override
      public void close() throws IOException {
        if (closed) {
          return;
        }
        closed = true;
        String page = HtmlFormat.reloading(toString(StandardCharsets.UTF_8), program, version);
        writeFile(name, page);
        writeFile(HtmlFormat.versionFile(program), HtmlFormat.versionScript(version));
      }
    };
  }

  private void writeFile(String name, String text) throws IOException {
    try (OutputStream out = sink.create(name)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
  }

  @Override
  public InputStream open(String name) throws IOException {
    return sink.open(name);
  }
}
