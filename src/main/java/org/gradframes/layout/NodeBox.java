package org.gradframes.layout;

/** Where a node is drawn: its centre and size, in points. */
public record NodeBox(int node, double centerX, double centerY, double width, double height) {
  public double left() {
    return centerX - width / 2;
  }

  public double top() {
    return centerY - height / 2;
  }

  /**
   * Whether the straight piece from {@code p} to {@code q} meets this box grown by {@code margin} on every side
   * (Liang and Barsky's clipping).
   */
  public boolean meets(double margin, Point p, Point q) {
    double dx = q.x() - p.x();
    double dy = q.y() - p.y();
    double[] towards = {-dx, dx, -dy, dy};
    double[] room = {p.x() - (left() - margin), left() + width + margin - p.x(), p.y() - (top() - margin),
        top() + height + margin - p.y()};
    double enter = 0;
    double leave = 1;
    for (int k = 0; k < 4; k++) {
      if (towards[k] == 0) {
        if (room[k] < 0) {
          return false;
        }
      } else {
        double t = room[k] / towards[k];
        if (towards[k] < 0) {
          enter = Math.max(enter, t);
        } else {
          leave = Math.min(leave, t);
        }
      }
    }
    return enter <= leave;
  }
}
