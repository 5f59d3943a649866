package org.gradframes.render;

import java.util.List;
import java.util.Objects;
import org.gradframes.layout.Point;

/** One frame as shapes in points, ready to write as SVG or paint as PNG. */
record Scene(double width, double height, String background, String fontFamily, String title,
    List<Group> groups) {
  Scene {
    groups = List.copyOf(groups);
  }

  /** A group of shapes with an SVG id, classes and a tooltip. */
  record Group(String id, String classes, String title, List<Shape> shapes) {
    Group {
      Objects.requireNonNull(classes, "classes");
      shapes = List.copyOf(shapes);
    }
  }

  /** A shape of a scene. */
  sealed interface Shape {}

  /** A rounded rectangle. */
  record Box(double x, double y, double width, double height, double radius, String fill, String stroke,
      double strokeWidth) implements Shape {}

  /** A cubic B&eacute;zier spline: a start point then groups of three points. */
  record Curve(List<Point> points, String stroke, double strokeWidth) implements Shape {
    Curve {
      points = List.copyOf(points);
    }
  }

  /** A filled polygon. */
  record Polygon(List<Point> points, String fill) implements Shape {
    Polygon {
      points = List.copyOf(points);
    }
  }

  /** A line of text; {@code y} is its baseline. */
  record Text(double x, double y, String text, double size, boolean bold, String fill, Anchor anchor)
      implements Shape {}

  /** Where a text's {@code x} is: its start or its middle. */
  enum Anchor { START, MIDDLE }
}
