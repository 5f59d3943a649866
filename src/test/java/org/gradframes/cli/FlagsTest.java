package org.gradframes.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gradframes.pipeline.Option;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The library names options by its own names; the command line prints them by the flags that set them. */
class FlagsTest {
  @TempDir Path dir;

  @Test
  void everyOptionOfTheLibraryHasAFlagOfTheCommandLine() {
    StringWriter help = new StringWriter();
    new CommandLineOptions().printHelp(new PrintWriter(help));
    for (Option option : Option.values()) {
      String flag = Flags.of(option).split(" ")[0];
      assertTrue(help.toString().contains(flag + " ") || help.toString().contains(flag + "\n"), option + " " + flag);
    }
  }

  @Test
  void anOptionOutOfItsRangeIsAUsageErrorNamingItsFlag() {
    Run scale = Run.of("--scale", "1e6", "-e", "y = 1", "-o", dir.toString());
    assertEquals(Main.USAGE, scale.exit(), scale.err());
    assertTrue(scale.err().startsWith("gradframes: error: --scale: expected a number from 0.1 to 20, not 1000000."),
        scale.err());
    Run epochs = Run.of("--update", "0.1", "--epochs", "100000", "-e", "y = 1", "-o", dir.toString());
    assertEquals(Main.USAGE, epochs.exit(), epochs.err());
    assertTrue(epochs.err().contains("--epochs: expected a whole number from 1 to 10000"), epochs.err());
    Run canvas = Run.of("--canvas", "1:0", "-e", "y = 1", "-o", dir.toString());
    assertEquals(Main.USAGE, canvas.exit(), canvas.err());
    assertTrue(canvas.err().contains("--canvas: expected auto, a ratio"), canvas.err());
    Run styles = Run.of("--style", "circuit", "--rankdir", "TB", "-e", "y = 1", "-o", dir.toString());
    assertEquals(Main.USAGE, styles.exit(), styles.err());
    assertTrue(styles.err().contains("for --rankdir TB use --style boxes."), styles.err());
  }

  @Test
  void errorsAndNotesOfAProgramNameFlags() throws Exception {
    Path program = dir.resolve("p.grad");
    Files.writeString(program, "x = 1\ny = x * x\n");
    Run view = Run.of("--view", "network", "-q", program.toString(), "-o", dir.resolve("out").toString());
    assertEquals(Main.BAD_INPUT, view.exit(), view.err());
    assertTrue(view.err().contains("p.grad: error: --view network: the program is not a network"), view.err());
    Run deep = Run.of("--max-depth", "2", "-q", "-e", "y = (((1)))", "-o", dir.resolve("out").toString());
    assertEquals(Main.BAD_INPUT, deep.exit(), deep.err());
    assertTrue(deep.err().contains("(--max-depth raises the limit)."), deep.err());
  }
}
