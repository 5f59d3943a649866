package org.gradframes.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden captions: each {@code NAME.cmd} under src/test/resources/golden is a command line whose captions.txt must
 * equal {@code NAME.captions}, written by hand from the source documents' own walk-throughs.
 */
class GoldenCaptionsTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden");

  @TempDir Path dir;

  static List<String> cases() throws IOException {
    try (Stream<Path> files = Files.list(GOLDEN)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".cmd"))
          .map(n -> n.substring(0, n.length() - 4)).sorted().toList();
    }
  }

  @Test
  void everyCommandHasItsCaptionsAndEveryCaptionsItsCommand() throws IOException {
    Set<String> commands = new TreeSet<>();
    Set<String> captions = new TreeSet<>();
    try (Stream<Path> files = Files.list(GOLDEN)) {
      for (String name : files.map(p -> p.getFileName().toString()).toList()) {
        if (name.endsWith(".cmd")) {
          commands.add(name.substring(0, name.length() - 4));
        } else if (name.endsWith(".captions")) {
          captions.add(name.substring(0, name.length() - 9));
        }
      }
    }
    assertEquals(commands, captions, "unmatched golden files");
    assertTrue(commands.size() >= 3);
  }

  @ParameterizedTest
  @MethodSource("cases")
  void captionsMatchTheWorkedExample(String name) throws IOException {
    List<String> args = new ArrayList<>(List.of(Files.readString(GOLDEN.resolve(name + ".cmd")).strip().split("\\s+")));
    args.addAll(List.of("-o", dir.toString(), "-f", "svg"));
    Run run = Run.of(args.toArray(String[]::new));
    assertEquals(Main.OK, run.exit(), run.err());
    Path program;
    try (Stream<Path> folders = Files.list(dir)) {
      program = folders.filter(Files::isDirectory).findFirst().orElseThrow();
    }
    assertEquals(Files.readString(GOLDEN.resolve(name + ".captions"), StandardCharsets.UTF_8),
        Files.readString(program.resolve("captions.txt"), StandardCharsets.UTF_8));
  }
}
