package org.gradframes.render.scene;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gradframes.autodiff.EdgeState;
import org.gradframes.autodiff.NodeState;
import org.gradframes.render.theme.Theme;
import org.gradframes.render.theme.ThemeKey;

/**
 * The paint of every kind of shape in every state, from a theme, each under the selector that picks it out by
 * class ({@code .node.done .box}), so that formats with stylesheets can write them as rules.
 */
public final class Styles {
  private final Map<String, Scene.Style> rules = new LinkedHashMap<>();

  /** The paints of {@code theme}. */
  public Styles(Theme theme) {
    rules.put(".background", new Scene.Style("background", theme.text(ThemeKey.BACKGROUND), null, 0, List.of()));
    for (NodeState state : NodeState.values()) {
      String s = state.key();
      rules.put(".node." + s + " .box", new Scene.Style("box", theme.text(ThemeKey.fill(state)),
          theme.text(ThemeKey.stroke(state)), theme.number(ThemeKey.width(state)), theme.dash(ThemeKey.dash(state))));
      rules.put(".node." + s + " .grad", new Scene.Style("grad", theme.text(ThemeKey.grad(state)), null, 0,
          List.of()));
      // The lines between a record's cells and the arrow from its operation (--style micrograd).
      rules.put(".node." + s + " .divider", new Scene.Style("divider", null, theme.text(ThemeKey.stroke(state)),
          Math.min(theme.number(ThemeKey.width(state)), 2), List.of()));
      rules.put(".node." + s + " .tip", new Scene.Style("tip", theme.text(ThemeKey.stroke(state)), null, 0,
          List.of()));
    }
    rules.put(".node .text", new Scene.Style("text", theme.text(ThemeKey.NODE_TEXT), null, 0, List.of()));
    for (EdgeState state : EdgeState.values()) {
      String s = state.key();
      String color = theme.text(ThemeKey.stroke(state));
      rules.put(".edge." + s + " .line", new Scene.Style("line", null, color, theme.number(ThemeKey.width(state)),
          theme.dash(ThemeKey.dash(state))));
      rules.put(".edge." + s + " .head", new Scene.Style("head", color, null, 0, List.of()));
      rules.put(".edge." + s + " .label-box", new Scene.Style("label-box", theme.text(ThemeKey.EDGE_LABEL_FILL),
          color, theme.number(ThemeKey.EDGE_LABEL_BORDER), List.of()));
    }
    rules.put(".edge .label", new Scene.Style("label", theme.text(ThemeKey.EDGE_LABEL_TEXT), null, 0, List.of()));
    // A wire's value and the gradient that flowed back along it (--style circuit), and the same in a gate.
    for (String group : List.of(".edge", ".node")) {
      rules.put(group + " .value", new Scene.Style("value", theme.text(ThemeKey.WIRE_VALUE), null, 0, List.of()));
      rules.put(group + " .flow", new Scene.Style("flow", theme.text(ThemeKey.WIRE_GRAD), null, 0, List.of()));
    }
    rules.put(".caption .text", new Scene.Style("text", theme.text(ThemeKey.CAPTION_TEXT), null, 0, List.of()));
  }

  /** Every paint by its selector, in a fixed order. */
  public Map<String, Scene.Style> rules() {
    return java.util.Collections.unmodifiableMap(rules);
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

  Scene.Style divider(NodeState state) {
    return rules.get(".node." + state.key() + " .divider");
  }

  Scene.Style tip(NodeState state) {
    return rules.get(".node." + state.key() + " .tip");
  }

  Scene.Style wireValue() {
    return rules.get(".edge .value");
  }

  Scene.Style wireGradient() {
    return rules.get(".edge .flow");
  }

  Scene.Style labelText() {
    return rules.get(".edge .label");
  }

  Scene.Style captionText() {
    return rules.get(".caption .text");
  }
}
