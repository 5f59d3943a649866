package org.gradframes.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which programs are networks, and what the network view draws of their parameters. */
class NetworkViewTest {
  private static Rendering network(String file, RenderOptions.Builder options) throws IOException {
    return new Gradframes(options.view(View.NETWORK).build()).render(file, Files.readString(Path.of(file)));
  }

  @Test
  void programsWithoutTwoNeuronsAreNotNetworks() {
    for (String file : List.of("samples/chain-rule.grad", "samples/advanced.grad", "bench/teaching/ridge.grad",
        "bench/teaching/rnn-two-steps.grad", "bench/teaching/micrograd-neuron.grad")) {
      InvalidOptionException e = assertThrows(InvalidOptionException.class,
          () -> network(file, RenderOptions.builder()));
      assertEquals(Option.VIEW, e.option(), file);
      assertTrue(e.getMessage().startsWith("view network: the program is not a network"), file);
    }
  }

  @Test
  void theMlpDrawsWeightsOnEdgesWithTheirGradientsAndBiasesInItsNeurons() throws IOException {
    Rendering r = network("bench/teaching/mlp-221.grad", RenderOptions.builder());
    int last = r.frameCount() - 1;
    List<String> texts = r.drawing().scene(last).groups().stream().flatMap(g -> g.shapes().stream())
        .filter(s -> s instanceof org.gradframes.render.scene.Scene.Text).map(s ->
            org.gradframes.render.text.RichText.plain(((org.gradframes.render.scene.Scene.Text) s).text())).toList();
    assertTrue(texts.contains("w₁₁ = 0.1, ∂ −0.4136"), texts.toString());
    assertTrue(texts.contains("bias 0, ∂ −0.82719"), texts.toString());
    assertTrue(texts.contains("h₁ = tanh(Σ)"), texts.toString());
    assertTrue(texts.contains("yhat = Σ"), texts.toString());
  }

  @Test
  void inputsNamedAsDataAreNeverWeights() throws IOException {
    Rendering all = network("bench/teaching/mlp-221.grad", RenderOptions.builder());
    Rendering data = network("bench/teaching/mlp-221.grad", RenderOptions.builder().data(List.of("y", "c")));
    assertTrue(!drawn(all, "c"), "c is yhat's bias");
    assertTrue(drawn(data, "c"), "c is data now: a node of its own");
    assertTrue(drawn(data, "v1"), "and yhat, with a data term, is no neuron: v1 is a node again");
    assertTrue(!drawn(data, "w11"), "h1 is still a neuron");
  }

  @Test
  void inputsParamsDoesNotNameAreDataAndNeverWeights() throws IOException {
    Rendering r = network("bench/teaching/mlp-221.grad", RenderOptions.builder().parameters(List.of("w11", "w12", "w21",
        "w22", "b1", "b2", "v1", "v2")));
    assertTrue(drawn(r, "c"), "c is data: a node of its own, not yhat's bias");
    assertTrue(!drawn(r, "w11"), "h1 is still a neuron");
    for (String name : List.of("x1", "x2", "c", "y")) {
      assertTrue(!node(r, name).hasGradient(), name + " is data");
    }
    assertTrue(node(r, "w11").hasGradient());
  }

  private static org.gradframes.graph.Node node(Rendering r, String name) {
    return r.program().graph().nodes().stream().filter(n -> name.equals(n.name())).findFirst().orElseThrow();
  }

  private static boolean drawn(Rendering r, String name) {
    var node = r.program().graph().nodes().stream().filter(n -> name.equals(n.name())).findFirst().orElseThrow();
    return r.drawing().layout().nodes().get(node.index()).width() > 0;
  }

  /** A tag such as {@code [relu #1]} or {@code [log]}: brackets not after a name (not {@code W[1,2]}), no spaces. */
  private static final java.util.regex.Pattern TAG =
      java.util.regex.Pattern.compile("(?<![\\p{L}\\p{N}_\\]\\)])\\[[^\\[\\]\\s]+( #\\d+)?\\]");

  /**
   * Every unnamed neuron a caption calls by its tag shows that tag in its box, in every network program (in
   * goodfellow-xor the captions spoke of [relu #1] while the box showed only its formula).
   */
  @Test
  void everyTagACaptionUsesIsShownInABox() throws IOException {
    int tags = 0;
    for (Path file : ReadabilityTest.programs().toList()) {
      Rendering r;
      try {
        r = network(file.toString(), RenderOptions.builder());
      } catch (InvalidOptionException e) {
        continue;
      }
      for (int f = 0; f < r.frameCount(); f++) {
        String boxes = String.join("\n", r.drawing().scene(f).groups().stream()
            .filter(g -> g.id() != null && g.id().startsWith("node-")).flatMap(g -> g.shapes().stream())
            .filter(sh -> sh instanceof org.gradframes.render.scene.Scene.Text)
            .map(sh -> org.gradframes.render.text.RichText.plain(
                ((org.gradframes.render.scene.Scene.Text) sh).text())).toList());
        java.util.regex.Matcher m = TAG.matcher(org.gradframes.render.text.RichText.plain(r.caption(f)));
        while (m.find()) {
          tags++;
          assertTrue(boxes.contains(m.group()), file + " frame " + f + ": the caption says " + m.group()
              + ", which no box shows:\n" + boxes);
        }
      }
    }
    assertTrue(tags > 0, "some network program's captions use a tag");
  }
}
