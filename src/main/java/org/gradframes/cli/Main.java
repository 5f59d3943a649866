package org.gradframes.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.gradframes.expr.Source;
import org.gradframes.expr.SourceException;
import org.gradframes.layout.LayoutException;
import org.gradframes.render.Theme;
import org.gradframes.render.ThemeException;

/** The {@code gradframes} command: renders each input program into its own folder of frames. */
public final class Main {
  /** Exit code: every input rendered. */
  public static final int OK = 0;
  /** Exit code: at least one input failed; the others rendered. */
  public static final int BAD_INPUT = 1;
  /** Exit code: the command line itself is wrong; nothing rendered. */
  public static final int USAGE = 2;

  private static final long RENDER_STACK_BYTES = 1L << 29;

  private final PrintWriter out;
  private final PrintWriter err;
  private final InputStream in;
  private final Diagnostics diagnostics;

  public Main(PrintWriter out, PrintWriter err) {
    this(out, err, System.in);
  }

  public Main(PrintWriter out, PrintWriter err, InputStream in) {
    this.out = out;
    this.err = err;
    this.in = in;
    this.diagnostics = new Diagnostics(err);
  }

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    System.exit(new Main(out, err).run(args));
  }

  /** The version of this build. */
  public static String version() {
    String version = Main.class.getPackage().getImplementationVersion();
    return version == null ? "dev" : version;
  }

  /** Runs the command line {@code args}; returns the exit code. */
  public int run(String... args) {
    try {
      Options options = new CommandLineOptions().parse(args, out);
      if (options == null) {
        return OK;
      }
      return render(options);
    } catch (UsageException e) {
      err.println("gradframes: error: " + e.getMessage());
      err.println("usage: " + CommandLineOptions.USAGE + "  (gradframes --help lists the options)");
      return USAGE;
    } finally {
      out.flush();
      err.flush();
    }
  }

  private int render(Options options) throws UsageException {
    Theme theme;
    try {
      theme = Theme.load(options.theme());
    } catch (ThemeException e) {
      throw new UsageException("--theme " + e.file() + (e.line() > 0 ? ":" + e.line() : "") + ": " + e.getMessage());
    }
    if (!options.engine().available()) {
      throw new UsageException("--engine dot: no 'dot' program on the PATH (install Graphviz, or use --engine embedded).");
    }
    ProgramRender render = new ProgramRender(options, theme);
    OutputFolder folder = new OutputFolder(options.out());
    Set<String> stems = new HashSet<>();
    int failed = 0;
    for (ProgramInput input : inputs(options)) {
      if (input == null) {
        failed++;
      } else if (!stems.add(input.stem())) {
        diagnostics.about(input.name(), "another input of this run also writes to " + folder.folder(input.stem())
            + "; rename one of them.");
        failed++;
      } else if (!renderOne(input, render, folder)) {
        failed++;
      }
    }
    return failed == 0 ? OK : BAD_INPUT;
  }

  /** Reads every input; an input that cannot be read is reported and stands as null. */
  private List<ProgramInput> inputs(Options options) {
    List<ProgramInput> inputs = new ArrayList<>();
    if (options.expression() != null) {
      inputs.add(ProgramInput.ofExpression(options.expression()));
    }
    for (String argument : options.inputs()) {
      try {
        inputs.add(argument.equals("-") ? ProgramInput.ofStandardInput(in) : ProgramInput.ofFile(argument));
      } catch (ProgramInput.ReadException e) {
        diagnostics.about(argument, e.getMessage());
        inputs.add(null);
      }
    }
    return inputs;
  }

  /** Renders and writes one program on a thread with a deep stack; reports any failure and returns false. */
  private boolean renderOne(ProgramInput input, ProgramRender render, OutputFolder folder) {
    Throwable[] failure = new Throwable[1];
    RenderedProgram[] result = new RenderedProgram[1];
    Thread worker = new Thread(null, () -> {
      try {
        result[0] = render.render(input);
        folder.write(input.stem(), result[0].files());
      } catch (Throwable t) {
        failure[0] = t;
      }
    }, "gradframes-render", RENDER_STACK_BYTES);
    worker.start();
    try {
      worker.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      diagnostics.about(input.name(), "interrupted.");
      return false;
    }
    if (failure[0] != null) {
      report(input, failure[0], folder);
      return false;
    }
    Source source = result[0].source();
    for (Warning w : result[0].warnings()) {
      diagnostics.at(source, w.position(), "warning", w.message());
    }
    out.println(input.name() + ": " + result[0].frames() + " frames -> " + folder.folder(input.stem()));
    return true;
  }

  private void report(ProgramInput input, Throwable failure, OutputFolder folder) {
    if (failure instanceof SourceException e) {
      diagnostics.at(new Source(input.name(), input.text()), e.position(), "error", e.getMessage());
    } else if (failure instanceof LayoutException || failure instanceof ProgramException) {
      diagnostics.about(input.name(), failure.getMessage());
    } else if (failure instanceof IOException e) {
      diagnostics.about(input.name(), "cannot write " + folder.folder(input.stem()) + ": " + e.getMessage());
    } else if (failure instanceof StackOverflowError) {
      diagnostics.about(input.name(), "the program is too deeply nested to compile.");
    } else if (failure instanceof OutOfMemoryError) {
      diagnostics.about(input.name(), "out of memory; the program is too large (or give java more with -Xmx).");
    } else {
      diagnostics.about(input.name(), "internal error: " + failure + " (please report it with the program).");
    }
  }
}
