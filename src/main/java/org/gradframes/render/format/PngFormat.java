package org.gradframes.render.format;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.gradframes.layout.Point;
import org.gradframes.render.scene.Scene;
import org.gradframes.render.text.Fonts;
import org.gradframes.render.text.RichText;

/** PNG frames: each scene painted with Java2D, the same picture as the SVG, at the deck's scale. */
public final class PngFormat implements Format {
  @Override
  public String name() {
    return "png";
  }

  /** {@inheritDoc} Measured on long chains: a frame of a graph compresses to about 0.13 bytes a pixel. */
  @Override
  public long estimatedBytes(Deck deck) {
    return deck.pixels() * deck.frames() * 13 / 100;
  }

  @Override
  public String summary() {
    return "one PNG image per frame, all of one pixel size";
  }

  @Override
  public Phase phase() {
    return Phase.FRAME;
  }

  @Override
  public byte[] frame(Deck deck, int frame) {
    return write(deck.drawing().scene(frame), deck.info().pngScale());
  }

  /** The pixel width and height of a scene at {@code scale}. */
  static int[] pixels(Scene scene, double scale) {
    return new int[] {(int) Math.max(1, Math.round(scene.width() * scale)),
        (int) Math.max(1, Math.round(scene.height() * scale))};
  }

  static byte[] write(Scene scene, double scale) {
    return encode(image(scene, scale));
  }

  /** Paints {@code scene} into an image at {@code scale} pixels per point. */
  static BufferedImage image(Scene scene, double scale) {
    int[] size = pixels(scene, scale);
    BufferedImage image = new BufferedImage(size[0], size[1], BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
      g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
      g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
      g.setColor(color(scene.background().fill()));
      g.fillRect(0, 0, size[0], size[1]);
      g.scale(scale, scale);
      g.translate(scene.dx(), scene.dy());
      g.scale(scene.scale(), scene.scale());
      for (Scene.Group group : scene.groups()) {
        for (Scene.Shape shape : group.shapes()) {
          paint(g, shape);
        }
      }
    } finally {
      g.dispose();
    }
    return image;
  }

  private static void paint(Graphics2D g, Scene.Shape shape) {
    if (shape instanceof Scene.Box b) {
      RoundRectangle2D rect = new RoundRectangle2D.Double(b.x(), b.y(), b.width(), b.height(), 2 * b.radius(),
          2 * b.radius());
      g.setColor(color(b.style().fill()));
      g.fill(rect);
      g.setColor(color(b.style().stroke()));
      g.setStroke(stroke(b.style()));
      g.draw(rect);
    } else if (shape instanceof Scene.Curve c) {
      g.setColor(color(c.style().stroke()));
      g.setStroke(stroke(c.style()));
      g.draw(curve(c.points()));
    } else if (shape instanceof Scene.Polygon p) {
      g.setColor(color(p.style().fill()));
      g.fill(polygon(p.points()));
    } else if (shape instanceof Scene.Text t) {
      text(g, t);
    }
  }

  private static void text(Graphics2D g, Scene.Text t) {
    g.setColor(color(t.style().fill()));
    double x = t.anchor() == Scene.Anchor.MIDDLE ? t.x() - RichText.width(t.text(), t.size(), t.bold()) / 2 : t.x();
    for (RichText.Run run : RichText.runs(t.text())) {
      double size = run.script() == RichText.Script.NORMAL ? t.size() : t.size() * RichText.SCRIPT_SCALE;
      g.setFont(Fonts.font(size, t.bold()));
      g.drawString(run.text(), (float) x, (float) (t.y() + RichText.shift(run.script(), t.size())));
      x += Fonts.width(run.text(), size, t.bold());
    }
  }

  private static BasicStroke stroke(Scene.Style style) {
    float width = (float) style.strokeWidth();
    if (style.dash().isEmpty()) {
      return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND);
    }
    float[] dash = new float[style.dash().size()];
    for (int i = 0; i < dash.length; i++) {
      dash[i] = style.dash().get(i).floatValue();
    }
    return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, dash, 0f);
  }

  private static Path2D curve(List<Point> points) {
    Path2D.Double path = new Path2D.Double();
    path.moveTo(points.get(0).x(), points.get(0).y());
    for (int i = 1; i < points.size(); i += 3) {
      Point a = points.get(i);
      Point b = points.get(i + 1);
      Point c = points.get(i + 2);
      path.curveTo(a.x(), a.y(), b.x(), b.y(), c.x(), c.y());
    }
    return path;
  }

  private static Path2D polygon(List<Point> points) {
    Path2D.Double path = new Path2D.Double();
    path.moveTo(points.get(0).x(), points.get(0).y());
    for (int i = 1; i < points.size(); i++) {
      path.lineTo(points.get(i).x(), points.get(i).y());
    }
    path.closePath();
    return path;
  }

  private static Color color(String hex) {
    return new Color(Integer.parseInt(hex.substring(1), 16));
  }

  /**
   * The PNG file of {@code image}, encoded in memory: ImageIO's own choice of stream would cache each frame in a
   * file of the shared temporary folder first, which costs time and fails when that folder is full.
   */
  private static byte[] encode(BufferedImage image) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
      if (!ImageIO.write(image, "png", stream)) {
        throw new IOException("no PNG writer");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
