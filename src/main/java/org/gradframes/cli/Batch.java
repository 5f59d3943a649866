package org.gradframes.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.gradframes.expr.Source;
import org.gradframes.pipeline.CompiledProgram;
import org.gradframes.pipeline.Gradframes;
import org.gradframes.pipeline.GradframesException;
import org.gradframes.pipeline.InvalidProgramException;
import org.gradframes.pipeline.OutputException;
import org.gradframes.pipeline.OutputFolder;
import org.gradframes.pipeline.Rendering;
import org.gradframes.pipeline.Warning;
import org.gradframes.render.format.TemporaryFolderException;

/**
 * Renders many programs: in parallel on {@code --jobs} threads, skipping those whose output is up to date, each
 * program's messages printed whole when it finishes. A failed program never stops the others. The same threads
 * paint the frames: a program's frames are painted by its own thread and by those of the pool that are free, so
 * {@code --jobs} bounds every thread of the run.
 */
final class Batch {
  private static final long STACK_BYTES = 1L << 28;

  private final Options options;
  private final Gradframes gradframes;
  private final String engine;
  private final OutputFolder folder;
  private final Progress progress;
  private final PrintWriter err;

  Batch(Options options, Gradframes gradframes, String engine, Progress progress, PrintWriter err) {
    this.options = options;
    this.gradframes = gradframes;
    this.engine = engine;
    this.folder = new OutputFolder(options.out());
    this.progress = progress;
    this.err = err;
  }

  /** What became of one program. */
  enum Outcome { RENDERED, SKIPPED, FAILED, BROKEN }

  /** What became of one program, with the frames written and the messages to print. */
  record Result(Outcome outcome, int frames, String messages, boolean outOfMemory) {
    Result(Outcome outcome, int frames, String messages) {
      this(outcome, frames, messages, false);
    }
  }

  /** The totals of a run. */
  record Summary(int rendered, int skipped, int failed, long frames, int broken) {}

  Summary run(List<InputFinder.Entry> entries) {
    progress.start(entries.size());
    List<Result> results = new ArrayList<>();
    List<Future<Result>> futures = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(options.jobs(), threads());
    try {
      Set<String> folders = new HashSet<>();
      for (InputFinder.Entry entry : entries) {
        Result early = check(entry, folders);
        futures.add(early != null ? java.util.concurrent.CompletableFuture.completedFuture(finish(entry, early))
            : pool.submit(() -> finishUnlessOutOfMemory(entry, renderOne(entry.program(), pool))));
      }
      for (Future<Result> future : futures) {
        results.add(await(future));
      }
    } finally {
      pool.shutdownNow();
    }
    retryAlone(entries, results);
    progress.finish();
    int rendered = 0;
    int skipped = 0;
    int broken = 0;
    long frames = 0;
    for (Result r : results) {
      rendered += r.outcome() == Outcome.RENDERED ? 1 : 0;
      skipped += r.outcome() == Outcome.SKIPPED ? 1 : 0;
      broken += r.outcome() == Outcome.BROKEN ? 1 : 0;
      frames += r.frames();
    }
    return new Summary(rendered, skipped, results.size() - rendered - skipped, frames, broken);
  }

  /** A result for an entry that needs no render (unreadable, or its folder taken), or null. */
  private Result check(InputFinder.Entry entry, Set<String> folders) {
    if (entry.program() == null) {
      return new Result(Outcome.FAILED, 0, entry.name() + ": error: " + entry.error() + "\n");
    }
    String mine = entry.program().folder();
    for (String other : folders) {
      if (other.equals(mine) || other.startsWith(mine + "/") || mine.startsWith(other + "/")) {
        return new Result(Outcome.FAILED, 0, entry.name() + ": error: another input of this run also writes to "
            + folder.folder(other) + (other.equals(mine) ? "" : ", which would hold or be inside this one's folder")
            + "; rename one of them.\n");
      }
    }
    folders.add(mine);
    return null;
  }

  private Result finishUnlessOutOfMemory(InputFinder.Entry entry, Result result) {
    return result.outOfMemory() ? result : finish(entry, result);
  }

  /**
   * Renders again, one at a time, the programs that ran out of memory: the programs rendered beside one that
   * needs all of it run out too, and most of them fit on their own (their frames painted by one thread).
   */
  private void retryAlone(List<InputFinder.Entry> entries, List<Result> results) {
    ExecutorService alone = Executors.newSingleThreadExecutor(threads());
    try {
      for (int i = 0; i < results.size(); i++) {
        if (results.get(i).outOfMemory()) {
          InputFinder.Entry entry = entries.get(i);
          results.set(i, finish(entry, await(alone.submit(() -> renderOne(entry.program(), alone)))));
        }
      }
    } finally {
      alone.shutdownNow();
    }
  }

