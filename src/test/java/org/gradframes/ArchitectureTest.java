package org.gradframes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The packages follow the pipeline: a stage uses only earlier stages, and only some stages use some libraries. */
class ArchitectureTest {
  private static final List<String> STAGES = List.of("expr", "graph", "autodiff", "layout", "render", "cli");
  private static final Map<String, Set<String>> LIBRARIES = Map.of(
      "guru.nidi.graphviz", Set.of("layout"),
      "org.apache.commons.cli", Set.of("cli"),
      "java.awt", Set.of("render"),
      "com.fasterxml.jackson", Set.of("render"));
  private static final Pattern IMPORT = Pattern.compile("^import (?:static )?([\\w.]+)", Pattern.MULTILINE);
  private static final Pattern FQN = Pattern.compile("\\borg\\.gradframes\\.(\\w+)\\.");

  @Test
  void stagesUseOnlyEarlierStagesAndTheirOwnLibraries() throws IOException {
    List<String> violations = new ArrayList<>();
    int files = 0;
    try (Stream<Path> walk = Files.walk(Path.of("src/main/java/org/gradframes"))) {
      for (Path file : walk.filter(p -> p.toString().endsWith(".java")).toList()) {
        files++;
        String stage = file.getParent().getFileName().toString();
        String text = Files.readString(file);
        Matcher imports = IMPORT.matcher(text);
        while (imports.find()) {
          check(stage, imports.group(1), file, violations);
        }
        Matcher names = FQN.matcher(text.replaceAll("(?m)^package .*$", ""));
        while (names.find()) {
          check(stage, "org.gradframes." + names.group(1) + ".", file, violations);
        }
      }
    }
    assertTrue(files > 20, "found the sources");
    assertEquals(List.of(), violations);
  }

  private static void check(String stage, String name, Path file, List<String> violations) {
    int own = STAGES.indexOf(stage);
    if (name.startsWith("org.gradframes.")) {
      String used = name.substring("org.gradframes.".length()).split("\\.")[0];
      if (STAGES.indexOf(used) > own) {
        violations.add(file + " (" + stage + ") uses later stage " + used);
      }
    }
    LIBRARIES.forEach((library, allowed) -> {
      if (name.startsWith(library) && !allowed.contains(stage)) {
        violations.add(file + " (" + stage + ") uses " + library);
      }
    });
  }

  @Test
  void everyPackageSaysWhatItIsFor() {
    for (String stage : STAGES) {
      assertTrue(Files.isRegularFile(Path.of("src/main/java/org/gradframes", stage, "package-info.java")), stage);
    }
  }
}
