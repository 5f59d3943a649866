package org.gradframes.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.util.List;
import org.gradframes.pipeline.CompiledProgram;
import org.gradframes.pipeline.Gradframes;
import org.gradframes.pipeline.RenderOptions;
import org.gradframes.pipeline.Rendering;
import org.gradframes.pipeline.Warning;
import org.gradframes.render.format.Format;

/**
 * {@code -o -}: one frame of one program, in one file-per-frame format, written to standard output and nothing else
 * with it; errors, warnings and notes go to the error stream.
 */
final class StandardOutput {
  private StandardOutput() {}

  /**
   * Checks that a run of {@code inputs} programs with {@code render} options makes exactly one figure.
   *
   * @throws UsageException saying what standard output can take
   */
  static void check(int inputs, RenderOptions render) throws UsageException {
    List<Format> formats = render.resolvedFormats();
    if (formats.size() != 1 || formats.get(0).phase() != Format.Phase.FRAME) {
      throw refused("one file-per-frame format (-f svg or -f png), not " + names(formats));
    }
    String frames = render.frames();
    if (frames == null || !frames.matches("\\d+|first|last")) {
      throw refused("one frame (--frame N, first or last), not " + (frames == null ? "every frame"
          : "--frame " + frames));
    }
    if (inputs != 1) {
      throw refused("one program, not " + inputs);
    }
  }

  static UsageException refused(String what) {
    return new UsageException("-o - writes one figure to standard output, so it takes " + what + ".");
  }

  private static String names(List<Format> formats) {
    return String.join(",", formats.stream().map(Format::name).toList());
  }

  /** Renders {@code entry} and writes its one frame to {@code figures}; returns the exit code. */
  static int write(InputFinder.Entry entry, Gradframes gradframes, OutputStream figures, PrintWriter err) {
    Diagnostics diagnostics = new Diagnostics(err);
    if (entry.program() == null) {
      err.println(entry.name() + ": error: " + entry.error());
      return Main.BAD_INPUT;
    }
    ProgramInput input = entry.program();
    try {
      Rendering rendering = gradframes.render(input.name(), input.text());
      int frame = rendering.selectedFrames().get(0);
      byte[] figure = rendering.frame(gradframes.options().resolvedFormats().get(0).name(), frame);
      CompiledProgram program = rendering.program();
      for (Warning w : program.warnings()) {
        diagnostics.at(program.source(), w.position(), "warning", w.message());
      }
      for (String note : rendering.notes(Flags::of)) {
        err.println(input.name() + ": note: " + note);
      }
      figures.write(figure);
      figures.flush();
      return Main.OK;
    } catch (IOException e) {
      diagnostics.about(input.name(), "cannot write to standard output: " + Failures.reason(e));
      return Main.BAD_INPUT;
    } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
      if (Batch.reportFailure(input, e, diagnostics)) {
        return Main.BAD_INPUT;
      }
      err.print(Failures.trace(e));
      return Main.INTERNAL;
    }
  }
}
