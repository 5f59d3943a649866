package org.gradframes.pipeline;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.abort;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.gradframes.autodiff.RandomPrograms;
import org.gradframes.expr.Parser;
import org.gradframes.expr.Source;
import org.gradframes.graph.GraphBuilder;
import org.gradframes.layout.Direction;
import org.gradframes.layout.LayoutEngines;
import org.gradframes.render.scene.Drawing;
import org.gradframes.render.scene.DrawingStyle;
import org.gradframes.render.scene.GeometryContract;
import org.gradframes.render.scene.GeometryContract.Kind;
import org.gradframes.render.scene.GeometryContract.Violation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The geometric contract ({@link GeometryContract}) on drawings of every sample and teaching program, and of random
 * programs of up to 40 nodes, in the 26 ways of drawing them: each view, drawing style, engine and direction,
 * wrapped into rows and not, and as the default options draw them. Every program is drawn the default way with ELK
 * (the sample and teaching programs by ReadabilityTest, under the same contract) and in {@link #SAMPLE} other ways, chosen by its name, so that together the programs cover every way while the test
 * stays well under a minute as programs are added; {@code -Dgeometry.all=true} draws every program every way
 * (about 500 drawings, two to three minutes), and {@code -Dgeometry.census=true} counts violations by kind instead
 * of failing; {@code -Dgeometry.engine=dot} (or {@code elk}) draws the other ways with that engine only. A program of more than {@link #FULL_NODES} operations (the two 486-node network samples) is drawn
 * only the default way: its operations view takes seconds to lay out and check in each way. Without Graphviz every
 * dot drawing is reported as skipped.
 */
class GeometryContractTest {
  private static final int FULL_NODES = 60;
  private static final int RANDOM_SMALL = 6;
  private static final int RANDOM_LARGE = 4;
  /** How many ways, besides the defaults with ELK, each program is drawn in. */
  private static final int SAMPLE = 2;
  private static final boolean ALL = Boolean.getBoolean("geometry.all");
  private static final boolean CENSUS = Boolean.getBoolean("geometry.census");
  private static final Map<Kind, AtomicInteger> COUNTS = new EnumMap<>(Kind.class);
  private static final AtomicInteger DRAWINGS = new AtomicInteger();
  private static final AtomicInteger BROKEN = new AtomicInteger();

  /** A program to draw, by name. */
  record Program(String name, String text) {}

  /** One way of drawing a program; a null view and direction are the defaults' own choice. */
  record Setting(String engine, View view, DrawingStyle style, Direction direction, boolean wrap) {
    @Override
    public String toString() {
      return engine + " " + (view == null ? "default" : view.key() + " " + style.key() + " " + direction
          + (wrap ? " wrapped" : ""));
    }
  }

  static List<Program> programs() {
    List<Program> programs = new ArrayList<>();
    for (String folder : List.of("samples", "bench/teaching")) {
      try (Stream<Path> files = Files.list(Path.of(folder))) {
        for (Path p : files.filter(f -> f.toString().endsWith(".grad")).sorted().toList()) {
          programs.add(new Program(p.toString(), Files.readString(p)));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    RandomPrograms small = new RandomPrograms(new Random(7));
    for (int i = 0; i < RANDOM_SMALL; i++) {
      programs.add(new Program("random-" + i, small.next().text()));
    }
    Random random = new Random(11);
    for (int i = 0; i < RANDOM_LARGE; i++) {
      programs.add(new Program("sprawl-" + i, sprawl(random, 20 + 7 * i)));
    }
    return programs;
  }

  /**
   * A random program of about {@code nodes} operations whose statements use variables defined far above as well as
   * just above, so that long edges cross the layers, as in a loss with a regulariser.
   */
  static String sprawl(Random random, int nodes) {
    StringBuilder text = new StringBuilder();
    List<String> names = new ArrayList<>();
    int inputs = 2 + random.nextInt(4);
    for (int i = 1; i <= inputs; i++) {
      names.add("x" + i);
      text.append("x").append(i).append(" = ").append(String.format(Locale.ROOT, "%.2f", random.nextDouble() * 2 - 1))
          .append('\n');
    }
    String[] binary = {" + ", " - ", " * "};
    String[] unary = {"tanh", "sigmoid", "sin", "relu"};
    int n = 0;
    while (!text.toString().contains("v1 =") || opNodes(text.toString()) < nodes) {
      String a = names.get(random.nextBoolean() ? names.size() - 1 : random.nextInt(names.size()));
      String b = names.get(random.nextInt(names.size()));
      String expr = a + binary[random.nextInt(binary.length)] + b;
      if (random.nextInt(3) == 0) {
        expr = unary[random.nextInt(unary.length)] + "(" + expr + ")";
      }
      if (random.nextInt(3) == 0) {
        expr = expr + binary[random.nextInt(binary.length)] + names.get(random.nextInt(names.size()));
      }
      String name = "v" + ++n;
      text.append(name).append(" = ").append(expr).append('\n');
      names.add(name);
    }
    return text.toString();
  }

  private static int opNodes(String text) {
    return GraphBuilder.build(new Parser(new Source("t", text), Parser.DEFAULT_MAX_DEPTH).program()).size();
  }

  /** Every way of drawing a program of {@code nodes} operations that the test takes. */
  static List<Setting> settings(int nodes) {
    List<Setting> settings = new ArrayList<>();
    settings.add(new Setting("elk", null, DrawingStyle.BOXES, null, false));
    for (String engine : List.of("elk", "dot")) {
      if (nodes > FULL_NODES || !System.getProperty("geometry.engine", engine).equals(engine)) {
        continue;
      }
      if (engine.equals("dot")) {
        settings.add(new Setting(engine, null, DrawingStyle.BOXES, null, false));
      }
      for (View view : List.of(View.OPS, View.STATEMENTS, View.NETWORK)) {
        for (Direction direction : Direction.values()) {
          settings.add(new Setting(engine, view, DrawingStyle.BOXES, direction, false));
          if (engine.equals("elk")) {
            settings.add(new Setting(engine, view, DrawingStyle.BOXES, direction, true));
          }
        }
      }
      for (DrawingStyle style : List.of(DrawingStyle.CIRCUIT, DrawingStyle.MICROGRAD)) {
        settings.add(new Setting(engine, View.OPS, style, Direction.LR, false));
        if (engine.equals("elk")) {
          settings.add(new Setting(engine, View.OPS, style, Direction.LR, true));
        }
      }
    }
    return settings;
  }

  @TestFactory
  Stream<DynamicContainer> everyDrawingKeepsTheGeometricContract() {
    if (!LayoutEngines.named("dot").available()) {
      System.err.println("GeometryContractTest: no Graphviz 'dot' on the PATH: every --engine dot drawing is"
          + " SKIPPED, not checked");
    }
    // A program's share of the matrix depends on its name alone, not on which other programs there are.
    // ReadabilityTest draws every sample and teaching program the default way, and every drawing a test makes is
    // held to the contract (gradframes.drawing-check in the POM): here only the random ones are (unless all).
    return programs().stream().map(p -> DynamicContainer.dynamicContainer(p.name(),
        sampled(settings(opNodes(p.text())), Math.floorMod(p.name().hashCode(), 1 << 16)).stream()
            .filter(s -> ALL || s.view() != null || !s.engine().equals("elk") || !p.name().endsWith(".grad"))
            .map(s -> DynamicTest.dynamicTest(s.toString(), () -> check(p, s)))));
  }

  /**
   * The settings a program is drawn in: the defaults with ELK, and {@link #SAMPLE} of the others from the
   * {@code index}th on, so that the programs share the matrix out between them and the test's time grows slowly with
   * the number of programs (all of it with {@code -Dgeometry.all=true}).
   */
  static List<Setting> sampled(List<Setting> settings, int index) {
    if (ALL || settings.size() == 1) {
      return settings;
    }
    List<Setting> taken = new ArrayList<>(settings.subList(0, 1));
    int others = settings.size() - 1;
    for (int k = 0; k < SAMPLE; k++) {
      taken.add(settings.get(1 + (index * SAMPLE + k) % others));
    }
    return taken;
  }

  private static void check(Program program, Setting setting) {
    assumeTrue(LayoutEngines.named(setting.engine()).available(), "dot is not installed: not checked");
    Drawing drawing = GeometryContract.suspended(() -> draw(program, setting));
    List<Violation> violations = CENSUS ? GeometryContract.measure(drawing) : GeometryContract.check(drawing);
    DRAWINGS.incrementAndGet();
    if (CENSUS) {
      if (!violations.isEmpty()) {
        BROKEN.incrementAndGet();
        System.out.println(program.name() + " " + setting + ":\n  " + String.join("\n  ",
            violations.stream().map(Violation::toString).toList()));
      }
      for (Violation v : violations) {
        COUNTS.computeIfAbsent(v.kind(), k -> new AtomicInteger()).incrementAndGet();
      }
      return;
    }
    assertTrue(violations.isEmpty(), program.name() + " " + setting + ":\n  "
        + String.join("\n  ", violations.stream().map(Violation::toString).toList()));
  }

  private static Drawing draw(Program program, Setting s) {
    RenderOptions.Builder options = RenderOptions.builder().engine(s.engine()).style(s.style());
    if (s.view() == null) {
      return new Gradframes(options.build()).render(program.name(), program.text()).drawing();
    }
    Gradframes gradframes = new Gradframes(options.view(s.view()).build());
    CompiledProgram compiled;
    try {
      compiled = gradframes.compile(program.name(), program.text());
    } catch (InvalidOptionException e) {
      abort("not drawn in this view: " + e.getMessage());
      throw e;
    }
    return gradframes.render(compiled, s.direction(), s.wrap()).drawing();
  }

  @AfterAll
  static void census() {
    if (CENSUS) {
      System.out.println("geometry census: " + DRAWINGS + " drawings, " + BROKEN + " with violations: " + COUNTS);
    }
  }
}
