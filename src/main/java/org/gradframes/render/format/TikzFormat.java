package org.gradframes.render.format;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gradframes.layout.Point;
import org.gradframes.render.scene.Drawing;
import org.gradframes.render.scene.Scene;

/**
 * A TikZ picture of every frame at the laid-out coordinates, the frames as Beamer overlays: every node and edge
 * that looks the same in several frames is drawn once, shown on those overlays ({@code \only<1-3,7>}). Labels and
 * captions are LaTeX math ({@code $\frac{\partial y}{\partial u_{2}} = -60$}) in the document's own fonts; the
 * theme's colours are {@code \definecolor}s.
 */
public final class TikzFormat implements Format {
  @Override
  public String name() {
    return "tikz";
  }

  @Override
  public String summary() {
    return "a TikZ picture with every frame as a Beamer overlay, NAME-tikz.tex";
  }

  @Override
  public Phase phase() {
    return Phase.DECK;
  }

  @Override
  public void write(Deck deck, FileSink sink) throws IOException {
    Drawing drawing = deck.drawing();
    String program = deck.info().program();
    LatexMath.checkNames(drawing.graph());
    StringBuilder tex = new StringBuilder();
    tex.append("% gradframes: ").append(LatexMath.comment(program)).append(", ").append(drawing.frameCount())
        .append(" frames, one per overlay; needs \\usepackage{tikz}.\n");
    String folder = deck.info().folder().isEmpty() || deck.info().folder().endsWith("/") ? deck.info().folder()
        : deck.info().folder() + "/";
    tex.append("% Use inside a Beamer frame: \\begin{frame}\\input{").append(LatexMath.comment(folder + program))
        .append("-tikz.tex}\\end{frame}\n");
    Map<String, String> colors = new LinkedHashMap<>();
    // Groups that look the same share a key (captions, which have none, are told apart as objects).
    Map<Object, List<Integer>> shown = new LinkedHashMap<>();
    Map<Object, Scene.Group> groups = new LinkedHashMap<>();
    Scene first = drawing.scene(0);
    for (int i = 0; i < drawing.frameCount(); i++) {
      for (Scene.Group g : drawing.scene(i).groups()) {
        Object key = g.key() != null ? g.key() : new Identity(g);
        groups.putIfAbsent(key, g);
        shown.computeIfAbsent(key, x -> new ArrayList<>()).add(i + 1);
      }
    }
    StringBuilder body = new StringBuilder();
    for (Map.Entry<Object, List<Integer>> e : shown.entrySet()) {
      Scene.Group group = groups.get(e.getKey());
      body.append("\\only<").append(overlays(e.getValue(), drawing.frameCount())).append(">{%\n");
      boolean caption = "caption".equals(group.id());
      for (Scene.Shape shape : group.shapes()) {
        shape(body, shape, colors, !caption);
      }
      body.append("}%\n");
    }
    color(first.background().fill(), colors);
    for (Map.Entry<String, String> c : colors.entrySet()) {
      tex.append("\\definecolor{").append(c.getValue()).append("}{HTML}{").append(c.getKey().substring(1)
          .toUpperCase(Locale.ROOT)).append("}\n");
    }
    tex.append("\\resizebox{\\linewidth}{!}{%\n\\begin{tikzpicture}[x=1pt, y=-1pt]\n");
    tex.append("\\fill[").append(color(first.background().fill(), colors)).append("] (0,0) rectangle (")
        .append(n(first.width())).append(',').append(n(first.height())).append(");\n");
    tex.append("\\begin{scope}[shift={(").append(n(first.dx())).append(',').append(n(first.dy()))
        .append(")}, scale=").append(n(first.scale())).append("]\n");
    tex.append(body);
    tex.append("\\end{scope}\n\\end{tikzpicture}%\n}\n");
    Texts.write(sink, program + "-tikz.tex", tex.toString());
  }

  /** A group told apart from every other by being itself. */
  private record Identity(Scene.Group group) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Identity i && i.group == group;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(group);
    }
  }

  /** The overlays {@code frames} (from 1) as ranges, such as {@code 1-3,7}; every overlay is {@code 1-}. */
  static String overlays(List<Integer> frames, int count) {
    if (frames.size() == count) {
      return "1-";
    }
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < frames.size()) {
      int j = i;
      while (j + 1 < frames.size() && frames.get(j + 1) == frames.get(j) + 1) {
        j++;
      }
      out.append(out.length() == 0 ? "" : ",").append(frames.get(i));
      if (j > i) {
        out.append('-').append(frames.get(j));
      }
      i = j + 1;
    }
    return out.toString();
  }

  private static void shape(StringBuilder tex, Scene.Shape shape, Map<String, String> colors, boolean fractions) {
    Scene.Style s = shape.style();
    if (shape instanceof Scene.Box b) {
      tex.append("\\draw[fill=").append(color(s.fill(), colors)).append(", draw=").append(color(s.stroke(), colors))
          .append(", line width=").append(n(s.strokeWidth())).append("pt").append(dash(s))
          .append(", rounded corners=").append(n(b.radius())).append("pt] (").append(n(b.x())).append(',')
          .append(n(b.y())).append(") rectangle (").append(n(b.x() + b.width())).append(',')
          .append(n(b.y() + b.height())).append(");\n");
    } else if (shape instanceof Scene.Curve c) {
      tex.append("\\draw[draw=").append(color(s.stroke(), colors)).append(", line width=")
          .append(n(s.strokeWidth())).append("pt").append(dash(s)).append("] ").append(p(c.points().get(0)));
      for (int i = 1; i + 2 < c.points().size(); i += 3) {
        tex.append(" .. controls ").append(p(c.points().get(i))).append(" and ").append(p(c.points().get(i + 1)))
            .append(" .. ").append(p(c.points().get(i + 2)));
      }
      tex.append(";\n");
    } else if (shape instanceof Scene.Polygon g) {
      tex.append("\\fill[").append(color(s.fill(), colors)).append("] ");
      for (Point point : g.points()) {
        tex.append(p(point)).append(" -- ");
      }
      tex.append("cycle;\n");
    } else if (shape instanceof Scene.Text t) {
      String size = n(t.size());
      tex.append("\\node[anchor=").append(t.anchor() == Scene.Anchor.MIDDLE ? "base" : "base west")
          .append(", inner sep=0pt, text=").append(color(s.fill(), colors)).append(", font=\\fontsize{")
          .append(size).append("}{").append(n(t.size() * 1.2)).append("}\\selectfont")
          .append(t.bold() ? "\\bfseries" : "").append("] at ").append(p(new Point(t.x(), t.y()))).append(" {")
          .append(LatexMath.of(t.text(), fractions)).append("};\n");
    }
  }

  private static String dash(Scene.Style s) {
    if (s.dash().isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder(", dash pattern=");
    for (int i = 0; i < s.dash().size(); i++) {
      out.append(i == 0 ? "" : " ").append(i % 2 == 0 ? "on " : "off ").append(n(s.dash().get(i))).append("pt");
    }
    return out.toString();
  }

  /** The name of colour {@code hex} in the snippet, {@code gf1}, {@code gf2}, … in the order first used. */
  private static String color(String hex, Map<String, String> colors) {
    return colors.computeIfAbsent(hex.toLowerCase(Locale.ROOT), h -> "gf" + (colors.size() + 1));
  }

  private static String p(Point point) {
    return "(" + n(point.x()) + "," + n(point.y()) + ")";
  }

  private static String n(double value) {
    return SvgFormat.n(value);
  }
}
