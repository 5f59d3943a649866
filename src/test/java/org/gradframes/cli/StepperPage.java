package org.gradframes.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An HTML stepper read as its script reads it: the first frame's picture and the data of the later frames' changes,
 * from which every frame's groups are put together again, to be compared with that frame's SVG file.
 */
final class StepperPage {
  private static final Pattern GROUP = Pattern.compile("(?s)<g id=\"([^\"]+)\" class=\"[^\"]*\">\n.*?</g>\n");

  private final Map<String, String> first;
  private final JsonNode data;

  StepperPage(String html) throws IOException {
    int svg = html.indexOf("<svg ");
    this.first = groups(html.substring(svg, html.indexOf("</svg>", svg)));
    int start = html.indexOf("var data = ") + "var data = ".length();
    this.data = new ObjectMapper().readTree(html.substring(start, html.indexOf(";\nvar delay = ", start)));
  }

  /** The script's data: {@code ids}, {@code looks}, {@code steps}, {@code captions}, {@code titles}. */
  JsonNode data() {
    return data;
  }

  /** The groups of frame {@code frame} as the script shows them, by id, in drawing order. */
  Map<String, String> frame(int frame) {
    Map<String, String> shown = new LinkedHashMap<>(first);
    for (int f = 1; f <= frame; f++) {
      JsonNode step = data.get("steps").get(f);
      for (int k = 0; k < step.size(); k += 2) {
        int g = step.get(k).asInt();
        int look = step.get(k + 1).asInt();
        String id = "gf-" + data.get("ids").get(g).asText();
        shown.put(id, look == 0 ? first.get(id) : plain(data.get("looks").get(g).get(look - 1).asText()));
      }
    }
    return shown;
  }

  /**
   * The groups of an SVG frame file, by id as the page writes it ({@code gf-node-u1}, where the file, whose ids
   * begin with its root's, has {@code ROOT-node-u1}), in drawing order.
   */
  static Map<String, String> svgFrame(String svg) {
    Matcher root = Pattern.compile("<svg [^>]*? id=\"([^\"]+)\"").matcher(svg);
    if (!root.find()) {
      throw new AssertionError("the SVG root has no id");
    }
    return groups(svg.replace(" id=\"" + root.group(1) + "-", " id=\"gf-"));
  }

  private static Map<String, String> groups(String svg) {
    Map<String, String> groups = new LinkedHashMap<>();
    Matcher m = GROUP.matcher(plain(svg));
    while (m.find()) {
      groups.put(m.group(1), m.group());
    }
    return groups;
  }

  /** The ids of the groups that change at some frame. */
  List<String> ids() {
    List<String> ids = new ArrayList<>();
    data.get("ids").forEach(id -> ids.add(id.asText()));
    return ids;
  }

  /**
   * A group as the frame file writes it: without the page's Tab stop on each node and without the live page's
   * marks (a text's room, a title's template, a number's slot), which the live stepper's own test checks.
   */
  static String plain(String markup) {
    return markup.replace("\" tabindex=\"0\" class=\"node ", "\" class=\"node ")
        .replaceAll(" data-[tw]=\"[^\"]*\"", "").replaceAll("<tspan data-q=\"[^\"]*\">([^<]*)</tspan>", "$1");
  }
}
