package org.gradframes.serve;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import org.gradframes.pipeline.Diagnostic;
import org.gradframes.pipeline.Gradframes;
import org.gradframes.pipeline.GradframesException;
import org.gradframes.pipeline.InvalidProgramException;
import org.gradframes.pipeline.RenderOptions;
import org.gradframes.pipeline.Rendering;
import org.gradframes.render.format.FileSink;

/**
 * Renders one request's program into the bytes of one file, in memory: an SVG or PNG frame, the PDF deck of the
 * frames chosen, or the trace. The program is named {@code <stdin>}, as the command line names standard input, so
 * that a figure is byte for byte what {@code gradframes - -o -} makes of the same text and options.
 */
final class Figures {
  /** The name every program is compiled under, and that errors point at. */
  static final String NAME = "<stdin>";
  /** What each format answers with: its content type and, for a deck or the trace, the file it is. */
  private static final Map<String, String> TYPES = Map.of("svg", "image/svg+xml", "png", "image/png",
      "pdf", "application/pdf", "json", "application/json");

  private Figures() {}

  static boolean known(String format) {
    return TYPES.containsKey(format);
  }

  /**
   * The file of {@code format} for {@code text} with {@code options}, painted on this thread alone.
   *
   * @throws RefusedException (400) when the program or the options are wrong, with the compiler's located message
   */
  static Answer render(String format, String text, RenderOptions options) throws RefusedException {
    try {
      Rendering rendering = new Gradframes(options).render(NAME, text);
      byte[] body = switch (format) {
        case "svg", "png" -> frame(rendering, format);
        case "pdf" -> file(rendering, "stdin.pdf");
        default -> file(rendering, "trace.json");
      };
      return Answer.of(200, TYPES.get(format), body);
    } catch (InvalidProgramException e) {
      throw new RefusedException(400, Diagnostic.at(e.source(), e.position(), "error",
          e.message(RequestOptions::parameter)));
    } catch (GradframesException e) {
      throw new RefusedException(400, NAME + ": error: " + e.message(RequestOptions::parameter));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static byte[] frame(Rendering rendering, String format) throws RefusedException {
    List<Integer> frames = rendering.selectedFrames();
    if (frames.size() != 1) {
      throw new RefusedException(400, "frame: an " + format + " is one frame (a number, first or last), not "
          + frames.size() + "; pdf and json take a list.");
    }
    return rendering.frame(format, frames.get(0));
  }

  /** The file named {@code name} of a render into memory, painted on this thread. */
  private static byte[] file(Rendering rendering, String name) throws IOException {
    Memory memory = new Memory();
    Executor thisThreadOnly = Runnable::run;
    rendering.write(memory, "stdin", "", thisThreadOnly);
    byte[] file = memory.files.get(name);
    if (file == null) {
      throw new IllegalStateException("the render made no " + name + " but " + memory.files.keySet());
    }
    return file;
  }

  /** Files kept as bytes: a render into memory, which touches no folder. */
  private static final class Memory implements FileSink {
    private final Map<String, byte[]> files = new LinkedHashMap<>();

    @Override
    public OutputStream create(String name) {
      return new ByteArrayOutputStream() {
        @Override
        public void close() {
          files.put(name, toByteArray());
        }
      };
    }

    @Override
    public InputStream open(String name) {
      byte[] file = files.get(name);
      return file == null ? null : new ByteArrayInputStream(file);
    }
  }
}
