package org.gradframes.render.format;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gradframes.render.scene.Drawing;
import org.gradframes.render.scene.Scene;
import org.gradframes.render.theme.Theme;
import org.gradframes.render.theme.ThemeKey;

/**
 * Writes one self-contained HTML page that steps through a program's frames: the first frame inline as SVG, and for
 * every later frame only the node and edge groups that look different, which its script swaps in place; a caption,
 * buttons, a slider, keys (←/→, Home/End, Space to play), zoom and pan, and a panel with a clicked node's formulas.
 * The picture fills the window above the caption (Fit shows the graph as large as the window allows), and the
 * address says the frame shown: {@code #step=3} opens on the third frame and follows the stepping.
 * No network access, no external script or font, so it works from file:// and inside an iframe of a docs site.
 * Unless the deck says otherwise, the page is live ({@link LivePage}): its inputs can be changed and every number
 * follows.
 */
public final class HtmlFormat implements Format {
  /** Put before every id of the inline SVG, so that its ids cannot meet the page's own ({@code caption}). */
  private static final String PREFIX = "gf-";

  @Override
  public String name() {
    return "html";
  }

  @Override
  public String summary() {
    return "one self-contained HTML page that steps through the frames, NAME.html";
  }

  @Override
  public Phase phase() {
    return Phase.DECK;
  }

  @Override
  public void write(Deck deck, FileSink sink) throws IOException {
    boolean live = LivePage.of(deck);
    Drawing drawing = live ? deck.drawing().marked() : deck.drawing();
    Theme theme = drawing.theme();
    Changes changes = Changes.of(drawing, live);
    try (Writer html = new BufferedWriter(new OutputStreamWriter(sink.create(deck.info().program() + ".html"),
        StandardCharsets.UTF_8))) {
      html.append(head("gradframes: " + deck.info().program(), theme.text(ThemeKey.BACKGROUND),
          theme.text(ThemeKey.CAPTION_TEXT), theme.text(ThemeKey.FONT_FAMILY)).replace("</style>\n",
          readersScheme(theme) + (live ? LivePage.STYLE : "") + "</style>\n"));
      html.append("<div class=\"frame\" data-index=\"0\">\n").append(inline(firstFrame(deck, drawing, live)))
          .append("</div>\n");
      html.append(tail(changes.captions().stream().map(LivePage::plain).toList(), live ? LivePage.PANEL : ""));
      html.append("<script>\n(function () {\n\"use strict\";\nvar data = ");
      changes.appendTo(html);
      html.append(";\nvar paths = ").append(paths(drawing));
      html.append(";\nvar delay = ").append(Integer.toString(deck.info().delayMillis())).append(";\n")
          .append(SCRIPT);
      if (live) {
        StringBuilder data = new StringBuilder("var live = ");
        LivePage.appendTo(data, deck, drawing.precision());
        html.append(data).append(";\n").append(LIVE_SCRIPT);
      }
      html.append("})();\n</script>\n</body>\n</html>\n");
    }
  }

  /** The file beside the page of {@code program} whose version a page made by {@link #reloading} polls. */
  public static String versionFile(String program) {
    return program + ".html.version.js";
  }

  /** The text of the version file: a script that hands {@code version} to the page that loads it. */
  public static String versionScript(String version) {
    return "gradframesVersion(" + jsString(version) + ");\n";
  }

  /**
   * The page {@code html} of {@code program} with a script that reloads it when its version file names another
   * version than {@code version}, for a page that is rendered again while it is open. A page from file:// may not
   * fetch a file, but it may load a script: the script loads the version file as a script element once a second.
   * The address keeps {@code #step=N}, so the page opens again on the frame it showed.
   */
  public static String reloading(String html, String program, String version) {
    int end = html.lastIndexOf("</body>");
    if (end < 0) {
      throw new IllegalArgumentException("not a page of this format");
    }
    String script = "<script>\n(function () {\n\"use strict\";\nvar version = " + jsString(version) + ";\n"
        + "window.gradframesVersion = function (v) { if (v !== version) { location.reload(); } };\n"
        + "function poll() {\n  var s = document.createElement(\"script\");\n"
        + "  s.src = " + jsString(versionFile(program)) + " + \"?\" + Date.now();\n"
        + "  s.onload = s.onerror = function () { s.remove(); setTimeout(poll, 1000); };\n"
        + "  document.head.appendChild(s);\n}\nsetTimeout(poll, 1000);\n})();\n</script>\n";
    return html.substring(0, end) + script + html.substring(end);
  }

  /** The first frame's SVG document; on a live page, its numbers as slots that the script fills. */
  private static String firstFrame(Deck deck, Drawing drawing, boolean live) {
    return live ? LivePage.document(drawing.scene(0), SvgFormat.document(deck, drawing, "html.live", 0, null))
        : SvgFormat.document(deck, 0, null);
  }

