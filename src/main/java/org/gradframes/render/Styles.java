package org.gradframes.render;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gradframes.autodiff.EdgeState;
import org.gradframes.autodiff.NodeState;

/**
 * The paint of every kind of shape in every state, from a theme; and the same as one CSS stylesheet, scoped to a
 * class on the SVG root, so that a document embedding the frames can restyle them with rules of its own.
 */
final class Styles {
  private final Theme theme;
  private final String root;
  private final Map<String, Scene.Style> rules = new LinkedHashMap<>();
  private String css;

  Styles(Theme theme) {
    this.theme = theme;
    this.root = "gf-" + theme.name().replaceAll("^.*[/\\\\]", "").replaceAll("\\.theme$", "")
        .replaceAll("[^A-Za-z0-9-]", "-");
    rules.put(".background", new Scene.Style("background", theme.text("background"), null, 0, List.of()));
    for (NodeState state : NodeState.values()) {
      String s = state.key();
      rules.put(".node." + s + " .box", new Scene.Style("box", theme.text("state." + s + ".fill"),
          theme.text("state." + s + ".stroke"), theme.number("state." + s + ".width"), dash("state." + s + ".dash")));
      rules.put(".node." + s + " .grad", new Scene.Style("grad", theme.text("state." + s + ".grad"), null, 0,
          List.of()));
    }
    rules.put(".node .text", new Scene.Style("text", theme.text("node.text"), null, 0, List.of()));
    for (EdgeState state : EdgeState.values()) {
      String s = state.key();
      String color = theme.text("edge." + s + ".stroke");
      rules.put(".edge." + s + " .line", new Scene.Style("line", null, color, theme.number("edge." + s + ".width"),
          dash("edge." + s + ".dash")));
      rules.put(".edge." + s + " .head", new Scene.Style("head", color, null, 0, List.of()));
      rules.put(".edge." + s + " .label-box", new Scene.Style("label-box", theme.text("edge.label.fill"), color,
          theme.number("edge.label.border"), List.of()));
    }
    rules.put(".edge .label", new Scene.Style("label", theme.text("edge.label.text"), null, 0, List.of()));
    rules.put(".caption .text", new Scene.Style("text", theme.text("caption.text"), null, 0, List.of()));
  }

  private List<Double> dash(String key) {
    List<Double> lengths = new ArrayList<>();
    for (String part : theme.text(key).trim().split("\\s+")) {
      if (!part.equals("none")) {
        lengths.add(Double.parseDouble(part));
      }
    }
    return lengths;
  }

  /** The class on the SVG root that scopes the stylesheet: {@code gf-light}. */
  String root() {
    return root;
  }

  Scene.Style background() {
    return rules.get(".background");
  }

  Scene.Style nodeBox(NodeState state) {
    return rules.get(".node." + state.key() + " .box");
  }

  Scene.Style gradText(NodeState state) {
    return rules.get(".node." + state.key() + " .grad");
  }

  Scene.Style nodeText() {
    return rules.get(".node .text");
  }

  Scene.Style edgeLine(EdgeState state) {
    return rules.get(".edge." + state.key() + " .line");
  }

  Scene.Style edgeHead(EdgeState state) {
    return rules.get(".edge." + state.key() + " .head");
  }

  Scene.Style labelBox(EdgeState state) {
    return rules.get(".edge." + state.key() + " .label-box");
  }

  Scene.Style labelText() {
    return rules.get(".edge .label");
  }

  Scene.Style captionText() {
    return rules.get(".caption .text");
  }

  /** The stylesheet: one rule per kind of shape and state, in a fixed order. */
  String css() {
    if (css == null) {
      css = stylesheet();
    }
    return css;
  }

  private String stylesheet() {
    StringBuilder css = new StringBuilder();
    for (Map.Entry<String, Scene.Style> rule : rules.entrySet()) {
      Scene.Style s = rule.getValue();
      css.append('.').append(root).append(' ').append(rule.getKey()).append(" {");
      css.append(" fill: ").append(s.fill() == null ? "none" : s.fill()).append(';');
      if (s.stroke() != null) {
        css.append(" stroke: ").append(s.stroke()).append("; stroke-width: ").append(SvgWriter.n(s.strokeWidth()))
            .append(';');
        if (!s.dash().isEmpty()) {
          css.append(" stroke-dasharray: ").append(dashText(s.dash())).append(';');
        }
      }
      css.append(" }\n");
    }
    return css.toString();
  }

  static String dashText(List<Double> dash) {
    List<String> parts = new ArrayList<>();
    for (double d : dash) {
      parts.add(SvgWriter.n(d));
    }
    return String.join(" ", parts);
  }
}
