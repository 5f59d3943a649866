package org.gradframes.render.format;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.gradframes.render.scene.Drawing;
import org.gradframes.render.theme.Theme;
import org.gradframes.render.theme.ThemeKey;

/**
 * Writes one self-contained HTML page that steps through a program's frames: the SVG frames inline, a caption,
 * buttons, a slider and keys (←/→, Home/End, Space to play). No network access, no external script or font, so it
 * works from file:// and inside an iframe of a docs site.
 */
public final class HtmlFormat implements Format {
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
    Drawing drawing = deck.drawing();
    Theme theme = drawing.theme();
    int count = drawing.frameCount();
    List<String> captions = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      captions.add(drawing.caption(i));
    }
    try (Writer html = new BufferedWriter(new OutputStreamWriter(sink.create(deck.info().program() + ".html"),
        StandardCharsets.UTF_8))) {
      html.append(head("gradframes: " + deck.info().program(), theme.text(ThemeKey.BACKGROUND),
          theme.text(ThemeKey.CAPTION_TEXT), theme.text(ThemeKey.FONT_FAMILY)));
      for (int i = 0; i < count; i++) {
        html.append("<div class=\"frame\" data-index=\"").append(Integer.toString(i)).append('"')
            .append(i == 0 ? "" : " hidden").append(">\n").append(inline(SvgFormat.document(deck, i), "f" + i + "-"))
            .append("</div>\n");
      }
      html.append(tail(captions, deck.info().delayMillis()));
    }
  }

  private static String head(String title, String background, String text, String fontFamily) {
    StringBuilder html = new StringBuilder();
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>").append(SvgFormat.escape(title)).append("</title>\n<style>\n")
        .append("body { margin: 0; background: ").append(background).append("; color: ").append(text)
        .append("; font-family: ").append(fontFamily).append("; }\n")
        .append("#gradframes { margin: 0; padding: 12px; outline: none; }\n")
        .append(".frame svg { display: block; width: 100%; height: auto; max-height: 80vh; }\n")
        .append("#gradframes .frame .caption { display: none; }\n")
        .append("#caption { font-size: 1.15em; min-height: 2.4em; white-space: pre-line; margin: 0.6em 0; }\n")
        .append(".controls { display: flex; flex-wrap: wrap; gap: 0.5em; align-items: center; }\n")
        .append(".controls button { font: inherit; padding: 0.3em 0.8em; }\n")
        .append("#slider { flex: 1; min-width: 8em; }\n")
        .append("</style>\n</head>\n<body>\n<figure id=\"gradframes\" tabindex=\"0\">\n<div class=\"frames\">\n");
    return html.toString();
  }

  private static String tail(List<String> captions, int delayMillis) {
    StringBuilder html = new StringBuilder();
    html.append("</div>\n<p id=\"caption\" aria-live=\"polite\">").append(SvgFormat.escape(captions.get(0)))
        .append("</p>\n<div class=\"controls\">\n")
        .append("<button id=\"first\" type=\"button\" title=\"First frame (Home)\">First</button>\n")
        .append("<button id=\"prev\" type=\"button\" title=\"Previous frame (←)\">Previous</button>\n")
        .append("<button id=\"play\" type=\"button\" title=\"Play or pause (Space)\">Play</button>\n")
        .append("<button id=\"next\" type=\"button\" title=\"Next frame (→)\">Next</button>\n")
        .append("<button id=\"last\" type=\"button\" title=\"Last frame (End)\">Last</button>\n")
        .append("<input id=\"slider\" type=\"range\" min=\"0\" max=\"").append(captions.size() - 1)
        .append("\" value=\"0\" aria-label=\"Frame\">\n")
        .append("<span id=\"counter\">1 / ").append(captions.size()).append("</span>\n</div>\n</figure>\n")
        .append("<script>\n").append(script(captions, delayMillis)).append("</script>\n</body>\n</html>\n");
    return html.toString();
  }

  /** An SVG document as an element of the page: no XML declaration, ids made unique to the frame. */
  private static String inline(String svg, String prefix) {
    String body = svg.substring(svg.indexOf("<svg"));
    return body.replace(" id=\"", " id=\"" + prefix)
        .replace("aria-labelledby=\"frame-title frame-desc\"",
            "aria-labelledby=\"" + prefix + "frame-title " + prefix + "frame-desc\"");
  }

  private static String script(List<String> captions, int delayMillis) {
    StringBuilder list = new StringBuilder("[");
    for (int i = 0; i < captions.size(); i++) {
      list.append(i == 0 ? "" : ",\n  ").append(jsString(captions.get(i)));
    }
    list.append(']');
    return """
        (function () {
          "use strict";
          var captions = %s;
          var delay = %s;
          var frames = document.querySelectorAll("#gradframes .frame");
          var caption = document.getElementById("caption");
          var counter = document.getElementById("counter");
          var slider = document.getElementById("slider");
          var play = document.getElementById("play");
          var current = 0;
          var timer = null;
          function go(i) {
            i = Math.max(0, Math.min(frames.length - 1, i));
            frames[current].hidden = true;
            frames[i].hidden = false;
            current = i;
            caption.textContent = captions[i];
            counter.textContent = (i + 1) + " / " + frames.length;
            slider.value = String(i);
          }
          function stop() {
            if (timer !== null) { clearInterval(timer); timer = null; }
            play.textContent = "Play";
          }
          function toggle() {
            if (timer !== null) { stop(); return; }
            if (current === frames.length - 1) { go(0); }
            play.textContent = "Pause";
            timer = setInterval(function () {
              if (current === frames.length - 1) { stop(); } else { go(current + 1); }
            }, delay);
          }
          document.getElementById("first").addEventListener("click", function () { stop(); go(0); });
          document.getElementById("prev").addEventListener("click", function () { stop(); go(current - 1); });
          document.getElementById("next").addEventListener("click", function () { stop(); go(current + 1); });
          document.getElementById("last").addEventListener("click", function () { stop(); go(frames.length - 1); });
          play.addEventListener("click", toggle);
          slider.addEventListener("input", function () { stop(); go(Number(slider.value)); });
          document.addEventListener("keydown", function (e) {
            if (e.target === slider && (e.key === "ArrowLeft" || e.key === "ArrowRight")) { return; }
            if (e.target.tagName === "BUTTON" && e.key === " ") { return; }
            var keys = { ArrowRight: 1, ArrowLeft: -1 };
            if (e.key in keys) { stop(); go(current + keys[e.key]); }
            else if (e.key === "Home") { stop(); go(0); }
            else if (e.key === "End") { stop(); go(frames.length - 1); }
            else if (e.key === " ") { toggle(); }
            else { return; }
            e.preventDefault();
          });
          window.gradframes = { count: frames.length, index: function () { return current; }, go: go };
        })();
        """.formatted(list, Integer.toString(delayMillis));
  }

  /** A JavaScript string literal that is also safe inside a script element. */
  static String jsString(String text) {
    StringBuilder out = new StringBuilder("\"");
    text.codePoints().forEach(c -> {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '<' -> out.append("\\u003c");
        case '>' -> out.append("\\u003e");
        case '&' -> out.append("\\u0026");
        case 0x2028 -> out.append("\\u2028");
        case 0x2029 -> out.append("\\u2029");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", c));
          } else {
            out.appendCodePoint(c);
          }
        }
      }
    });
    return out.append('"').toString();
  }
}
