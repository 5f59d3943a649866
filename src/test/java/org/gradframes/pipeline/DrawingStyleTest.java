package org.gradframes.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.gradframes.layout.Direction;
import org.gradframes.render.scene.Drawing;
import org.gradframes.render.scene.DrawingStyle;
import org.gradframes.render.scene.Scene;
import org.gradframes.render.text.RichText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The drawing styles on the notebook's worked example (x1 = −7, x2 = 2, x3 = 2, x4 = −1; y = 40; gradients −8, −8,
 * 60, −120; u2 = −20 + (−40) = −60): the circuit's wires carry their values above and the gradients that flowed
 * back below, micrograd's records say data and grad, and every style has the same frames and captions and writes
 * every format.
 */
class DrawingStyleTest {
  @TempDir Path dir;

  private static Rendering render(DrawingStyle style, String... formats) throws IOException {
    return render("advanced", style, formats);
  }

  private static Rendering render(String sample, DrawingStyle style, String... formats) throws IOException {
    Path program = Path.of("samples/" + sample + ".grad");
    return new Gradframes(RenderOptions.builder().style(style).formats(formats).build())
        .render(program.toString(), Files.readString(program));
  }

  private static Scene last(Rendering r) {
    return r.drawing().scene(r.drawing().lastBackwardFrame());
  }

  private static Scene.Group group(Scene scene, String id) {
    return scene.groups().stream().filter(g -> g.id().equals(id)).findFirst().orElseThrow(() ->
        new AssertionError("no group " + id));
  }

  private static List<Scene.Text> texts(Scene.Group group, String cls) {
    List<Scene.Text> texts = new ArrayList<>();
    for (Scene.Shape s : group.shapes()) {
      if (s instanceof Scene.Text t && (cls == null || t.style().cls().equals(cls))) {
        texts.add(t);
      }
    }
    return texts;
  }

  /** The edge group from {@code from} to {@code to}, by its title. */
  private static Scene.Group edge(Scene scene, String from, String to) {
    return scene.groups().stream().filter(g -> g.id().startsWith("edge-") && g.title() != null
        && g.title().startsWith(from + " → " + to)).findFirst().orElseThrow(() ->
        new AssertionError("no edge " + from + " → " + to));
  }

  @Test
  void aCircuitsWiresCarryTheirValueAboveAndTheGradientBackAlongThemBelow() throws IOException {
    Scene scene = last(render(DrawingStyle.CIRCUIT));
    // wire: its value, and what flowed back along it at the end of the backward pass
    Map<String, String[]> wires = new TreeMap<>(Map.of(
        "x₁ u₁", new String[] {"−7", "−8"}, "x₂ u₁", new String[] {"2", "−8"},
        "x₃ u₂", new String[] {"2", "60"}, "x₄ u₂", new String[] {"−1", "−120"},
        "u₁ u₃", new String[] {"−5", "−8"}, "u₂ u₃", new String[] {"−2", "−20"},
        "u₂ u₄", new String[] {"−2", "−40"}, "u₃ y", new String[] {"10", "4"}, "u₄ y", new String[] {"4", "10"}));
    for (Map.Entry<String, String[]> w : wires.entrySet()) {
      String[] ends = w.getKey().split(" ");
      Scene.Group edge = edge(scene, ends[0], ends[1]);
      List<Scene.Text> value = texts(edge, "value");
      List<Scene.Text> flow = texts(edge, "flow");
      assertEquals(1, value.size(), w.getKey());
      assertEquals(1, flow.size(), w.getKey());
      assertEquals(w.getValue()[0], value.get(0).text(), w.getKey() + " value");
      assertEquals(w.getValue()[1], flow.get(0).text(), w.getKey() + " gradient");
      Scene.Curve line = (Scene.Curve) edge.shapes().get(0);
      double wireY = wireY(line, value.get(0).x());
      assertTrue(value.get(0).y() < wireY, w.getKey() + ": the value's baseline is above the wire");
      assertTrue(flow.get(0).y() - 0.7 * flow.get(0).size() > wireY, w.getKey() + ": the gradient is below it");
      assertFalse(value.get(0).style().fill().equals(flow.get(0).style().fill()), "two colours");
    }
    // The output's gate says its own value and gradient, as no wire leaves it.
    Scene.Group y = group(scene, "node-y");
    assertEquals(List.of("40"), texts(y, "value").stream().map(Scene.Text::text).toList());
    assertEquals(List.of("1"), texts(y, "flow").stream().map(Scene.Text::text).toList());
    // A gate of two lines is a circle with its operation and name; u2, which feeds two wires, sums them.
    Scene.Box u1 = (Scene.Box) group(scene, "node-u1").shapes().get(0);
    assertEquals(u1.width(), u1.height(), 1e-9);
    assertEquals(u1.width() / 2, u1.radius(), 1e-9);
    assertEquals(List.of("+", "u_{1}"), texts(group(scene, "node-u1"), null).stream().map(Scene.Text::text)
        .toList());
    assertEquals(List.of("−60"), texts(group(scene, "node-u2"), "flow").stream().map(Scene.Text::text).toList());
    // A gate that says more is a pill, never a box like an input's.
    Scene.Box u2 = (Scene.Box) group(scene, "node-u2").shapes().get(0);
    assertTrue(u2.height() > u2.width(), "u2 says its sum too");
    assertEquals(u2.width() / 2, u2.radius(), 1e-9);
    Scene.Box x1 = (Scene.Box) group(scene, "node-x1").shapes().get(0);
    assertTrue(x1.radius() < x1.width() / 4, "an input is a box");
  }

