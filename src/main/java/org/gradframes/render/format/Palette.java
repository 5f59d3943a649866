package org.gradframes.render.format;

import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.imageio.metadata.IIOMetadataNode;

/**
 * One palette of 256 colours for every frame of a GIF: the most frequent colours of a few sample frames (the
 * frames' flat fills, text and lines, and the shades their edges blend into), every other colour drawn as the
 * nearest of them. Frames are converted to it in parallel, so the GIF writer has no palette of its own to build.
 */
final class Palette {
  private static final int SIZE = 256;

  private final int[] colors = new int[SIZE];
  private final IndexColorModel model;
  private final Map<Integer, Integer> index = new ConcurrentHashMap<>();

  /** The palette of the colours of {@code samples}, most frequent first (equal counts by colour). */
  Palette(List<BufferedImage> samples) {
    Map<Integer, Integer> counts = new HashMap<>();
    for (BufferedImage image : samples) {
      for (int p : image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth())) {
        counts.merge(p & 0xffffff, 1, Integer::sum);
      }
    }
    List<Map.Entry<Integer, Integer>> sorted = new ArrayList<>(counts.entrySet());
    sorted.sort((a, b) -> !a.getValue().equals(b.getValue()) ? b.getValue() - a.getValue()
        : Integer.compare(a.getKey(), b.getKey()));
    int used = Math.min(SIZE, sorted.size());
    for (int i = 0; i < used; i++) {
      colors[i] = sorted.get(i).getKey();
    }
    for (int i = used; i < SIZE; i++) {
      colors[i] = colors[0];
    }
    for (int i = used - 1; i >= 0; i--) {
      index.put(colors[i], i);
    }
    model = new IndexColorModel(8, SIZE, colors, 0, false, -1, DataBuffer.TYPE_BYTE);
  }

  /** {@code rgb} in this palette's colours. */
  BufferedImage indexed(BufferedImage rgb) {
    int w = rgb.getWidth();
    int h = rgb.getHeight();
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_INDEXED, model);
    WritableRaster raster = out.getRaster();
    int[] row = new int[w];
    int[] pixels = new int[w];
    // A frame is mostly runs of one colour: a pixel the colour of the one before takes its index without a look-up.
    int last = -1;
    int lastIndex = 0;
    for (int y = 0; y < h; y++) {
      rgb.getRGB(0, y, w, 1, pixels, 0, w);
      for (int x = 0; x < w; x++) {
        int color = pixels[x] & 0xffffff;
        if (color != last) {
          last = color;
          lastIndex = index.computeIfAbsent(color, this::nearest);
        }
        row[x] = lastIndex;
      }
      raster.setPixels(0, y, w, 1, row);
    }
    return out;
  }

  /** The palette as the GIF image metadata's {@code LocalColorTable}, which the writer needs to be told. */
  IIOMetadataNode table() {
    IIOMetadataNode table = new IIOMetadataNode("LocalColorTable");
    table.setAttribute("sizeOfLocalColorTable", Integer.toString(SIZE));
    table.setAttribute("sortFlag", "FALSE");
    for (int i = 0; i < SIZE; i++) {
      IIOMetadataNode entry = new IIOMetadataNode("ColorTableEntry");
      entry.setAttribute("index", Integer.toString(i));
      entry.setAttribute("red", Integer.toString((colors[i] >> 16) & 0xff));
      entry.setAttribute("green", Integer.toString((colors[i] >> 8) & 0xff));
      entry.setAttribute("blue", Integer.toString(colors[i] & 0xff));
      table.appendChild(entry);
    }
    return table;
  }

  private int nearest(int color) {
    int best = 0;
    long bestDistance = Long.MAX_VALUE;
    for (int i = 0; i < SIZE; i++) {
      int dr = ((color >> 16) & 0xff) - ((colors[i] >> 16) & 0xff);
      int dg = ((color >> 8) & 0xff) - ((colors[i] >> 8) & 0xff);
      int db = (color & 0xff) - (colors[i] & 0xff);
      long d = 3L * dr * dr + 4L * dg * dg + 2L * db * db;
      if (d < bestDistance) {
        bestDistance = d;
        best = i;
      }
    }
    return best;
  }
}
