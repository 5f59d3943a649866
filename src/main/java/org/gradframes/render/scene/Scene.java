package org.gradframes.render.scene;

import java.util.List;
import java.util.Objects;
import org.gradframes.layout.Point;

/**
 * One frame as shapes in points, ready for any format to write: the shapes are drawn at {@code scale} and moved by
 * ({@code dx}, {@code dy}) on a canvas of {@code width} by {@code height}.
 */
public record Scene(double width, double height, double scale, double dx, double dy, Style background,
    String fontFamily, String title, String description, List<Group> groups) {
  public Scene {
    groups = List.copyOf(groups);
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(description, "description");
  }

  /**
   * A group of shapes with an id, classes, a tooltip and a longer description. Groups that look the same are the
   * same object from frame to frame, so a writer may keep what it made of one ({@code key} tells them apart).
   */
  public record Group(String id, String classes, String title, String description, List<Shape> shapes,
      Object key) {
    public Group {
      Objects.requireNonNull(classes, "classes");
      shapes = List.copyOf(shapes);
    }
  }

  /**
   * How a shape is painted: a class naming its kind ({@code box}, {@code grad}, {@code line}), so that a format
   * with stylesheets can style by class, and the same paint resolved from the theme. {@code dash} is a list of
   * lengths, empty for a solid line.
   */
  public record Style(String cls, String fill, String stroke, double strokeWidth, List<Double> dash) {
    public Style {
      Objects.requireNonNull(cls, "cls");
      dash = List.copyOf(dash);
    }
  }

  /** A shape of a scene. */
  public sealed interface Shape {
    /** How the shape is painted. */
    Style style();

    /** The same shape painted with {@code style}. */
    Shape withStyle(Style style);
  }

  /** A rounded rectangle. */
  public record Box(double x, double y, double width, double height, double radius, Style style) implements Shape {
    @Override
    public Shape withStyle(Style paint) {
      return new Box(x, y, width, height, radius, paint);
    }
  }

  /** A cubic B&eacute;zier spline: a start point then groups of three points. */
  public record Curve(List<Point> points, Style style) implements Shape {
    public Curve {
      points = List.copyOf(points);
    }

    @Override
    public Shape withStyle(Style paint) {
      return new Curve(points, paint);
    }
  }

  /** A filled polygon. */
  public record Polygon(List<Point> points, Style style) implements Shape {
    public Polygon {
      points = List.copyOf(points);
    }

    @Override
    public Shape withStyle(Style paint) {
      return new Polygon(points, paint);
    }
  }

  /** A line of rich text (see {@code RichText}); {@code y} is its baseline. */
  public record Text(double x, double y, String text, double size, boolean bold, Style style, Anchor anchor)
      implements Shape {
    @Override
    public Shape withStyle(Style paint) {
      return new Text(x, y, text, size, bold, paint, anchor);
    }
  }

  /** Where a text's {@code x} is: its start or its middle. */
  public enum Anchor { START, MIDDLE }
}
