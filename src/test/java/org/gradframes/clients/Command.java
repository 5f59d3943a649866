package org.gradframes.clients;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/** One run of an external program that opens gradframes' output: its exit code and what it printed. */
record Command(int exit, String out, String err) {
  /** Skips the calling test, naming the program and its Debian package, when the program is not on the PATH. */
  static void assumeInstalled(String program, String debianPackage) {
    boolean found = Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
        .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, program)));
    assumeTrue(found, program + " is not installed; skipped (Debian package " + debianPackage + ": apt-get install "
        + debianPackage + ")");
  }

  static Command run(String... command) throws IOException, InterruptedException {
    Path out = Files.createTempFile("gradframes-out", ".txt");
    Path err = Files.createTempFile("gradframes-err", ".txt");
    try {
      Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError(String.join(" ", command) + " did not finish within 60 s");
      }
      return new Command(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }
}
