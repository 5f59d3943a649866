package org.gradframes.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.gradframes.pipeline.Gradframes;
import org.gradframes.pipeline.InvalidProgramException;
import org.gradframes.pipeline.RenderOptions;
import org.junit.jupiter.api.Test;

/** A fault of gradframes itself is told apart from bad input: its own exit code and its stack trace. */
class InternalErrorTest {
  private static Batch batch(StringWriter err) throws UsageException {
    Options options = new CommandLineOptions().parse(new String[] {"-e", "x = 1"}, new PrintWriter(new StringWriter()));
    Gradframes gradframes = new Gradframes(options.render());
    return new Batch(options, gradframes, gradframes.engine(), Progress.quiet(), new PrintWriter(err));
  }

  @Test
  void aBugIsReportedWithItsTraceAndBadInputWithout() throws UsageException {
    StringWriter err = new StringWriter();
    Batch batch = batch(err);
    ProgramInput input = ProgramInput.ofExpression("x = 1\n");
    StringWriter messages = new StringWriter();
    Diagnostics diagnostics = new Diagnostics(new PrintWriter(messages));
    assertFalse(batch.report(input, new IllegalStateException("a bug"), diagnostics), "a bug is not bad input");
    InvalidProgramException bad = assertThrows(InvalidProgramException.class,
        () -> new Gradframes(RenderOptions.builder().build()).render("t.grad", "y = (\n"));
    assertTrue(batch.report(input, bad, diagnostics), "bad input is");
    assertTrue(messages.toString().contains("internal error: java.lang.IllegalStateException: a bug"), messages.toString());
    String trace = Failures.trace(new IllegalStateException("a bug"));
    assertTrue(trace.contains("\tat org.gradframes.cli.InternalErrorTest"), trace);
  }

  @Test
  void theCommandLineExitsWithItsOwnCodeOnABug() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    // A standard input that fails with an unchecked exception stands for any fault that is not the input's.
    java.io.InputStream broken = new java.io.InputStream() {
      @Override
      public int read() {
        throw new IllegalStateException("a fault below the command line");
      }
    };
    int exit = new Main(new PrintWriter(out), new PrintWriter(err), broken).run("-");
    assertEquals(Main.INTERNAL, exit, err.toString());
    assertTrue(err.toString().startsWith("gradframes: internal error"), err.toString());
    assertTrue(err.toString().contains("\tat "), "the stack trace: " + err);
  }
}
