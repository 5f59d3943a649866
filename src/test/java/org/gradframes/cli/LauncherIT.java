package org.gradframes.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher {@code bin/gradframes}, run as a user runs it (after {@code mvn package}, so as an integration test):
 * through a symlink, from another folder, with arguments that hold spaces; it keeps standard input and output and
 * the exit code, and its class-data archive, made on first use, never breaks a run, truncated or written into. Slow
 * for a test (about 15 s): making an archive runs a JVM that renders two programs and dumps its classes, and another
 * that checks them; three times here.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LauncherIT {
  private static final String PROGRAM = "x = 3\ny = x * x\n";
  private static final List<String> ONE_FIGURE = List.of("-f", "svg", "--frame", "last", "-o", "-");

  @TempDir static Path dir;
  /** A copy of the checkout's launcher beside a link to the jar, so that its archive is this test's own. */
  static Path root;
  /** A symlink to the launcher in another folder, as on a PATH. */
  static Path link;

  private record Result(int exit, byte[] out, String err) {}

  @BeforeAll
  static void install() throws IOException {
    assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "no /bin/sh: the launcher is a shell script; skipped");
    Path jar = Path.of("target/gradframes.jar").toAbsolutePath();
    assertTrue(Files.isRegularFile(jar), "mvn package made " + jar);
    root = Files.createDirectories(dir.resolve("check out"));
    Files.createDirectories(root.resolve("bin"));
    Files.createDirectories(root.resolve("target"));
    Files.copy(Path.of("bin/gradframes"), root.resolve("bin/gradframes"));
    assertTrue(root.resolve("bin/gradframes").toFile().setExecutable(true));
    Files.createSymbolicLink(root.resolve("target/gradframes.jar"), jar);
    link = Files.createSymbolicLink(Files.createDirectories(dir.resolve("on the path")).resolve("gradframes"),
        root.resolve("bin/gradframes"));
  }

  private static Result launch(Path cwd, String stdin, List<String> args) throws Exception {
    List<String> command = new ArrayList<>(List.of(link.toString()));
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command).directory(cwd.toFile());
    Map<String, String> env = builder.environment();
    env.remove("GRADFRAMES_JAVA_OPTS");
    env.remove("GRADFRAMES_CDS");
    env.put("JAVA_HOME", System.getProperty("java.home"));
    Path err = Files.createTempFile(dir, "err", ".txt");
    Process process = builder.redirectError(err.toFile()).start();
    process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
    process.getOutputStream().close();
    byte[] out = process.getInputStream().readAllBytes();
    assertTrue(process.waitFor(2, TimeUnit.MINUTES), "the launcher finished");
    return new Result(process.exitValue(), out, Files.readString(err, StandardCharsets.UTF_8));
  }

  /** What the command line prints to standard output run in this JVM, without the launcher. */
  private static byte[] inProcess(String stdin, List<String> args) {
    ByteArrayOutputStream figure = new ByteArrayOutputStream();
    StringWriter err = new StringWriter();
    int exit = new Main(new PrintWriter(new StringWriter()), new PrintWriter(err),
        new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), figure).run(args.toArray(String[]::new));
    assertEquals(Main.OK, exit, err.toString());
    return figure.toByteArray();
  }

  private static List<Path> archives() throws IOException {
    try (Stream<Path> files = Files.list(root.resolve("target"))) {
      return files.filter(f -> f.getFileName().toString().startsWith("gradframes-")
          && !f.getFileName().toString().endsWith(".ok")).sorted().toList();
    }
  }

  /** The archive's length is the one its name gives, and a JVM maps it or refuses to start. */
  private static void assertOneSoundArchive() throws Exception {
    List<Path> archives = archives();
    assertEquals(1, archives.size(), "one archive, no partial ones: " + archives);
    Path archive = archives.get(0);
    String name = archive.getFileName().toString();
    assertTrue(Files.isRegularFile(archive.resolveSibling(name + ".ok")), "the archive is stamped");
    assertEquals(name.substring(name.lastIndexOf('-') + 1, name.length() - ".jsa".length()),
        Long.toString(Files.size(archive)), name);
    Process check = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:+UseSerialGC", "-Xshare:on", "-XX:+VerifySharedSpaces", "-XX:SharedArchiveFile=" + archive,
        "-cp", root.resolve("target/gradframes.jar").toString(), "-version").redirectErrorStream(true).start();
    String said = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, check.waitFor(), "a JVM maps " + name + ":\n" + said);
  }

  @Test
  @Order(1)
  void theFirstRunMakesTheArchiveAndWritesTheFigureToStandardOutput() throws Exception {
    Path lectures = Files.createDirectories(dir.resolve("my lectures"));
    String name = "it's a \"chain rule\".grad";
    Files.writeString(lectures.resolve(name), PROGRAM);
    // The ids would hash the path, which is relative here and absolute in this JVM: a prefix of their own.
    List<String> options = List.of("--id-prefix", "fig", "-f", "svg", "--frame", "last", "-o", "-");
    List<String> args = new ArrayList<>(List.of(name));
    args.addAll(options);
    Result run = launch(lectures, "", args);
    assertEquals(Main.OK, run.exit(), run.err());
    assertEquals("", run.err(), "nothing on standard error, not even the JVM's word on the archive");
    args.set(0, lectures.resolve(name).toString());
    assertArrayEquals(inProcess("", args), run.out());
    assertOneSoundArchive();
  }

  @Test
  @Order(2)
  void standardInputArgumentsWithSpacesAndExitCodesPassThrough() throws Exception {
    List<String> fromStdin = new ArrayList<>(List.of("-"));
    fromStdin.addAll(ONE_FIGURE);
    Result piped = launch(dir, PROGRAM, fromStdin);
    assertEquals(Main.OK, piped.exit(), piped.err());
    assertArrayEquals(inProcess(PROGRAM, fromStdin), piped.out());

    List<String> expression = List.of("-e", "x = 2\ny  =  x * (x + 1)", "-f", "svg", "--frame", "first", "-o", "-",
        "--id-prefix", "fig-2");
    Result typed = launch(dir, "", expression);
    assertEquals(Main.OK, typed.exit(), typed.err());
    assertArrayEquals(inProcess("", expression), typed.out(), "the program arrives whole, spaces and line break");

    Files.writeString(dir.resolve("broken one.grad"), "x = 3\ny = x *\n");
    Result broken = launch(dir, "", List.of("broken one.grad", "-o", "out"));
    assertEquals(Main.BAD_INPUT, broken.exit(), broken.err());
    assertTrue(broken.err().contains("broken one.grad:2:"), broken.err());

    Result usage = launch(dir, "", List.of("--no-such-flag"));
    assertEquals(Main.USAGE, usage.exit(), usage.err());
  }

  @Test
  @Order(3)
  void anArchiveWrittenIntoIsMadeAgainAndATruncatedOneByRunsStartedAtOnce() throws Exception {
    List<String> fromStdin = new ArrayList<>(List.of("-"));
    fromStdin.addAll(ONE_FIGURE);
    byte[] expected = inProcess(PROGRAM, fromStdin);

    Path archive = archives().get(0);
    try (RandomAccessFile file = new RandomAccessFile(archive.toFile(), "rw")) {
      file.seek(file.length() / 2);
      file.write(new byte[4096]);
    }
    Result corrupt = launch(dir, PROGRAM, fromStdin);
    assertEquals(Main.OK, corrupt.exit(), corrupt.err());
    assertEquals("", corrupt.err(), "nothing on standard error");
    assertArrayEquals(expected, corrupt.out());
    assertOneSoundArchive();

    // Cut short with its time kept, as a full disk or a copy might leave it: only its length tells.
    archive = archives().get(0);
    java.nio.file.attribute.FileTime made = Files.getLastModifiedTime(archive);
    try (RandomAccessFile file = new RandomAccessFile(archive.toFile(), "rw")) {
      file.setLength(file.length() / 3);
    }
    Files.setLastModifiedTime(archive, made);
    List<Thread> runs = new ArrayList<>();
    List<Result> results = java.util.Collections.synchronizedList(new ArrayList<>());
    for (int i = 0; i < 2; i++) {
      runs.add(new Thread(() -> {
        try {
          results.add(launch(dir, PROGRAM, fromStdin));
        } catch (Exception e) {
          throw new AssertionError(e);
        }
      }));
    }
    runs.forEach(Thread::start);
    for (Thread run : runs) {
      run.join();
    }
    assertEquals(2, results.size());
    for (Result result : results) {
      assertEquals(Main.OK, result.exit(), result.err());
      assertArrayEquals(expected, result.out());
    }
    assertOneSoundArchive();
  }
}
