package org.gradframes.render.format;

import java.util.Map;
import org.gradframes.render.scene.Scene;

/** The colours of a theme that follows the reader, as custom properties named in the order the rules use them. */
final class Palettes {
  private final Map<String, Scene.Style> dark;
  private final StringBuilder light = new StringBuilder();
  private final StringBuilder darkText = new StringBuilder();
  private int count;

  Palettes(Map<String, Scene.Style> dark) {
    this.dark = dark;
  }

  /** The light CSS custom properties, one {@code name: colour;} after the other; empty when nothing switches. */
  String light() {
    return light.toString();
  }

  /** The same custom properties with the dark theme's colours. */
  String dark() {
    return darkText.toString();
  }

  /** The paint of a rule's fill or stroke: the colour itself, or a custom property holding light and dark. */
  String paint(String selector, String light, boolean fill) {
    if (dark == null || light == null) {
      return light;
    }
    Scene.Style d = dark.get(selector);
    String other = d == null ? light : fill ? d.fill() : d.stroke();
    String name = "--gf-c" + count++;
    this.light.append(' ').append(name).append(": ").append(light).append(';');
    darkText.append(' ').append(name).append(": ").append(other == null ? light : other).append(';');
    return "var(" + name + ")";
  }
}