  private Result finish(InputFinder.Entry entry, Result result) {
    synchronized (err) {
      err.print(result.messages());
      err.flush();
    }
    progress.done(entry.name(), result, folderOf(entry));
    return result;
  }

  private String folderOf(InputFinder.Entry entry) {
    return entry.program() == null ? "" : folder.folder(entry.program().folder()).toString();
  }

  private static Result await(Future<Result> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Result(Outcome.FAILED, 0, "gradframes: interrupted\n");
    } catch (ExecutionException e) {
      return new Result(Outcome.BROKEN, 0, "gradframes: internal error (please report it with the command line):\n"
          + Failures.trace(e.getCause()));
    }
  }

  /** Renders {@code input}, its frames painted by this thread and the free threads of {@code painters}. */
  private Result renderOne(ProgramInput input, java.util.concurrent.Executor painters) {
    StringWriter messages = new StringWriter();
    Diagnostics diagnostics = new Diagnostics(new PrintWriter(messages));
    String key = RenderKey.of(options, gradframes.theme(), engine, input);
    try {
      folder.recover(input.folder());
      if (!options.force() && key.equals(folder.key(input.folder()))) {
        return new Result(Outcome.SKIPPED, 0, "");
      }
      long start = System.nanoTime();
      Rendering rendering = gradframes.render(input.name(), input.text());
      CompiledProgram program = rendering.program();
      long writing = System.nanoTime();
      String latexFolder = options.out().resolve(input.folder()).toString();
      folder.write(input.folder(), sink -> rendering.write(options.watch() ? new ReloadingPages(sink, input.stem(), key)
          : sink, input.stem(), latexFolder, painters), key);
      if (options.timings()) {
        messages.write(String.format(java.util.Locale.ROOT, "%s: timings: %s %.3f s with every file written, %.3f s in"
            + " all%n", input.name(), rendering.timings(), (System.nanoTime() - writing) / 1e9,
            (System.nanoTime() - start) / 1e9));
      }
      for (Warning w : program.warnings()) {
        diagnostics.at(program.source(), w.position(), "warning", w.message());
      }
      for (String note : rendering.notes(Flags::of)) {
        messages.write(input.name() + ": note: " + note + "\n");
      }
      return new Result(Outcome.RENDERED, rendering.frameCount(), messages.toString());
    } catch (Throwable t) {
      boolean known = report(input, t, diagnostics);
      if (!known) {
        messages.write(Failures.trace(t));
      }
      return new Result(known ? Outcome.FAILED : Outcome.BROKEN, 0, messages.toString(), t instanceof OutOfMemoryError);
    }
  }

  /** Reports {@code failure}; false when it is a fault of gradframes itself rather than of the input. */
  boolean report(ProgramInput input, Throwable failure, Diagnostics diagnostics) {
    return reportFailure(input, failure, diagnostics);
  }

  /** Reports {@code failure}; false when it is a fault of gradframes itself rather than of the input. */
  static boolean reportFailure(ProgramInput input, Throwable failure, Diagnostics diagnostics) {
    if (failure instanceof GradframesException e) {
      report(input, e, diagnostics);
    } else if (failure instanceof TemporaryFolderException e) {
      diagnostics.about(input.name(), e.getMessage());
    } else if (failure instanceof StackOverflowError) {
      diagnostics.about(input.name(), "the program is too deeply nested to compile.");
    } else if (failure instanceof OutOfMemoryError) {
      diagnostics.about(input.name(), "out of memory; the program is too large (or give java more with -Xmx).");
    } else {
      diagnostics.about(input.name(), "internal error: " + failure + " (please report it with the program and this"
          + " trace):");
      return false;
    }
    return true;
  }

  /** Reports an error of the program, its options, the engine or the output, naming options by their flags. */
  private static void report(ProgramInput input, GradframesException failure, Diagnostics diagnostics) {
    if (failure instanceof InvalidProgramException e) {
      diagnostics.at(e.source(), e.position(), "error", e.message(Flags::of));
    } else if (failure instanceof OutputException e && e.getCause() instanceof TemporaryFolderException cause) {
      diagnostics.about(input.name(), cause.getMessage());
    } else if (failure instanceof OutputException e && e.folder() != null
        && e.getCause() instanceof IOException cause) {
      diagnostics.about(input.name(), "cannot write " + e.folder() + ": " + Failures.reason(cause));
    } else {
      diagnostics.about(input.name(), failure.message(Flags::of));
    }
  }

  /** Worker threads with deep stacks, so that deeply nested programs compile. */
  private static ThreadFactory threads() {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(null, task, "gradframes-" + count.incrementAndGet(), STACK_BYTES);
      thread.setDaemon(true);
      return thread;
    };
  }
}
