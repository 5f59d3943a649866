package org.gradframes.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The animated GIF of the advanced example, as the JDK's GIF reader sees it: one image per frame, looping. */
class GifTest {
  private static final String FORMAT = "javax_imageio_gif_image_1.0";

  @TempDir static Path dir;
  static int frames;
  static ImageInputStream input;
  static ImageReader reader;

  @BeforeAll
  static void renderAndOpen() throws IOException {
    Path folder = Render.sample("advanced", dir.resolve("out"), "gif,svg");
    frames = Render.files(folder, ".svg").size();
    assertEquals(7, frames, "forward, seed and five backward steps");
    reader = ImageIO.getImageReadersByFormatName("gif").next();
    input = ImageIO.createImageInputStream(folder.resolve("advanced.gif").toFile());
    assertNotNull(input, "advanced.gif");
    reader.setInput(input);
  }

  @AfterAll
  static void close() throws IOException {
    if (reader != null) {
      reader.dispose();
    }
    if (input != null) {
      input.close();
    }
  }

  private static List<IIOMetadataNode> extensions(int image, String name) throws IOException {
    IIOMetadataNode root = (IIOMetadataNode) reader.getImageMetadata(image).getAsTree(FORMAT);
    List<IIOMetadataNode> found = new ArrayList<>();
    for (int i = 0; i < root.getElementsByTagName(name).getLength(); i++) {
      found.add((IIOMetadataNode) root.getElementsByTagName(name).item(i));
    }
    return found;
  }

  @Test
  void hasOneImagePerFrame() throws IOException {
    assertEquals(frames, reader.getNumImages(true));
  }

  @Test
  void loopsForeverWithTheNetscapeExtension() throws IOException {
    // The JDK reader puts application extensions in the metadata of the image they precede: the first.
    IIOMetadataNode netscape = extensions(0, "ApplicationExtension").stream()
        .filter(e -> e.getAttribute("applicationID").equals("NETSCAPE") && e.getAttribute("authenticationCode").equals("2.0"))
        .findFirst().orElseThrow(() -> new AssertionError("no NETSCAPE2.0 extension: the GIF plays once"));
    byte[] data = (byte[]) netscape.getUserObject();
    assertEquals(3, data.length, "sub-block: 1, then the loop count");
    assertEquals(1, data[0]);
    assertEquals(0, (data[1] & 0xff) | (data[2] & 0xff) << 8, "loop count 0 repeats forever");
  }

  @Test
  void everyImageStaysOnScreenForAWhile() throws IOException {
    for (int i = 0; i < reader.getNumImages(true); i++) {
      List<IIOMetadataNode> control = extensions(i, "GraphicControlExtension");
      assertEquals(1, control.size(), "image " + i + " has a graphic control extension");
      int hundredths = Integer.parseInt(control.get(0).getAttribute("delayTime"));
      assertTrue(hundredths >= 10, "image " + i + " shows for " + hundredths + "/100 s");
    }
  }

  @Test
  void firstImageShowsAPicture() throws IOException {
    assertTrue(Pixels.ink(reader.read(0)) > 0.01, "the first image is blank");
  }
}
