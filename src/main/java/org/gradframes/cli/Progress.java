package org.gradframes.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** What a run shows while it works: a progress bar on a terminal, a line per program elsewhere, or nothing. */
interface Progress {
  void start(int programs);

  void done(String name, Batch.Result result, String folder);

  void finish();

  /** One line per program, for logs and CI. */
  static Progress lines(PrintWriter out) {
    return new Progress() {
      @Override
      public void start(int programs) {}

      @Override
      public void done(String name, Batch.Result result, String folder) {
        String line = switch (result.outcome()) {
          case RENDERED -> name + ": " + result.frames() + " frames -> " + folder;
          case SKIPPED -> name + ": up to date in " + folder;
          case FAILED, BROKEN -> null;
        };
        if (line != null) {
          synchronized (out) {
            out.println(line);
            out.flush();
          }
        }
      }

      @Override
      public void finish() {}
    };
  }

  /** One line per program on the error stream, with the time since the start: a render under --watch. */
  static Progress watching(PrintWriter err) {
    return new Progress() {
      private long start = System.nanoTime();

      @Override
      public void start(int programs) {
        start = System.nanoTime();
      }

      @Override
      public void done(String name, Batch.Result result, String folder) {
        String line = switch (result.outcome()) {
          case RENDERED -> String.format(java.util.Locale.ROOT, "rendered %s (%d frames) in %.2f s", name,
              result.frames(), (System.nanoTime() - start) / 1e9);
          case SKIPPED -> name + ": unchanged; up to date in " + folder;
          case FAILED, BROKEN -> null;
        };
        if (line != null) {
          synchronized (err) {
            err.println(line);
            err.flush();
          }
        }
      }

      @Override
      public void finish() {}
    };
  }

  /** Nothing but errors. */
  static Progress quiet() {
    return lines(new PrintWriter(PrintWriter.nullWriter()));
  }

  /** A progress bar on the terminal: programs done, frames written, rate and time left. */
  static Progress bar(PrintStream terminal) {
    return new Progress() {
      private ProgressBar bar;
      private long frames;

      @Override
      public void start(int programs) {
        bar = new ProgressBarBuilder().setTaskName("gradframes").setInitialMax(programs)
            .setStyle(ProgressBarStyle.ASCII).setUnit(" programs", 1).showSpeed().setUpdateIntervalMillis(250)
            .setConsumer(new ConsoleProgressBarConsumer(terminal)).build();
      }

      @Override
      public synchronized void done(String name, Batch.Result result, String folder) {
        frames += result.frames();
        bar.step();
        bar.setExtraMessage(" " + frames + " frames");
      }

      @Override
      public void finish() {
        bar.close();
      }
    };
  }
}