  /**
   * What the page's script needs beyond the first frame: the groups that change, each look a group takes after its
   * first (as SVG text), and for every frame the groups that look different from the frame before, as pairs of
   * group and look, with the frames' titles and descriptions where they are not their captions'.
   */
  private record Changes(List<String> ids, List<List<String>> looks, List<List<Integer>> steps,
      List<String> captions, List<String> titles, List<String> descriptions, double[] fit) {
    static Changes of(Drawing drawing, boolean live) {
      Scene opening = drawing.scene(0);
      Looks looks = new Looks(opening.groups(), live);
      GraphExtent extent = new GraphExtent();
      List<List<Integer>> steps = new ArrayList<>();
      List<String> captions = new ArrayList<>();
      List<String> titles = new ArrayList<>();
      List<String> descriptions = new ArrayList<>();
      for (int f = 0; f < drawing.frameCount(); f++) {
        Scene scene = f == 0 ? opening : drawing.scene(f);
        steps.add(looks.step(scene.groups()));
        extent.add(scene);
        String caption = drawing.caption(f);
        captions.add(caption);
        titles.add(scene.title().equals(caption.split("\n", -1)[0]) ? null : scene.title());
        descriptions.add(scene.description().equals(caption) ? null : scene.description());
      }
      return new Changes(looks.ids(), looks.later(), looks.renumbered(steps), captions, titles, descriptions,
          extent.box(opening, drawing.theme().number(ThemeKey.MARGIN)));
    }

    /** The data as one JavaScript object literal (JSON that is safe inside a script element). */
    void appendTo(Writer out) throws IOException {
      out.append("{\n\"ids\": [");
      for (int g = 0; g < ids.size(); g++) {
        out.append(g == 0 ? "" : ",").append(jsString(ids.get(g)));
      }
      out.append("],\n\"looks\": [");
      for (int g = 0; g < looks.size(); g++) {
        out.append(g == 0 ? "\n[" : ",\n[");
        for (int v = 0; v < looks.get(g).size(); v++) {
          out.append(v == 0 ? "" : ",\n").append(jsMarkup(looks.get(g).get(v)));
        }
        out.append(']');
      }
      out.append("],\n\"steps\": [");
      for (int f = 0; f < steps.size(); f++) {
        out.append(f == 0 ? "\n[" : ",\n[");
        List<Integer> step = steps.get(f);
        for (int k = 0; k < step.size(); k++) {
          out.append(k == 0 ? "" : ",").append(Integer.toString(step.get(k)));
        }
        out.append(']');
      }
      out.append("],\n\"captions\": ").append(strings(captions)).append(",\n\"titles\": ").append(strings(titles))
          .append(",\n\"descriptions\": ").append(strings(descriptions)).append(",\n\"fit\": [");
      for (int k = 0; k < fit.length; k++) {
        out.append(k == 0 ? "" : ", ").append(SvgFormat.n(fit[k]));
      }
      out.append("]\n}");
    }

    private static String strings(List<String> texts) {
      StringBuilder list = new StringBuilder("[");
      for (int i = 0; i < texts.size(); i++) {
        list.append(i == 0 ? "\n" : ",\n").append(texts.get(i) == null ? "null" : jsString(texts.get(i)));
      }
      return list.append(']').toString();
    }
  }

  /** The looks each group of a drawing takes, numbered as the frames first show them: look 0 is the first frame's. */
  private static final class Looks {
    private final List<Scene.Group> first;
    private final boolean live;
    private final List<Map<String, Integer>> texts = new ArrayList<>();
    private final Map<Scene.Group, Integer> known = new IdentityHashMap<>();
    private final int[] shown;
    private List<Scene.Group> previous;

    Looks(List<Scene.Group> first, boolean live) {
      this.first = first;
      this.live = live;
      this.previous = first;
      this.shown = new int[first.size()];
      for (Scene.Group group : first) {
        texts.add(new LinkedHashMap<>(Map.of(markup(group), 0)));
      }
    }

    /** A group's SVG text as the page holds it: on a live page, its numbers as slots the script fills. */
    private String markup(Scene.Group group) {
      String svg = HtmlFormat.markup(group);
      return live ? LivePage.markup(group, svg) : svg;
    }

    /** The groups of the next frame that look different from the frame before, as pairs of position and look. */
    List<Integer> step(List<Scene.Group> groups) {
      if (groups.size() != first.size()) {
        throw new IllegalStateException("the frames of a drawing differ in their number of groups");
      }
      List<Integer> step = new ArrayList<>();
      for (int p = 0; p < groups.size(); p++) {
        Scene.Group group = groups.get(p);
        if (group == previous.get(p)) {
          continue;
        }
        if (!group.id().equals(first.get(p).id())) {
          throw new IllegalStateException("the frames of a drawing differ in their groups at " + group.id());
        }
        Map<String, Integer> looks = texts.get(p);
        int look = known.computeIfAbsent(group, g -> looks.computeIfAbsent(markup(g), m -> looks.size()));
        if (look != shown[p]) {
          step.add(p);
          step.add(look);
          shown[p] = look;
        }
      }
      previous = groups;
      return step;
    }

