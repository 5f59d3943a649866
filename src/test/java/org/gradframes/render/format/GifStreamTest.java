package org.gradframes.render.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.gradframes.pipeline.Gradframes;
import org.gradframes.pipeline.RenderOptions;
import org.gradframes.pipeline.Rendering;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The GIF is streamed to its file as its frames are made, with no cache file in the shared temporary folder that a
 * killed render would leave behind (ImageIO's default for a stream is a cache file the size of the whole GIF).
 */
@org.junit.jupiter.api.parallel.Isolated("sets ImageIO's process-wide cache folder")
class GifStreamTest {
  @TempDir Path cache;

  @Test
  void theGifLeavesNoCacheFileAndReachesItsFileFrameByFrame() throws IOException {
    File before = ImageIO.getCacheDirectory();
    boolean used = ImageIO.getUseCache();
    ImageIO.setCacheDirectory(cache.toFile());
    ImageIO.setUseCache(true);
    java.util.Set<String> seen = new java.util.TreeSet<>();
    List<Integer> flushedSizes = new ArrayList<>();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      Rendering r = new Gradframes(RenderOptions.builder().formats("gif").build())
          .render("advanced.grad", Files.readString(Path.of("samples/advanced.grad")));
      r.write(name -> new OutputStream() {
        @Override
        public void write(int b) {
          bytes.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
          bytes.write(b, off, len);
          flushedSizes.add(bytes.size());
          try (var files = Files.list(cache)) {
            files.forEach(f -> seen.add(f.getFileName().toString()));
          }
        }
      }, "advanced", "");
      assertEquals(java.util.Set.of(), seen, "no file in the temporary folder while the GIF is written");
      assertTrue(flushedSizes.stream().distinct().count() >= r.frameCount(),
          "the GIF reaches its file in at least one write per frame: " + flushedSizes.size() + " writes");
      try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
        ImageReader reader = ImageIO.getImageReaders(in).next();
        reader.setInput(in);
        assertEquals(r.frameCount(), reader.getNumImages(true), "every frame is in the GIF");
      }
    } finally {
      ImageIO.setCacheDirectory(before);
      ImageIO.setUseCache(used);
    }
  }

  @Test
  void aGifMadeFromThePngFramesIsTheGifPaintedAnew() throws IOException {
    String text = Files.readString(Path.of("samples/advanced.grad"));
    Path alone = cache.resolve("alone");
    Path both = cache.resolve("both");
    new Gradframes(RenderOptions.builder().formats("gif").build()).render("advanced.grad", text).writeTo(alone);
    new Gradframes(RenderOptions.builder().formats("png", "gif").build()).render("advanced.grad", text)
        .writeTo(both);
    org.junit.jupiter.api.Assertions.assertArrayEquals(Files.readAllBytes(alone.resolve("alone.gif")),
        Files.readAllBytes(both.resolve("both.gif")), "the same GIF, whether its frames are painted or decoded");
  }

  @Test
  void theGifDecodesEveryPngFrameTheRenderWrote() throws IOException {
    // The render writes and reads frames from several threads at once.
    java.util.Map<String, ByteArrayOutputStream> files = new java.util.concurrent.ConcurrentSkipListMap<>();
    java.util.Set<String> opened = new java.util.concurrent.ConcurrentSkipListSet<>();
    Rendering r = new Gradframes(RenderOptions.builder().formats("png", "gif").build())
        .render("advanced.grad", Files.readString(Path.of("samples/advanced.grad")));
    r.write(new org.gradframes.render.format.FileSink() {
      @Override
      public OutputStream create(String name) {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        files.put(name, file);
        return file;
      }

      @Override
      public java.io.InputStream open(String name) {
        opened.add(name);
        return new ByteArrayInputStream(files.get(name).toByteArray());
      }
    }, "advanced", "");
    assertEquals(r.frameCount(), opened.size(), "every PNG frame read back: " + opened);
    assertTrue(opened.stream().allMatch(n -> n.matches("frame-\\d{3}\\.png")), opened.toString());
  }
}
