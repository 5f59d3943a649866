package org.gradframes.layout;

/** A point in layout coordinates: points (1/72 inch), y growing downwards. */
public record Point(double x, double y) {
  /** The distance to {@code other}. */
  public double distance(Point other) {
    return Math.hypot(other.x - x, other.y - y);
  }
}
