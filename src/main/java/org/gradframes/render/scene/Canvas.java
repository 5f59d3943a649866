package org.gradframes.render.scene;

/**
 * The size every frame of a program gets: the graph's own size ({@code auto}), the smallest size of an aspect
 * ratio that holds it, or a fixed size in points that the graph is scaled to fit ({@code grow}: up as well as
 * down; otherwise only down). The graph is centred.
 */
public record Canvas(double ratio, double width, double height, boolean grow) {
  /** The graph's own size. */
  public static final Canvas AUTO = new Canvas(0, 0, 0, true);

  /** A canvas of an aspect ratio, or a fixed size the graph grows or shrinks to fit. */
  public Canvas(double ratio, double width, double height) {
    this(ratio, width, height, true);
  }

  public Canvas {
    boolean finite = Double.isFinite(ratio) && Double.isFinite(width) && Double.isFinite(height);
    if (!finite || ratio < 0 || width < 0 || height < 0 || (ratio > 0 && width > 0) || (width > 0) != (height > 0)) {
      throw new IllegalArgumentException("a canvas is auto, a ratio, or a size, each part positive and finite; not"
          + " ratio " + ratio + ", size " + width + "x" + height);
    }
  }

  /** The smallest canvas of {@code width:height} that holds the graph; both sides positive and finite. */
  public static Canvas ratio(double width, double height) {
    if (!(width > 0 && height > 0 && Double.isFinite(width) && Double.isFinite(height))) {
      throw new IllegalArgumentException("a ratio's sides are positive and finite, not " + width + ":" + height);
    }
    return new Canvas(width / height, 0, 0);
  }

  public static Canvas fixed(double width, double height) {
    return new Canvas(0, width, height);
  }

  /** A fixed size that a graph is centred on, shrunk to fit when it is larger, never grown. */
  public static Canvas atMost(double width, double height) {
    return new Canvas(0, width, height, false);
  }

  /** Where a drawing of {@code w} by {@code h} goes: canvas size, scale and offset. */
  public record Placement(double width, double height, double scale, double dx, double dy) {}

  public Placement place(double w, double h) {
    if (width > 0) {
      double scale = Math.min(width / w, height / h);
      scale = grow ? scale : Math.min(1, scale);
      return new Placement(width, height, scale, (width - w * scale) / 2, (height - h * scale) / 2);
    }
    if (ratio > 0) {
      double cw = w / h >= ratio ? w : h * ratio;
      double ch = cw / ratio;
      return new Placement(cw, ch, 1, (cw - w) / 2, (ch - h) / 2);
    }
    return new Placement(w, h, 1, 0, 0);
  }
}
