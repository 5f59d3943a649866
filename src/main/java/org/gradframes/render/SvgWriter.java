package org.gradframes.render;

import java.util.List;
import java.util.Locale;
import org.gradframes.layout.Point;

/**
 * Writes a scene as a standalone SVG document: real text, a viewBox and an intrinsic size, a title and a
 * description for the frame and for every node, and state carried by classes that one stylesheet paints.
 * The same scene always gives the same bytes.
 */
final class SvgWriter {
  private SvgWriter() {}

  static String write(Scene scene) {
    StringBuilder svg = new StringBuilder();
    svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(n(scene.width()))
        .append("pt\" height=\"").append(n(scene.height())).append("pt\" viewBox=\"0 0 ").append(n(scene.width()))
        .append(' ').append(n(scene.height())).append("\" class=\"gradframes ").append(scene.rootClass())
        .append("\" font-family=\"").append(escape(scene.fontFamily()))
        .append("\" role=\"img\" aria-labelledby=\"frame-title frame-desc\">\n");
    svg.append("<title id=\"frame-title\">").append(escape(scene.title())).append("</title>\n");
    svg.append("<desc id=\"frame-desc\">").append(escape(scene.description())).append("</desc>\n");
    svg.append("<style>\n").append(scene.css()).append("</style>\n");
    svg.append("<rect class=\"background\" width=\"100%\" height=\"100%\"/>\n");
    boolean moved = scene.scale() != 1 || scene.dx() != 0 || scene.dy() != 0;
    if (moved) {
      svg.append("<g transform=\"translate(").append(n(scene.dx())).append(' ').append(n(scene.dy()))
          .append(") scale(").append(scale(scene.scale())).append(")\">\n");
    }
    for (Scene.Group group : scene.groups()) {
      group(svg, group);
    }
    if (moved) {
      svg.append("</g>\n");
    }
    svg.append("</svg>\n");
    return svg.toString();
  }

  private static void group(StringBuilder svg, Scene.Group group) {
    svg.append("<g id=\"").append(escape(group.id())).append("\" class=\"").append(escape(group.classes()))
        .append("\">\n");
    if (group.title() != null) {
      svg.append("<title>").append(escape(group.title())).append("</title>\n");
    }
    if (group.description() != null) {
      svg.append("<desc>").append(escape(group.description())).append("</desc>\n");
    }
    for (Scene.Shape shape : group.shapes()) {
      shape(svg, shape);
    }
    svg.append("</g>\n");
  }

  private static void shape(StringBuilder svg, Scene.Shape shape) {
    String cls = " class=\"" + shape.style().cls() + "\"";
    if (shape instanceof Scene.Box b) {
      svg.append("<rect").append(cls).append(" x=\"").append(n(b.x())).append("\" y=\"").append(n(b.y()))
          .append("\" width=\"").append(n(b.width())).append("\" height=\"").append(n(b.height()))
          .append("\" rx=\"").append(n(b.radius())).append("\"/>\n");
    } else if (shape instanceof Scene.Curve c) {
      svg.append("<path").append(cls).append(" d=\"").append(curve(c.points())).append("\"/>\n");
    } else if (shape instanceof Scene.Polygon p) {
      svg.append("<polygon").append(cls).append(" points=\"").append(points(p.points())).append("\"/>\n");
    } else if (shape instanceof Scene.Text t) {
      svg.append("<text").append(cls).append(" xml:space=\"preserve\" x=\"").append(n(t.x())).append("\" y=\"").append(n(t.y()))
          .append("\" font-size=\"").append(n(t.size())).append('"');
      if (t.bold()) {
        svg.append(" font-weight=\"bold\"");
      }
      if (t.anchor() == Scene.Anchor.MIDDLE) {
        svg.append(" text-anchor=\"middle\"");
      }
      svg.append('>');
      runs(svg, t);
      svg.append("</text>\n");
    }
  }

  /** Writes the runs of a text; sub- and superscripts as smaller tspans shifted with dy. */
  private static void runs(StringBuilder svg, Scene.Text t) {
    double at = 0;
    for (RichText.Run run : RichText.runs(t.text())) {
      double shift = RichText.shift(run.script(), t.size());
      if (shift == at && run.script() == RichText.Script.NORMAL) {
        svg.append(escape(run.text()));
        continue;
      }
      svg.append("<tspan dy=\"").append(n(shift - at)).append('"');
      if (run.script() != RichText.Script.NORMAL) {
        svg.append(" font-size=\"").append(n(t.size() * RichText.SCRIPT_SCALE)).append('"');
      }
      svg.append('>').append(escape(run.text())).append("</tspan>");
      at = shift;
    }
  }

  private static String curve(List<Point> points) {
    StringBuilder d = new StringBuilder("M").append(xy(points.get(0)));
    for (int i = 1; i < points.size(); i += 3) {
      d.append(" C").append(xy(points.get(i))).append(' ').append(xy(points.get(i + 1))).append(' ')
          .append(xy(points.get(i + 2)));
    }
    return d.toString();
  }

  private static String points(List<Point> points) {
    StringBuilder text = new StringBuilder();
    for (Point p : points) {
      if (text.length() > 0) {
        text.append(' ');
      }
      text.append(xy(p));
    }
    return text.toString();
  }

  private static String xy(Point p) {
    return n(p.x()) + "," + n(p.y());
  }

  private static String scale(double value) {
    String text = String.format(Locale.ROOT, "%.6f", value);
    return text.replaceAll("0+$", "").replaceAll("\\.$", "");
  }

  /** A coordinate with at most two decimals and no trailing zeros; "-0" is written 0. */
  static String n(double value) {
    long hundredths = Math.round(value * 100);
    if (Math.abs(value) >= 1e15 || Double.isNaN(value)) {
      return String.format(Locale.ROOT, "%.2f", value);
    }
    StringBuilder text = new StringBuilder();
    if (hundredths < 0) {
      text.append('-');
      hundredths = -hundredths;
    }
    text.append(hundredths / 100);
    long fraction = hundredths % 100;
    if (fraction != 0) {
      text.append('.').append(fraction / 10);
      if (fraction % 10 != 0) {
        text.append(fraction % 10);
      }
    }
    return text.toString();
  }

  /** Escapes text for XML content and attribute values; drops characters XML cannot hold. */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints().forEach(c -> {
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> {
          if (c >= 0x20 && c != 0xFFFE && c != 0xFFFF || c == '\n' || c == '\t') {
            out.appendCodePoint(c);
          }
        }
      }
    });
    return out.toString();
  }
}
