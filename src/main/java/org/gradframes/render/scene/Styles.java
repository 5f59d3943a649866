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
  private final Map<Scene.Style, Scene.Style> dim = new java.util.IdentityHashMap<>();

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
    dimmed(theme);
    rules.put(".caption .text", new Scene.Style("text", theme.text(ThemeKey.CAPTION_TEXT), null, 0, List.of()));
    rules.put(".step-label .text", new Scene.Style("text", theme.text(ThemeKey.STEP_LABEL_COLOR), null, 0,
        List.of()));
    rules.put(".legend .text", new Scene.Style("text", theme.text(ThemeKey.CAPTION_TEXT), null, 0, List.of()));
  }

  /**
   * For every paint of a node or an edge, the same paint dimmed, under the selector with {@code .dim} on the group
   * ({@code .node.done.dim .box}): its colours moved toward the background by the theme's {@code dim.fade}.
   */
  private void dimmed(Theme theme) {
    String background = theme.text(ThemeKey.BACKGROUND);
    double fade = Math.min(1, theme.number(ThemeKey.DIM_FADE));
    for (Map.Entry<String, Scene.Style> rule : new java.util.ArrayList<>(rules.entrySet())) {
      String selector = rule.getKey();
      if (!selector.startsWith(".node") && !selector.startsWith(".edge")) {
        continue;
      }
      int space = selector.indexOf(' ');
      Scene.Style s = rule.getValue();
      Scene.Style dimmed = new Scene.Style(s.cls(), mix(s.fill(), background, fade), mix(s.stroke(), background,
          fade), s.strokeWidth(), s.dash());
      rules.put(selector.substring(0, space) + ".dim" + selector.substring(space), dimmed);
      dim.put(s, dimmed);
    }
  }

  /** {@code color} moved {@code t} of the way to {@code toward}, both {@code #rrggbb}; null stays null. */
  static String mix(String color, String toward, double t) {
    if (color == null) {
      return null;
    }
    int a = Integer.parseInt(color.substring(1), 16);
    int b = Integer.parseInt(toward.substring(1), 16);
    int mixed = 0;
    for (int shift = 16; shift >= 0; shift -= 8) {
      int x = (a >> shift) & 0xff;
      int y = (b >> shift) & 0xff;
      mixed |= (int) Math.round(x + (y - x) * t) << shift;
    }
    return String.format(java.util.Locale.ROOT, "#%06x", mixed);
  }

  /** The paint of {@code style} on a dimmed group: the rule under the same selector with {@code .dim}. */
  Scene.Style dim(Scene.Style style) {
    Scene.Style dimmed = dim.get(style);
    if (dimmed == null) {
      throw new IllegalArgumentException("not a paint of a node or an edge: " + style);
    }
    return dimmed;
  }

  Scene.Style stepLabelText() {
    return rules.get(".step-label .text");
  }

  Scene.Style legendText() {
    return rules.get(".legend .text");
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
