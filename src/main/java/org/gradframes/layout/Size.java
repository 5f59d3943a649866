package org.gradframes.layout;

/** The width and height a node needs, in points. */
public record Size(double width, double height) {
  public Size {
    if (!(width > 0) || !(height > 0)) {
      throw new IllegalArgumentException("a node size is positive: " + width + " x " + height);
    }
  }
}
