package org.gradframes.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the real command line makes of a program on standard input, for tests of other packages to compare with. */
public final class Figures {
  private Figures() {}

  /** The bytes {@code gradframes - ARGS -o -} writes for {@code program}. */
  public static byte[] standardOutput(String program, String... args) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    StringWriter err = new StringWriter();
    String[] all = new String[args.length + 3];
    all[0] = "-";
    System.arraycopy(args, 0, all, 1, args.length);
    all[args.length + 1] = "-o";
    all[args.length + 2] = "-";
    int exit = new Main(new PrintWriter(new StringWriter()), new PrintWriter(err),
        new ByteArrayInputStream(program.getBytes(StandardCharsets.UTF_8)), bytes).run(all);
    if (exit != Main.OK) {
      throw new AssertionError("exit " + exit + ": " + err);
    }
    return bytes.toByteArray();
  }

  /** The file {@code name} that {@code gradframes - ARGS -o DIR} writes into {@code DIR/stdin/}. */
  public static byte[] folderFile(String program, String name, String... args) throws IOException {
    Path dir = Files.createTempDirectory("gradframes-serve-test");
    String[] all = new String[args.length + 3];
    all[0] = "-";
    System.arraycopy(args, 0, all, 1, args.length);
    all[args.length + 1] = "-o";
    all[args.length + 2] = dir.toString();
    StringWriter err = new StringWriter();
    int exit = new Main(new PrintWriter(new StringWriter()), new PrintWriter(err),
        new ByteArrayInputStream(program.getBytes(StandardCharsets.UTF_8))).run(all);
    if (exit != Main.OK) {
      throw new AssertionError("exit " + exit + ": " + err);
    }
    byte[] file = Files.readAllBytes(dir.resolve("stdin").resolve(name));
    try (var walk = Files.walk(dir)) {
      walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
    return file;
  }
}