  /** The y of the wire's polyline of control points at {@code x}, where it crosses x on a level stretch. */
  private static double wireY(Scene.Curve line, double x) {
    List<org.gradframes.layout.Point> p = line.points();
    for (int i = 0; i + 1 < p.size(); i++) {
      double a = Math.min(p.get(i).x(), p.get(i + 1).x());
      double b = Math.max(p.get(i).x(), p.get(i + 1).x());
      if (x >= a - 0.5 && x <= b + 0.5 && Math.abs(p.get(i).y() - p.get(i + 1).y()) < 1) {
        return p.get(i).y();
      }
    }
    throw new AssertionError("the wire has no level stretch under its label at x = " + x);
  }

  @Test
  void noWireTextLiesOverAGateOrAnotherWiresText() throws IOException {
    for (String sample : List.of("advanced", "one-neuron", "sigmoid", "chain-rule", "sin-square")) {
      Path program = Path.of("samples/" + sample + ".grad");
      Rendering r = new Gradframes(RenderOptions.builder().style(DrawingStyle.CIRCUIT).build())
          .render(program.toString(), Files.readString(program));
      Scene scene = last(r);
      List<double[]> boxes = new ArrayList<>();
      List<double[]> words = new ArrayList<>();
      for (Scene.Group g : scene.groups()) {
        if (g.id().startsWith("node-")) {
          Scene.Box b = (Scene.Box) g.shapes().get(0);
          boxes.add(new double[] {b.x(), b.y(), b.x() + b.width(), b.y() + b.height()});
        } else if (g.id().startsWith("edge-")) {
          for (Scene.Text t : texts(g, null)) {
            double w = RichText.width(t.text(), t.size(), false);
            words.add(new double[] {t.x() - w / 2, t.y() - 0.75 * t.size(), t.x() + w / 2, t.y() + 0.2 * t.size()});
          }
        }
      }
      for (int i = 0; i < words.size(); i++) {
        for (double[] box : boxes) {
          assertFalse(overlap(words.get(i), box), sample + ": a wire's number over a gate");
        }
        for (int j = i + 1; j < words.size(); j++) {
          assertFalse(overlap(words.get(i), words.get(j)), sample + ": two wires' numbers overlap");
        }
      }
    }
  }

  private static boolean overlap(double[] a, double[] b) {
    return a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
  }

