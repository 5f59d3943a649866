package org.gradframes.clients;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import javax.imageio.ImageIO;

/** What a picture that a client made shows, as far as a test can tell without looking. */
final class Pixels {
  private Pixels() {}

  static BufferedImage decode(byte[] bytes, String what) throws IOException {
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
    assertNotNull(image, what + " does not decode as an image");
    return image;
  }

  static BufferedImage read(Path file) throws IOException {
    return decode(Files.readAllBytes(file), file.toString());
  }

  /** The fraction of pixels whose colour is not the most common one: 0 for a blank picture. */
  static double ink(BufferedImage image) {
    int[] argb = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    Map<Integer, Integer> counts = new HashMap<>();
    int background = 0;
    for (int pixel : argb) {
      int count = counts.merge(pixel, 1, Integer::sum);
      background = Math.max(background, count);
    }
    return 1.0 - (double) background / argb.length;
  }
}
