package org.gradframes.render.format;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.gradframes.layout.Point;
import org.gradframes.render.scene.Drawing;
import org.gradframes.render.scene.Scene;
import org.gradframes.render.scene.Styles;
import org.gradframes.render.text.RichText;
import org.gradframes.render.theme.Theme;

/**
 * SVG frames: standalone documents with real text, a viewBox and an intrinsic size, a title and a description for
 * the frame and for every node, and state carried by classes that one stylesheet paints, scoped to a class on the
 * root so that a document embedding the frames can restyle them. The same scene always gives the same bytes.
 */
public final class SvgFormat implements Format {
  private static final Map<String, String> CLASSES = new ConcurrentHashMap<>();

  @Override
  public String name() {
    return "svg";
  }

  /** {@inheritDoc} The last frame, which has the most to say, made once, times the frames. */
  @Override
  public long estimatedBytes(Deck deck) {
    return (long) frame(deck, deck.drawing().frameCount() - 1).length * deck.frames();
  }

  @Override
  public String summary() {
    return "one SVG document per frame, styled by class";
  }

  @Override
  public Phase phase() {
    return Phase.FRAME;
  }

  @Override
  public byte[] frame(Deck deck, int frame) {
    return document(deck, frame).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Frame {@code frame} as an SVG figure safe to inline beside others: its root's id is the deck's id prefix and the
   * frame's number ({@code P-5}), every other id begins with it ({@code P-5-node-x}), and its stylesheet reaches only
   * into its root.
   */
  static String document(Deck deck, int frame) {
    return document(deck, frame, deck.info().idPrefix() + "-" + deck.drawing().frameNumber(frame));
  }

  /**
   * Frame {@code frame} as an SVG document whose root has the id {@code figure}, which begins every other id and
   * scopes the stylesheet; with a null {@code figure}, ids as the scene names them and the stylesheet scoped by the
   * theme's class on the root, for a page that prefixes the ids itself. Nodes and edges that look as before reuse
   * their earlier text.
   */
  static String document(Deck deck, int frame, String figure) {
    return document(deck, deck.drawing(), "svg.groups", frame, figure);
  }

  /**
   * Frame {@code frame} of {@code drawing}, one drawn as the deck's is (a {@link Drawing#marked} one), as
   * {@link #document(Deck, int, String)} writes it; {@code memo} names where its groups' text is kept.
   */
  static String document(Deck deck, Drawing drawing, String memo, int frame, String figure) {
    Map<Object, String> written = deck.memo(memo, ConcurrentHashMap::new);
    Style style = deck.memo("svg.style", () -> style(deck));
    String ids = figure == null ? "" : figure + "-";
    Scene scene = drawing.scene(frame);
    StringBuilder svg = new StringBuilder(scene.groups().size() * 400 + 8192);
    svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(n(scene.width()))
        .append("pt\" height=\"").append(n(scene.height())).append("pt\" viewBox=\"0 0 ").append(n(scene.width()))
        .append(' ').append(n(scene.height())).append('"');
    if (figure != null) {
      svg.append(" id=\"").append(figure).append('"');
    }
    svg.append(" class=\"gradframes ").append(style.root())
        .append("\" font-family=\"").append(escape(scene.fontFamily()))
        .append("\" role=\"img\" aria-labelledby=\"").append(ids).append("frame-title ").append(ids)
        .append("frame-desc\">\n");
    svg.append("<title id=\"").append(ids).append("frame-title\">").append(escape(scene.title())).append("</title>\n");
    svg.append("<desc id=\"").append(ids).append("frame-desc\">").append(escape(scene.description())).append("</desc>\n");
    svg.append("<style>\n");
    String scope = figure == null ? "." + style.root() : "#" + figure;
    for (String rule : style.rules()) {
      svg.append(scope).append(' ').append(rule);
    }
    if (!style.light().isEmpty()) {
      svg.append(scope).append(" {").append(style.light()).append(" }\n");
      svg.append("@media (prefers-color-scheme: dark) { ").append(scope).append(" {").append(style.dark())
          .append(" } }\n");
    }
    svg.append("</style>\n");
    svg.append("<rect class=\"background\" width=\"100%\" height=\"100%\"/>\n");
    boolean moved = scene.scale() != 1 || scene.dx() != 0 || scene.dy() != 0;
    if (moved) {
      svg.append("<g transform=\"translate(").append(n(scene.dx())).append(' ').append(n(scene.dy()))
          .append(") scale(").append(scale(scene.scale())).append(")\">\n");
    }
    for (Scene.Group group : scene.groups()) {
      svg.append("<g id=\"").append(ids);
      if (group.key() == null) {
        groupAfterId(svg, group);
      } else {
        svg.append(written.computeIfAbsent(group.key(), k -> groupAfterId(new StringBuilder(512), group).toString()));
      }
    }
    if (moved) {
      svg.append("</g>\n");
    }
    svg.append("</svg>\n");
    return svg.toString();
  }

  /**
   * The class on the SVG root that names its theme ({@code gf-light}), the stylesheet's rules, unscoped, and for a
   * theme that follows the reader the custom properties its rules' colours come from, light and dark (else empty).
   */
  private record Style(String root, List<String> rules, String light, String dark) {}

  private static Style style(Deck deck) {
    String root = "gf-" + deck.drawing().theme().name().replaceAll("^.*[/\\\\]", "").replaceAll("\\.theme$", "")
        .replaceAll("[^A-Za-z0-9-]", "-");
    List<String> rules = new ArrayList<>();
    Theme theme = deck.drawing().theme();
    Palettes palettes = new Palettes(theme.followsReader() ? new Styles(Theme.load("dark")).rules() : null);
    for (Map.Entry<String, Scene.Style> rule : deck.drawing().styles().rules().entrySet()) {
      Scene.Style s = rule.getValue();
      StringBuilder css = new StringBuilder();
      css.append(rule.getKey()).append(" {");
      css.append(" fill: ").append(s.fill() == null ? "none" : palettes.paint(rule.getKey(), s.fill(), true))
          .append(';');
      if (s.stroke() != null) {
        css.append(" stroke: ").append(palettes.paint(rule.getKey(), s.stroke(), false)).append("; stroke-width: ")
            .append(n(s.strokeWidth()))
            .append(';');
        if (!s.dash().isEmpty()) {
          css.append(" stroke-dasharray: ").append(dashText(s.dash())).append(';');
        }
      }
      rules.add(css.append(" }\n").toString());
    }
    return new Style(root, List.copyOf(rules), palettes.light(), palettes.dark());
  }

  private static String dashText(List<Double> dash) {
    List<String> parts = new ArrayList<>();
    for (double d : dash) {
      parts.add(n(d));
    }
    return String.join(" ", parts);
  }

  /** One group as SVG text, its id as the scene names it, to be written again as it is. */
  static String group(Scene.Group group) {
    return groupAfterId(new StringBuilder(512).append("<g id=\""), group).toString();
  }

  /** Appends a group's SVG text from its id on: what follows {@code <g id="} and the id's prefix. */
  private static StringBuilder groupAfterId(StringBuilder svg, Scene.Group group) {
    svg.append(escape(group.id())).append("\" class=\"").append(escape(group.classes()))
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
    return svg.append("</g>\n");
  }

  private static void shape(StringBuilder svg, Scene.Shape shape) {
    String cls = CLASSES.computeIfAbsent(shape.style().cls(), c -> " class=\"" + c + "\"");
    if (shape instanceof Scene.Box b) {
      num(svg.append("<rect").append(cls).append(" x=\""), b.x());
      num(svg.append("\" y=\""), b.y());
      num(svg.append("\" width=\""), b.width());
      num(svg.append("\" height=\""), b.height());
      num(svg.append("\" rx=\""), b.radius()).append("\"/>\n");
    } else if (shape instanceof Scene.Curve c) {
      curve(svg.append("<path").append(cls).append(" d=\""), c.points()).append("\"/>\n");
    } else if (shape instanceof Scene.Polygon p) {
      points(svg.append("<polygon").append(cls).append(" points=\""), p.points()).append("\"/>\n");
    } else if (shape instanceof Scene.Text t) {
      num(svg.append("<text").append(cls).append(" xml:space=\"preserve\" x=\""), t.x());
      num(svg.append("\" y=\""), t.y());
      num(svg.append("\" font-size=\""), t.size()).append('"');
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

  private static StringBuilder curve(StringBuilder d, List<Point> points) {
    xy(d.append('M'), points.get(0));
    for (int i = 1; i < points.size(); i += 3) {
      xy(d.append(" C"), points.get(i));
      xy(d.append(' '), points.get(i + 1));
      xy(d.append(' '), points.get(i + 2));
    }
    return d;
  }

  private static StringBuilder points(StringBuilder text, List<Point> points) {
    for (int i = 0; i < points.size(); i++) {
      xy(i == 0 ? text : text.append(' '), points.get(i));
    }
    return text;
  }

  private static void xy(StringBuilder text, Point p) {
    num(text, p.x()).append(',');
    num(text, p.y());
  }

  private static String scale(double value) {
    String text = String.format(Locale.ROOT, "%.6f", value);
    return text.replaceAll("0+$", "").replaceAll("\\.$", "");
  }

  /** A coordinate with at most two decimals and no trailing zeros; "-0" is written 0. */
  static String n(double value) {
    return num(new StringBuilder(12), value).toString();
  }

  /** Appends a coordinate as {@link #n} writes it. */
  static StringBuilder num(StringBuilder text, double value) {
    long hundredths = Math.round(value * 100);
    if (Math.abs(value) >= 1e15 || Double.isNaN(value)) {
      return text.append(String.format(Locale.ROOT, "%.2f", value));
    }
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
    return text;
  }

  private static boolean plain(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c == '&' || c == '<' || c == '>' || c == '"' || c == '\'' || c >= 0xD800) {
        return false;
      }
    }
    return true;
  }

  /** Escapes text for XML content and attribute values; drops characters XML cannot hold. */
  static String escape(String text) {
    if (plain(text)) {
      return text;
    }
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
