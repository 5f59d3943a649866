package org.gradframes.render;

import java.util.List;
import java.util.Objects;
import org.gradframes.layout.Point;

/**
 * One frame as shapes in points, ready to write as SVG, PDF or PNG. The shapes are drawn at {@code scale} and
 * moved by ({@code dx}, {@code dy}) on a canvas of {@code width} by {@code height}.
 */
record Scene(double width, double height, double scale, double dx, double dy, Style background, String fontFamily,
    String rootClass, String css, String title, String description, List<Group> groups) {
  Scene {
    groups = List.copyOf(groups);
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(description, "description");
  }

  /**
   * A group of shapes with an SVG id, classes, a tooltip and a longer description; or, for SVG output only, a
   * group already written as SVG text ({@code svg} not null, no shapes).
   */
  record Group(String id, String classes, String title, String description, List<Shape> shapes, String svg) {
    Group {
      Objects.requireNonNull(classes, "classes");
      shapes = List.copyOf(shapes);
    }

    Group(String id, String classes, String title, String description, List<Shape> shapes) {
      this(id, classes, title, description, shapes, null);
    }

    static Group written(String svg) {
      return new Group("", "", null, null, List.of(), svg);
    }
  }

  /**
   * How a shape is painted: a CSS class (SVG frames style by class, from the stylesheet) and the same paint
   * resolved (PNG and PDF frames paint with it). {@code dash} is a list of lengths, empty for a solid line.
   */
  record Style(String cls, String fill, String stroke, double strokeWidth, List<Double> dash) {
    Style {
      Objects.requireNonNull(cls, "cls");
      dash = List.copyOf(dash);
    }
  }

  /** A shape of a scene. */
  sealed interface Shape {
    Style style();
  }

  /** A rounded rectangle. */
  record Box(double x, double y, double width, double height, double radius, Style style) implements Shape {}

  /** A cubic B&eacute;zier spline: a start point then groups of three points. */
  record Curve(List<Point> points, Style style) implements Shape {
    Curve {
      points = List.copyOf(points);
    }
  }

  /** A filled polygon. */
  record Polygon(List<Point> points, Style style) implements Shape {
    Polygon {
      points = List.copyOf(points);
    }
  }

  /** A line of rich text (see {@link RichText}); {@code y} is its baseline. */
  record Text(double x, double y, String text, double size, boolean bold, Style style, Anchor anchor)
      implements Shape {}

  /** Where a text's {@code x} is: its start or its middle. */
  enum Anchor { START, MIDDLE }
}
