package org.gradframes.layout;

/** Where a node is drawn: its centre and size, in points. */
public record NodeBox(int node, double centerX, double centerY, double width, double height) {
  public double left() {
    return centerX - width / 2;
  }

  public double top() {
    return centerY - height / 2;
  }
}
