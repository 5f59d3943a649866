import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.gradframes.layout.EdgePath;
import org.gradframes.layout.Layout;
import org.gradframes.layout.NodeBox;
import org.gradframes.layout.Point;
import org.gradframes.pipeline.Gradframes;
import org.gradframes.pipeline.RenderOptions;
import org.gradframes.pipeline.Rendering;
import org.gradframes.pipeline.View;
import org.gradframes.layout.Direction;
import org.gradframes.render.scene.Scene;

/**
 * Compares the layout engines on the programs given: edge crossings, turning of the edges (in quarter turns),
 * label overlaps, the drawing's area at the theme's text size, and the smallest text in pixels when a frame is
 * fitted to 1920x1080, every operation a node, left to right. Run from the project folder:
 *   java -cp target/gradframes.jar bench/LayoutComparison.java OUT.md SIDE.png samples/*.grad bench/teaching/*.grad
 */
public class LayoutComparison {
  record Metrics(int crossings, double turning, int overlaps, double width, double height, double smallestPx,
      double millis) {}

  public static void main(String[] args) throws Exception {
    List<String> engines = List.of("elk", "dot");
    StringBuilder table = new StringBuilder("| program | nodes | engine | crossings | turning (quarter turns) | "
        + "label overlaps | drawing (pt) | smallest text at 1920×1080 | layout |\n| --- | --- | --- | --- | --- | "
        + "--- | --- | --- | --- |\n");
    double[][] totals = new double[engines.size()][5];
    for (int a = 2; a < args.length; a++) {
      Path file = Path.of(args[a]);
      String name = file.getFileName().toString().replace(".grad", "");
      for (int e = 0; e < engines.size(); e++) {
        Metrics m = measure(file, engines.get(e));
        table.append(String.format(Locale.ROOT, "| %s | %d | %s | %d | %.1f | %d | %.0f × %.0f | %.1f px | %.0f ms |%n",
            name, nodes(file, engines.get(e)), engines.get(e), m.crossings(), m.turning(), m.overlaps(), m.width(),
            m.height(), m.smallestPx(), m.millis()));
        totals[e][0] += m.crossings();
        totals[e][1] += m.turning();
        totals[e][2] += m.overlaps();
        totals[e][3] += m.width() * m.height();
        totals[e][4] += m.smallestPx();
      }
    }
    int count = args.length - 2;
    for (int e = 0; e < engines.size(); e++) {
      table.append(String.format(Locale.ROOT, "| **all %d** | | %s | %.0f | %.1f | %.0f | %.2f M pt² in all | %.1f px mean | |%n",
          count, engines.get(e), totals[e][0], totals[e][1], totals[e][2], totals[e][3] / 1e6, totals[e][4] / count));
    }
    Files.writeString(Path.of(args[0]), table.toString());
    System.out.print(table);
    sideBySide(Path.of("samples/advanced.grad"), 5, Path.of(args[1]));
  }

  static int nodes(Path file, String engine) throws Exception {
    return render(file, engine).program().graph().size();
  }

  static Rendering render(Path file, String engine) throws Exception {
    RenderOptions options = RenderOptions.builder().engine(engine).view(View.OPS).direction(Direction.LR).build();
    return new Gradframes(options).render(file.toString(), Files.readString(file));
  }

  static Metrics measure(Path file, String engine) throws Exception {
    render(file, engine);
    long start = System.nanoTime();
    Rendering r = render(file, engine);
    double millis = (System.nanoTime() - start) / 1e6;
    Layout layout = r.drawing().layout();
    List<List<Point>> lines = new ArrayList<>();
    for (EdgePath p : layout.edges()) {
      lines.add(sample(p));
    }
    int crossings = 0;
    for (int i = 0; i < lines.size(); i++) {
      for (int j = i + 1; j < lines.size(); j++) {
        if (!sharesNode(r, i, j)) {
          crossings += intersections(lines.get(i), lines.get(j));
        }
      }
    }
    double turning = 0;
    for (List<Point> line : lines) {
      turning += turning(line);
    }
    int overlaps = 0;
    List<NodeBox> labels = new ArrayList<>();
    for (EdgePath p : layout.edges()) {
      if (p.label() != null) {
        labels.add(p.label());
      }
    }
    for (int i = 0; i < labels.size(); i++) {
      for (NodeBox n : layout.nodes()) {
        overlaps += overlap(labels.get(i), n) ? 1 : 0;
      }
      for (int j = i + 1; j < labels.size(); j++) {
        overlaps += overlap(labels.get(i), labels.get(j)) ? 1 : 0;
      }
    }
    double scale = Math.min(1920 / r.drawing().width(), 1080 / r.drawing().height());
    double smallest = Double.MAX_VALUE;
    for (int f = 0; f < r.frameCount(); f++) {
      for (Scene.Group g : r.drawing().scene(f).groups()) {
        for (Scene.Shape s : g.shapes()) {
          if (s instanceof Scene.Text t) {
            smallest = Math.min(smallest, t.size());
          }
        }
      }
    }
    return new Metrics(crossings, turning, overlaps, layout.width(), layout.height(), smallest * scale, millis);
  }

