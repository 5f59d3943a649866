package org.gradframes.render.format;

import java.util.IdentityHashMap;
import java.util.Map;
import org.gradframes.render.scene.Scene;
import org.gradframes.render.text.RichText;

/**
 * Where a drawing's graph is, in every frame, on the canvas: what Fit shows. The caption band is left out, since
 * the page shows the caption as text below the picture, where it is only as tall as the caption.
 */
final class GraphExtent {
  private final Map<Scene.Group, Boolean> seen = new IdentityHashMap<>();
  private double left = Double.POSITIVE_INFINITY;
  private double top = Double.POSITIVE_INFINITY;
  private double right = Double.NEGATIVE_INFINITY;
  private double bottom = Double.NEGATIVE_INFINITY;

  void add(Scene scene) {
    for (Scene.Group group : scene.groups()) {
      if (!"caption".equals(group.id()) && seen.put(group, Boolean.TRUE) == null) {
        for (Scene.Shape shape : group.shapes()) {
          add(scene, shape);
        }
      }
    }
  }

  private void add(Scene scene, Scene.Shape shape) {
    if (shape instanceof Scene.Box b) {
      add(scene, b.x(), b.y());
      add(scene, b.x() + b.width(), b.y() + b.height());
    } else if (shape instanceof Scene.Curve c) {
      c.points().forEach(p -> add(scene, p.x(), p.y()));
    } else if (shape instanceof Scene.Polygon p) {
      p.points().forEach(q -> add(scene, q.x(), q.y()));
    } else if (shape instanceof Scene.Text t) {
      double width = RichText.width(t.text(), t.size(), t.bold());
      double x = t.anchor() == Scene.Anchor.MIDDLE ? t.x() - width / 2 : t.x();
      add(scene, x, t.y() - t.size());
      add(scene, x + width, t.y() + 0.3 * t.size());
    }
  }

  private void add(Scene scene, double x, double y) {
    double cx = scene.dx() + scene.scale() * x;
    double cy = scene.dy() + scene.scale() * y;
    left = Math.min(left, cx);
    top = Math.min(top, cy);
    right = Math.max(right, cx);
    bottom = Math.max(bottom, cy);
  }

  /** The box {@code x y width height} around the graph with {@code margin} on each side, within the canvas. */
  double[] box(Scene scene, double margin) {
    if (left > right) {
      return new double[] {0, 0, scene.width(), scene.height()};
    }
    double x = Math.max(0, Math.floor(left - margin));
    double y = Math.max(0, Math.floor(top - margin));
    return new double[] {x, y, Math.min(scene.width(), Math.ceil(right + margin)) - x,
        Math.min(scene.height(), Math.ceil(bottom + margin)) - y};
  }
}