  @Test
  void microgradDrawsARecordPerValueAndACircleForEachOperation() throws IOException {
    Rendering r = render(DrawingStyle.MICROGRAD);
    Scene scene = last(r);
    Map<String, String> grads = Map.of("x1", "grad −8", "x2", "grad −8", "x3", "grad 60", "x4", "grad −120",
        "u2", "grad −60", "y", "grad 1");
    for (Map.Entry<String, String> e : grads.entrySet()) {
      List<String> cells = texts(group(scene, "node-" + e.getKey()), null).stream().map(Scene.Text::text).toList();
      assertTrue(cells.contains(e.getValue()), e.getKey() + ": " + cells);
    }
    Scene.Group u2 = group(scene, "node-u2");
    List<String> words = texts(u2, null).stream().map(Scene.Text::text).toList();
    assertEquals(List.of("×", "u_{2}", "data −2", "grad −60"), words);
    Scene.Box circle = (Scene.Box) u2.shapes().get(0);
    Scene.Box record = u2.shapes().stream().filter(s -> s instanceof Scene.Box).map(s -> (Scene.Box) s)
        .reduce((a, b) -> b).orElseThrow();
    assertEquals(circle.width(), circle.height(), 1e-9, "the operation is a circle");
    assertEquals(circle.width() / 2, circle.radius(), 1e-9);
    assertTrue(circle.x() + circle.width() < record.x(), "left of its record");
    assertTrue(u2.shapes().stream().anyMatch(s -> s instanceof Scene.Polygon), "with an arrow into it");
    // Before the backward pass reaches them, gradients are 0, as micrograd's are.
    Scene first = r.drawing().scene(0);
    assertTrue(texts(group(first, "node-x3"), null).stream().anyMatch(t -> t.text().equals("grad 0")));
    // A constant is a record of its number alone.
    assertTrue(scene.groups().stream().anyMatch(g -> g.id().startsWith("node-") && texts(g, null).stream()
        .map(Scene.Text::text).toList().equals(List.of("data 2"))));
    // micrograd's edges say nothing.
    assertTrue(scene.groups().stream().filter(g -> g.id().startsWith("edge-")).allMatch(g -> texts(g, null)
        .isEmpty()));
  }

  @Test
  void everyStyleHasTheSameFramesAndCaptions() throws IOException {
    Drawing boxes = render(DrawingStyle.BOXES).drawing();
    for (DrawingStyle style : List.of(DrawingStyle.CIRCUIT, DrawingStyle.MICROGRAD)) {
      Drawing other = render(style).drawing();
      assertEquals(boxes.frameCount(), other.frameCount());
      for (int i = 0; i < boxes.frameCount(); i++) {
        assertEquals(boxes.captionLines(i), other.captionLines(i), style + " frame " + i);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(DrawingStyle.class)
  void everyStyleWritesEveryFormatTheSameBytesTwice(DrawingStyle style) throws IOException {
    // The same folder twice: the manifest and the LaTeX snippets name the folder they are in.
    Path a = dir.resolve("chain-rule");
    render("chain-rule", style, "all").writeTo(a);
    Map<Path, byte[]> first = new TreeMap<>();
    List<Path> files;
    try (Stream<Path> list = Files.list(a)) {
      files = list.sorted().toList();
    }
    for (Path f : files) {
      first.put(f, Files.readAllBytes(f));
    }
    render("chain-rule", style, "all").writeTo(a);
    assertTrue(files.size() > 15, files.toString());
    for (Path f : files) {
      assertArrayEquals(first.get(f), Files.readAllBytes(f), f.toString());
    }
    assertNotNull(files.stream().filter(f -> f.toString().endsWith(".pdf")).findFirst().orElse(null));
  }

  @Test
  void theNotesStylesAreDrawnLeftToRightAndOnlyInTheOpsView() {
    for (DrawingStyle style : List.of(DrawingStyle.CIRCUIT, DrawingStyle.MICROGRAD)) {
      InvalidOptionException e = assertThrows(InvalidOptionException.class, () -> RenderOptions.builder()
          .style(style).direction(Direction.TB).build());
      assertEquals(Option.STYLE, e.option());
    }
    RenderOptions.builder().style(DrawingStyle.BOXES).direction(Direction.TB).build();
    // Refused when the options are built, before any program.
    InvalidOptionException e = assertThrows(InvalidOptionException.class, () -> RenderOptions.builder()
        .style(DrawingStyle.MICROGRAD).view(View.NETWORK).build());
    assertTrue(e.getMessage().contains("ops view"), e.getMessage());
  }

  @ParameterizedTest
  @EnumSource(value = DrawingStyle.class, names = {"CIRCUIT", "MICROGRAD"})
  void theSmallSamplesReadFromTheBackOfTheRoomInEveryStyle(DrawingStyle style) throws IOException {
    for (String sample : List.of("advanced", "one-neuron", "sigmoid", "chain-rule", "sin-square")) {
      Path program = Path.of("samples/" + sample + ".grad");
      Rendering r = new Gradframes(RenderOptions.builder().style(style).build())
          .render(program.toString(), Files.readString(program));
      assertTrue(r.readable(), sample + " in " + style.key() + ": " + r.smallestTextPx() + " px");
      assertEquals(View.OPS, r.view());
    }
  }
}
