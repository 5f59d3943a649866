package org.gradframes.render.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.gradframes.pipeline.Gradframes;
import org.gradframes.pipeline.RenderOptions;
import org.gradframes.pipeline.Rendering;
import org.gradframes.pipeline.View;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every registered format promises, whichever it is: asked for alone (by {@code -f}, or by the caption mode
 * that asks for it), it writes files of its own name (a file per frame, or one file), none empty, the same bytes on
 * every render; a format whose files grow with the frames is estimated within a factor of 2; a new format in
 * {@link Formats} is held to this without a line here.
 */
class FormatContractTest {
  static Stream<Format> formats() {
    return Formats.all().stream();
  }

  private static Map<String, byte[]> write(Format format) throws IOException {
    // A format -f names is asked for alone; one a caption mode asks for, by that mode and no -f format.
    RenderOptions.Builder options = format.askedForBy() == null ? RenderOptions.builder().formats(format.name())
        : RenderOptions.builder().formats(List.of()).caption(format.askedForBy());
    Rendering r = new Gradframes(options.build())
        .render("advanced.grad", Files.readString(Path.of("samples/advanced.grad")));
    // Frames are written from several threads at once.
    Map<String, ByteArrayOutputStream> streams = new java.util.concurrent.ConcurrentSkipListMap<>();
    r.write(name -> {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      assertNull(streams.putIfAbsent(name, out), format.name() + " writes " + name + " twice");
      return out;
    }, "advanced", "");
    Map<String, byte[]> files = new TreeMap<>();
    streams.forEach((name, out) -> files.put(name, out.toByteArray()));
    return files;
  }

  @ParameterizedTest
  @MethodSource("formats")
  void everyFormatWritesItsOwnFilesTheSameEveryTime(Format format) throws IOException {
    Map<String, byte[]> first = write(format);
    Map<String, byte[]> second = write(format);
    assertEquals(first.keySet(), second.keySet());
    for (String name : first.keySet()) {
      assertArrayEquals(first.get(name), second.get(name), format.name() + ": " + name + " is the same every time");
      assertTrue(first.get(name).length > 0, name + " is not empty");
    }
    long ofItsOwn = first.keySet().stream().filter(n -> n.endsWith("." + format.name()) || n.equals("trace.json")
        || n.startsWith("advanced") || n.startsWith(format.name() + ".")).count();
    assertTrue(ofItsOwn >= 1, format.name() + " wrote " + first.keySet());
    if (format.askedForBy() != null) {
      assertEquals(first.keySet().size(), ofItsOwn, format.name() + " alone wrote " + first.keySet());
    }
    if (format.phase() == Format.Phase.FRAME) {
      long frames = first.keySet().stream().filter(n -> n.matches("frame-\\d{3}\\." + format.name())).count();
      assertEquals(7, frames, "a file per frame of the advanced example");
    }
  }

  /** Formats whose files grow with the frames, which a deck's size limit estimates. */
  static Stream<Format> estimated() {
    return Formats.all().stream().filter(f -> List.of("svg", "png", "gif", "pdf", "pptx").contains(f.name()));
  }

  /** A chain of 24 sines: 26 frames of 49 nodes and edges, long enough for the frames to outweigh what a deck has once. */
  private static String chain() {
    StringBuilder text = new StringBuilder("v0 = 0.5\n");
    for (int i = 1; i <= 24; i++) {
      text.append("v").append(i).append(" = sin(v").append(i - 1).append(")\n");
    }
    return text.toString();
  }

  /** The chain's estimate and its written bytes, by format, from one render of all the growing formats. */
  private static final Map<String, long[]> SIZES = new TreeMap<>();

  @org.junit.jupiter.api.BeforeAll
  static void writeTheChain() throws IOException {
    List<String> names = estimated().map(Format::name).toList();
    // Half the PNG scale: a quarter of the pixels to paint, the same bytes per pixel.
    Rendering r = new Gradframes(RenderOptions.builder().formats(names.toArray(String[]::new)).view(View.OPS)
        .scale(0.5).build()).render("chain.grad", chain());
    for (String name : names) {
      SIZES.put(name, new long[] {r.estimatedBytes(name), 0});
    }
    r.write(name -> new java.io.FilterOutputStream(java.io.OutputStream.nullOutputStream()) {
      private final long[] size = SIZES.get(name.substring(name.lastIndexOf('.') + 1));

      @Override
      public void write(int b) {
        size[1]++;
      }

      @Override
      public void write(byte[] b, int off, int len) {
        size[1] += len;
      }
    }, "chain", "");
  }

  @ParameterizedTest
  @MethodSource("estimated")
  void theSizeEstimateOfAGrowingDeckIsWithinAFactorOfTwoOfItsFiles(Format format) {
    long estimate = SIZES.get(format.name())[0];
    long written = SIZES.get(format.name())[1];
    assertTrue(estimate > 0, format.name() + " has an estimate");
    assertTrue(written <= 2 * estimate && written >= estimate / 2,
        format.name() + ": estimated " + estimate + " bytes, wrote " + written);
  }
}
