package org.gradframes.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line in a child JVM, for what only a whole process shows: its heap, its temporary files. */
class ChildRunTest {
  @TempDir Path dir;

  private record Child(int exit, String output) {}

  private Child run(List<String> jvm, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElseThrow());
    // Short runs start faster compiled by C1 alone, as bin/gradframes runs them.
    command.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
    command.addAll(jvm);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.gradframes.cli.Main"));
    command.addAll(List.of(args));
    Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
    child.getOutputStream().close();
    String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(child.waitFor(5, TimeUnit.MINUTES), "the child finished");
    return new Child(child.exitValue(), output);
  }

  /** A program too big for the heap fails alone: the small programs of the same run still render. */
  @Test
  void runningOutOfMemoryInOneProgramSparesTheOthers() throws Exception {
    StringBuilder big = new StringBuilder("x0 = 0.5\n");
    for (int i = 1; i < 1500; i++) {
      big.append("x").append(i).append(" = sin(x").append(i - 1).append(") + x").append(i - 1).append(" * 0.5\n");
    }
    Path program = dir.resolve("big.grad");
    Files.writeString(program, big);
    Path out = dir.resolve("out");
    Child child = run(List.of("-Xmx48m", "-Xss8m"), "-q", "-j", "2", "-f", "svg,png,json", "--view", "ops",
        "--max-nodes", "100000", "-o", out.toString(), program.toString(), "samples/chain-rule.grad",
        "samples/advanced.grad");
    assertTrue(Files.isRegularFile(out.resolve("chain-rule/trace.json")), "chain-rule rendered:\n" + child.output());
    assertTrue(Files.isRegularFile(out.resolve("advanced/trace.json")), "advanced rendered:\n" + child.output());
    assumeTrue(child.exit() != 0, "the big program fitted into 48 MB here; nothing ran out of memory");
    assertEquals(1, child.exit(), child.output());
    assertTrue(child.output().contains("big.grad: error: out of memory"), child.output());
    assertFalse(Files.exists(out.resolve("big")), "the big program left no folder");
  }

  /** graphviz-java's files go to a folder of the run's own, which is gone when the run ends. */
  @Test
  void layingOutWithDotLeavesNoTemporaryFiles() throws Exception {
    boolean dot = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
        .anyMatch(d -> !d.isEmpty() && Files.isExecutable(Path.of(d, "dot")));
    assumeTrue(dot, "Graphviz's dot is not on the PATH: skipping (.ci/run installs it; apt-get install graphviz)");
    Path tmp = Files.createDirectory(dir.resolve("tmp"));
    Child child = run(List.of("-Djava.io.tmpdir=" + tmp), "-q", "--engine", "dot", "-f", "svg", "-o",
        dir.resolve("out").toString(), "samples/advanced.grad", "samples/chain-rule.grad");
    assertEquals(0, child.exit(), child.output());
    try (Stream<Path> left = Files.list(tmp)) {
      assertEquals(List.of(), left.map(p -> p.getFileName().toString()).toList(), "the temporary folder is empty");
    }
  }
}