  static boolean sharesNode(Rendering r, int a, int b) {
    var ea = r.program().graph().edges().get(a);
    var eb = r.program().graph().edges().get(b);
    return ea.from() == eb.from() || ea.to() == eb.to() || ea.from() == eb.to() || ea.to() == eb.from();
  }

  static boolean overlap(NodeBox a, NodeBox b) {
    return Math.abs(a.centerX() - b.centerX()) * 2 < a.width() + b.width() - 0.5
        && Math.abs(a.centerY() - b.centerY()) * 2 < a.height() + b.height() - 0.5;
  }

  /** The edge's spline, and on to the arrow's tip, as a polyline of 16 points per cubic piece. */
  static List<Point> sample(EdgePath p) {
    List<Point> s = p.spline();
    List<Point> out = new ArrayList<>();
    out.add(s.get(0));
    for (int i = 1; i + 2 < s.size(); i += 3) {
      Point a = s.get(i - 1), b = s.get(i), c = s.get(i + 1), d = s.get(i + 2);
      for (int k = 1; k <= 16; k++) {
        double t = k / 16.0, u = 1 - t;
        out.add(new Point(u * u * u * a.x() + 3 * u * u * t * b.x() + 3 * u * t * t * c.x() + t * t * t * d.x(),
            u * u * u * a.y() + 3 * u * u * t * b.y() + 3 * u * t * t * c.y() + t * t * t * d.y()));
      }
    }
    out.add(p.tip());
    return out;
  }

  static double turning(List<Point> line) {
    double total = 0;
    Double last = null;
    for (int i = 1; i < line.size(); i++) {
      double dx = line.get(i).x() - line.get(i - 1).x(), dy = line.get(i).y() - line.get(i - 1).y();
      if (Math.hypot(dx, dy) < 1e-6) {
        continue;
      }
      double angle = Math.atan2(dy, dx);
      if (last != null) {
        double d = Math.abs(angle - last);
        total += Math.min(d, 2 * Math.PI - d);
      }
      last = angle;
    }
    return total / (Math.PI / 2);
  }

  static int intersections(List<Point> a, List<Point> b) {
    int n = 0;
    for (int i = 1; i < a.size(); i++) {
      for (int j = 1; j < b.size(); j++) {
        if (cross(a.get(i - 1), a.get(i), b.get(j - 1), b.get(j))) {
          n++;
        }
      }
    }
    return n;
  }

  static boolean cross(Point p, Point q, Point r, Point s) {
    double d1 = side(r, s, p), d2 = side(r, s, q), d3 = side(p, q, r), d4 = side(p, q, s);
    return d1 * d2 < 0 && d3 * d4 < 0;
  }

  static double side(Point a, Point b, Point c) {
    return (b.x() - a.x()) * (c.y() - a.y()) - (b.y() - a.y()) * (c.x() - a.x());
  }

  static void sideBySide(Path file, int frame, Path out) throws Exception {
    List<BufferedImage> images = new ArrayList<>();
    for (String engine : List.of("dot", "elk")) {
      Rendering r = render(file, engine);
      images.add(ImageIO.read(new ByteArrayInputStream(r.frame("png", frame))));
    }
    int w = images.stream().mapToInt(BufferedImage::getWidth).max().orElse(0);
    int h = images.stream().mapToInt(BufferedImage::getHeight).sum() + 40;
    BufferedImage all = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = all.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, w, h);
    g.drawImage(images.get(0), 0, 0, null);
    g.setColor(new Color(0x9ca3af));
    g.fillRect(0, images.get(0).getHeight() + 18, w, 4);
    g.drawImage(images.get(1), 0, images.get(0).getHeight() + 40, null);
    g.dispose();
    ImageIO.write(all, "png", out.toFile());
  }
}