    /** The ids of the groups that change, in drawing order. */
    List<String> ids() {
      List<String> ids = new ArrayList<>();
      for (int p = 0; p < first.size(); p++) {
        if (texts.get(p).size() > 1) {
          ids.add(first.get(p).id());
        }
      }
      return ids;
    }

    /** The looks after the first of each group that changes. */
    List<List<String>> later() {
      List<List<String>> later = new ArrayList<>();
      for (Map<String, Integer> looks : texts) {
        if (looks.size() > 1) {
          List<String> all = new ArrayList<>(looks.keySet());
          later.add(all.subList(1, all.size()));
        }
      }
      return later;
    }

    /** Steps whose groups are numbered among the groups that change, as {@link #ids} lists them. */
    List<List<Integer>> renumbered(List<List<Integer>> steps) {
      int[] index = new int[first.size()];
      for (int p = 0, changing = 0; p < first.size(); p++) {
        index[p] = changing;
        changing += texts.get(p).size() > 1 ? 1 : 0;
      }
      List<List<Integer>> renumbered = new ArrayList<>();
      for (List<Integer> step : steps) {
        List<Integer> pairs = new ArrayList<>(step);
        for (int k = 0; k < pairs.size(); k += 2) {
          pairs.set(k, index[pairs.get(k)]);
        }
        renumbered.add(pairs);
      }
      return renumbered;
    }
  }

  /** A group's SVG text as the page holds it. */
  private static String markup(Scene.Group group) {
    return prefixed(SvgFormat.group(group));
  }

  /** The page's ids prefixed, and every node a stop of the Tab key, where Enter highlights its paths. */
  private static String prefixed(String svg) {
    return svg.replace(" id=\"", " id=\"" + PREFIX).replace("\" class=\"node ", "\" tabindex=\"0\" class=\"node ");
  }

  /** The first frame's SVG document as an element of the page: no XML declaration, its ids prefixed. */
  private static String inline(String svg) {
    return prefixed(svg.substring(svg.indexOf("<svg"))).replace("aria-labelledby=\"frame-title frame-desc\"",
        "aria-labelledby=\"" + PREFIX + "frame-title " + PREFIX + "frame-desc\"");
  }

  /** For a theme that follows the reader, the page's own colours in a dark scheme: the dark theme's; else nothing. */
  private static String readersScheme(Theme theme) {
    if (!theme.followsReader()) {
      return "";
    }
    Theme dark = Theme.load("dark");
    String colours = "background: " + dark.text(ThemeKey.BACKGROUND) + "; color: " + dark.text(ThemeKey.CAPTION_TEXT);
    return ":root { color-scheme: light dark; }\n@media (prefers-color-scheme: dark) { body, #details { " + colours
        + "; } }\n";
  }

  private static String head(String title, String background, String text, String fontFamily) {
    return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        + "<title>" + SvgFormat.escape(title) + "</title>\n<style>\n"
        + "body { margin: 0; background: " + background + "; color: " + text + "; font-family: " + fontFamily
        + "; }\n"
        + "#gradframes { margin: 0; padding: 12px; outline: none; box-sizing: border-box; height: 100vh;"
        + " display: flex; flex-direction: column; }\n"
        + ".frames { position: relative; flex: 1 1 0; min-height: 0; }\n"
        + ".frame { overflow: hidden; height: 100%; }\n"
        + ".frame svg { display: block; width: 100%; height: 100%; }\n"
        + "#gradframes .frame .caption, #gradframes .frame .step-label { display: none; }\n"
        + "#gradframes .frame g.node:focus { outline: 3px solid; outline-offset: 2px; }\n"
        + "#gradframes .frame g.node { cursor: pointer; }\n"
        + "#gradframes.zoomed .frame svg { cursor: grab; user-select: none; -webkit-user-select: none;"
        + " touch-action: none; }\n"
        + "#gradframes.dragging .frame svg { cursor: grabbing; }\n"
        + "#caption { font-size: 1.15em; line-height: 1.3; white-space: pre-line; margin: 0.6em 0; flex: none; }\n"
        + ".controls { flex: none; display: flex; flex-wrap: wrap; gap: 0.5em; align-items: center; }\n"
        + ".controls button { font: inherit; padding: 0.3em 0.8em; }\n"
        + "#slider { flex: 1; min-width: 8em; }\n"
        + "#details { position: absolute; top: 0.5em; right: 0.5em; max-width: min(36em, 90%); max-height: 90%;"
        + " overflow: auto; box-sizing: border-box; padding: 0.5em 2.4em 0.5em 0.9em; background: " + background
        + "; color: " + text + "; border: 1px solid; border-radius: 6px; box-shadow: 0 2px 10px rgba(0, 0, 0, 0.3); }\n"
        + "#details p { margin: 0.35em 0; white-space: pre-line; }\n"
        + "#details-formula { font-weight: bold; }\n"
        + "#details-close { position: absolute; top: 0.3em; right: 0.3em; font: inherit; }\n"
        + "</style>\n</head>\n<body>\n<figure id=\"gradframes\" tabindex=\"0\">\n<div class=\"frames\">\n";
  }

