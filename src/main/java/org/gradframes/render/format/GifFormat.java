package org.gradframes.render.format;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import java.util.stream.IntStream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * One looping animated GIF of every frame, written with the JDK's own ImageIO GIF writer; the animation's metadata
 * (frame delays, the loop) and one palette for all frames ({@link Palette}) are set here. Frames are painted and
 * put into the palette's colours a few at a time on the deck's painters, and handed to the writer in order.
 */
public final class GifFormat implements Format {
  private static final String FORMAT = "javax_imageio_gif_image_1.0";

  @Override
  public String name() {
    return "gif";
  }

  /** {@inheritDoc} Measured on long chains: a frame in the shared palette compresses to about 0.12 bytes a pixel. */
  @Override
  public long estimatedBytes(Deck deck) {
    return deck.pixels() * deck.frames() * 12 / 100;
  }

  @Override
  public String summary() {
    return "one looping animated GIF, NAME.gif";
  }

  @Override
  public Phase phase() {
    return Phase.DECK;
  }

  @Override
  public void write(Deck deck, FileSink sink) throws IOException {
    int count = deck.drawing().frameCount();
    int batch = Math.max(2, Runtime.getRuntime().availableProcessors());
    double scale = deck.info().pngScale();
    BufferedImage[] painted = new BufferedImage[count];
    int[] sampled = IntStream.of(0, count / 4, count / 2, 3 * count / 4, count - 1).distinct().toArray();
    BufferedImage[] samples = new BufferedImage[sampled.length];
    deck.inParallel(sampled.length, j -> samples[j] = PngFormat.image(deck.drawing().scene(sampled[j]), scale));
    Palette palette = new Palette(List.of(samples));
    try (OutputStream out = sink.create(deck.info().program() + ".gif")) {
      write(out, count, i -> {
        if (painted[i] == null) {
          int end = Math.min(count, i + batch);
          deck.inParallel(end - i, j -> painted[i + j] = palette.indexed(image(deck, sink, i + j, scale)));
        }
        BufferedImage image = painted[i];
        painted[i] = null;
        return image;
      }, deck.info().delayMillis(), palette);
    }
  }

  /**
   * Frame {@code j} as an image: the PNG frame this render wrote, decoded, which is quicker than painting it again;
   * or else painted.
   */
  private static BufferedImage image(Deck deck, FileSink sink, int j, double scale) {
    if (deck.writes("png")) {
      try (java.io.InputStream png = sink.open(deck.frameName(j) + ".png")) {
        BufferedImage image = png == null ? null : ImageIO.read(new MemoryCacheImageInputStream(png));
        if (image != null) {
          return image;
        }
      } catch (IOException e) {
        // painted below
      }
    }
    return PngFormat.image(deck.drawing().scene(j), scale);
  }

  /** Writes the GIF of {@code frames} to {@code bytes}, each shown {@code delayMillis}, the first and last three times as long. */
  /** Frame {@code i} of a GIF, made when the writer asks for it. */
  @FunctionalInterface
  private interface Frames {
    BufferedImage apply(int i) throws IOException;
  }

  private static void write(OutputStream bytes, int count, Frames frames, int delayMillis,
      Palette palette) throws IOException {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
    // ImageIO's own choice of stream caches the whole GIF in a file of the shared temporary folder, which a killed
    // render leaves behind; the writer never seeks back, so a memory cache flushed after every frame holds one frame.
    try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
      writer.setOutput(out);
      writer.prepareWriteSequence(null);
      for (int i = 0; i < count; i++) {
        boolean held = i == 0 || i == count - 1;
        int delay = held ? 3 * delayMillis : delayMillis;
        BufferedImage frame = frames.apply(i);
        ImageWriteParam param = writer.getDefaultWriteParam();
        IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(frame), param);
        annotate(metadata, delay, i == 0, palette);
        writer.writeToSequence(new IIOImage(frame, null, metadata), param);
        out.flush();
      }
      writer.endWriteSequence();
    } finally {
      writer.dispose();
    }
  }

  private static void annotate(IIOMetadata metadata, int delayMillis, boolean first, Palette palette)
      throws IIOInvalidTreeException {
    IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(FORMAT);
    IIOMetadataNode control = child(root, "GraphicControlExtension");
    control.setAttribute("disposalMethod", "none");
    control.setAttribute("userInputFlag", "FALSE");
    control.setAttribute("transparentColorFlag", "FALSE");
    control.setAttribute("delayTime", Integer.toString(Math.max(2, delayMillis / 10)));
    control.setAttribute("transparentColorIndex", "0");
    if (first) {
      IIOMetadataNode extension = new IIOMetadataNode("ApplicationExtension");
      extension.setAttribute("applicationID", "NETSCAPE");
      extension.setAttribute("authenticationCode", "2.0");
      extension.setUserObject(new byte[] {1, 0, 0});
      child(root, "ApplicationExtensions").appendChild(extension);
    }
    root.appendChild(palette.table());
    metadata.setFromTree(FORMAT, root);
  }

  private static IIOMetadataNode child(IIOMetadataNode root, String name) {
    for (int i = 0; i < root.getLength(); i++) {
      if (root.item(i).getNodeName().equals(name)) {
        return (IIOMetadataNode) root.item(i);
      }
    }
    IIOMetadataNode node = new IIOMetadataNode(name);
    root.appendChild(node);
    return node;
  }
}
