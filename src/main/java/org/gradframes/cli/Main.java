package org.gradframes.cli;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.gradframes.pipeline.Gradframes;
import org.gradframes.pipeline.GradframesException;
import org.gradframes.pipeline.OutputFolder;

/**
 * The {@code gradframes} command: renders each input program into its own folder of frames; {@code gradframes serve}
 * runs the render server instead.
 */
public final class Main {
  /** Exit code: every input rendered. */
  public static final int OK = 0;
  /** Exit code: at least one input failed; the others rendered. */
  public static final int BAD_INPUT = 1;
  /** Exit code: the command line itself is wrong; nothing rendered. */
  public static final int USAGE = 2;
  /** Exit code: gradframes itself failed (a bug, reported with its stack trace); other inputs may have rendered. */
  public static final int INTERNAL = 3;

  private final PrintWriter out;
  private final PrintWriter err;
  private final InputStream in;
  private final PrintStream terminal;
  private final OutputStream figures;

  public Main(PrintWriter out, PrintWriter err) {
    this(out, err, System.in);
  }

  public Main(PrintWriter out, PrintWriter err, InputStream in) {
    this(out, err, in, null, System.out);
  }

  /** A command line whose {@code -o -} writes its figure to {@code figures}, the bytes of standard output. */
  public Main(PrintWriter out, PrintWriter err, InputStream in, OutputStream figures) {
    this(out, err, in, null, figures);
  }

  /** A command line that draws a progress bar on {@code terminal} (null: one line per program instead). */
  Main(PrintWriter out, PrintWriter err, InputStream in, PrintStream terminal) {
    this(out, err, in, terminal, System.out);
  }

  private Main(PrintWriter out, PrintWriter err, InputStream in, PrintStream terminal, OutputStream figures) {
    this.out = Terminal.escaping(out);
    this.err = Terminal.escaping(err);
    this.in = in;
    this.terminal = terminal;
    this.figures = figures;
  }

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    PrintStream terminal = System.console() != null ? System.err : null;
    Runtime.getRuntime().addShutdownHook(new Thread(OutputFolder::abandonAll, "gradframes-cleanup"));
    System.exit(new Main(out, err, System.in, terminal, System.out).run(args));
  }

  /** The version of this build. */
  public static String version() {
    return Gradframes.version();
  }

  /** Runs the command line {@code args}; returns the exit code. */
  public int run(String... args) {
    boolean serve = args.length > 0 && args[0].equals("serve");
    try {
      if (serve) {
        return new ServeCommand(out, err).run(java.util.Arrays.copyOfRange(args, 1, args.length));
      }
      Options options = new CommandLineOptions().parse(args, out);
      if (options == null) {
        return OK;
      }
      return render(options);
    } catch (UsageException e) {
      err.println("gradframes: error: " + e.getMessage());
      err.println("usage: " + (serve ? ServeCommand.USAGE + "  (gradframes serve --help lists the options)"
          : CommandLineOptions.USAGE + "  (gradframes --help lists the options)"));
      return USAGE;
    } catch (RuntimeException e) {
      err.println("gradframes: internal error (please report it with the command line and this trace):");
      err.print(Failures.trace(e));
      return INTERNAL;
    } finally {
      out.flush();
      err.flush();
    }
  }

  private int render(Options options) throws UsageException {
    Gradframes gradframes;
    String engine;
    try {
      gradframes = new Gradframes(options.render());
      engine = gradframes.engine();
    } catch (GradframesException e) {
      throw new UsageException(e.message(Flags::of));
    }
    List<InputFinder.Entry> entries = new ArrayList<>();
    if (options.expression() != null) {
      entries.add(InputFinder.Entry.read(ProgramInput.ofExpression(options.expression())));
    }
    entries.addAll(InputFinder.find(options.inputs(), in, options.maxBytes()));
    if (options.toStandardOutput()) {
      if (entries.size() != 1) {
        throw StandardOutput.refused("one program, not the " + entries.size() + " that "
            + Terminal.visible(String.join(" ", options.inputs())) + " holds");
      }
      return StandardOutput.write(entries.get(0), gradframes, figures, err);
    }
    long start = System.nanoTime();
    Progress progress = options.quiet() ? Progress.quiet()
        : terminal != null ? Progress.bar(terminal) : Progress.lines(out);
    if (options.watch()) {
      return new Watch(options, gradframes, engine, err).run(entries, progress);
    }
    Batch.Summary summary = new Batch(options, gradframes, engine, progress, err).run(entries);
    if (!options.quiet() && entries.size() > 1) {
      out.printf(java.util.Locale.ROOT, "gradframes: %d programs: %d rendered, %d up to date, %d failed; %d frames"
          + " written in %.1f s%n", entries.size(), summary.rendered(), summary.skipped(), summary.failed(),
          summary.frames(), (System.nanoTime() - start) / 1e9);
    }
    return summary.broken() > 0 ? INTERNAL : summary.failed() == 0 ? OK : BAD_INPUT;
  }
}