  private static String tail(List<String> captions, String panel) {
    return "<aside id=\"details\" role=\"dialog\" aria-label=\"Node details\" hidden>\n"
        + "<button id=\"details-close\" type=\"button\" title=\"Close (Escape)\" aria-label=\"Close\">×</button>\n"
        + "<p id=\"details-title\"></p>\n<p id=\"details-formula\"></p>\n<p id=\"details-step\"></p>\n</aside>\n"
        + "</div>\n<p id=\"caption\" aria-live=\"polite\">" + SvgFormat.escape(captions.get(0)) + "</p>\n"
        + "<div class=\"controls\">\n"
        + "<button id=\"first\" type=\"button\" title=\"First frame (Home)\">First</button>\n"
        + "<button id=\"prev\" type=\"button\" title=\"Previous frame (←)\">Previous</button>\n"
        + "<button id=\"play\" type=\"button\" title=\"Play or pause (Space)\">Play</button>\n"
        + "<button id=\"next\" type=\"button\" title=\"Next frame (→)\">Next</button>\n"
        + "<button id=\"last\" type=\"button\" title=\"Last frame (End)\">Last</button>\n"
        + "<input id=\"slider\" type=\"range\" min=\"0\" max=\"" + (captions.size() - 1)
        + "\" value=\"0\" aria-label=\"Frame\">\n"
        + "<span id=\"counter\">1 / " + captions.size() + "</span>\n"
        + "<button id=\"zoom-out\" type=\"button\" title=\"Zoom out (−)\" aria-label=\"Zoom out\">−</button>\n"
        + "<button id=\"zoom-in\" type=\"button\" title=\"Zoom in (+, or Ctrl and the wheel)\""
        + " aria-label=\"Zoom in\">+</button>\n"
        + "<button id=\"fit\" type=\"button\" title=\"Fit the whole graph (0)\">Fit</button>\n"
        + "<span id=\"zoom\">100%</span>\n</div>\n" + panel + "</figure>\n";
  }

  /**
   * The page's script after its data, from the resource stepper.js beside this class: swaps groups to step, zooms
   * and pans the viewBox, shows a node's formulas.
   */
  private static final String SCRIPT = script("stepper.js");

  /** The script of a live page, after the stepper's: evaluates the graph again as the inputs change. */
  private static final String LIVE_SCRIPT = script("numbers.js") + script("live.js");

  private static String script(String name) {
    try (var in = HtmlFormat.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * What a click on a node needs to highlight its paths to the output: the output's group and every drawn edge as
   * its source's, its target's and its own group id.
   */
  static String paths(Drawing drawing) {
    org.gradframes.graph.Graph graph = drawing.graph();
    StringBuilder out = new StringBuilder("{\"output\": ")
        .append(jsString("node-" + graph.node(graph.output()).id())).append(", \"links\": [");
    boolean first = true;
    for (org.gradframes.graph.Edge e : graph.edges()) {
      if (drawing.edgeShown(e.index())) {
        out.append(first ? "\n[" : ",\n[").append(jsString("node-" + graph.node(e.from()).id())).append(", ")
            .append(jsString("node-" + graph.node(e.to()).id())).append(", ").append(jsString("edge-" + e.index()))
            .append(']');
        first = false;
      }
    }
    return out.append("]}").toString();
  }

  /** A JavaScript string literal that is also safe inside a script element. */
  static String jsString(String text) {
    return js(text, true);
  }

  /** A string literal of our own SVG text, where only what could end the script element or open a comment is escaped. */
  private static String jsMarkup(String svg) {
    return js(svg, false);
  }

  private static String js(String text, boolean strict) {
    StringBuilder out = new StringBuilder(text.length() + 16).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '<' -> out.append(strict || i + 1 < text.length() && text.charAt(i + 1) == '!' ? "\\u003c"
            : i + 1 < text.length() && text.charAt(i + 1) == '/' ? "<\\" : "<");
        case '>' -> out.append(strict ? "\\u003e" : ">");
        case '&' -> out.append(strict ? "\\u0026" : "&");
        case 0x2028 -> out.append("\\u2028");
        case 0x2029 -> out.append("\\u2029");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
