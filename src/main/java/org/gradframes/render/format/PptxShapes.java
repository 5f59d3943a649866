package org.gradframes.render.format;

import java.awt.Color;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import org.apache.poi.sl.usermodel.Insets2D;
import org.apache.poi.sl.usermodel.ShapeType;
import org.apache.poi.sl.usermodel.TextParagraph.TextAlign;
import org.apache.poi.sl.usermodel.TextShape.TextAutofit;
import org.apache.poi.sl.usermodel.VerticalAlignment;
import org.apache.poi.xslf.usermodel.XSLFAutoShape;
import org.apache.poi.xslf.usermodel.XSLFFreeformShape;
import org.apache.poi.xslf.usermodel.XSLFGroupShape;
import org.apache.poi.xslf.usermodel.XSLFShape;
import org.apache.poi.xslf.usermodel.XSLFSimpleShape;
import org.apache.poi.xslf.usermodel.XSLFTextBox;
import org.apache.poi.xslf.usermodel.XSLFTextParagraph;
import org.apache.poi.xslf.usermodel.XSLFTextRun;
import org.gradframes.layout.Point;
import org.gradframes.render.scene.Scene;
import org.gradframes.render.text.RichText;
import org.openxmlformats.schemas.drawingml.x2006.main.CTDashStop;
import org.openxmlformats.schemas.drawingml.x2006.main.CTDashStopList;
import org.openxmlformats.schemas.drawingml.x2006.main.CTGeomGuide;
import org.openxmlformats.schemas.drawingml.x2006.main.CTNonVisualDrawingProps;
import org.openxmlformats.schemas.drawingml.x2006.main.CTPresetGeometry2D;
import org.openxmlformats.schemas.drawingml.x2006.main.CTTextCharacterProperties;
import org.openxmlformats.schemas.presentationml.x2006.main.CTGroupShape;
import org.openxmlformats.schemas.presentationml.x2006.main.CTShape;

/**
 * A scene's groups as POI shapes on a slide: scene points are placed by the scene's own scale and offset, then scaled
 * by {@code fit} and moved by ({@code left}, {@code top}), so that the canvas sits centred on the 16:9 slide.
 */
record PptxShapes(Scene scene, double fit, double left, double top) {
  /**
   * How far below its top a text box with no insets puts its first baseline, in ems of the line's largest run:
   * LibreOffice sets Liberation Sans so at single spacing (measured).
   */
  private static final double FIRST_BASELINE = 1.0;
  /** How far a line of text reaches below its baseline, in ems. */
  private static final double DESCENT = 0.25;
  /** The share of its size at which office programs draw a run shifted off the baseline. */
  private static final double SHIFTED_RUN_SCALE = 0.58;
  /** The smallest font size a deck may hold, in points. */
  private static final double SMALLEST_SIZE = 1;

  /** The shapes of {@code scene}, its canvas scaled to fit the slide. */
  static PptxShapes fitting(Scene scene) {
    double fit = Math.min(PptxFormat.SLIDE_WIDTH / scene.width(), PptxFormat.SLIDE_HEIGHT / scene.height());
    return new PptxShapes(scene, fit, (PptxFormat.SLIDE_WIDTH - fit * scene.width()) / 2,
        (PptxFormat.SLIDE_HEIGHT - fit * scene.height()) / 2);
  }

  private double x(double x) {
    return left + fit * (scene.dx() + scene.scale() * x);
  }

  private double y(double y) {
    return top + fit * (scene.dy() + scene.scale() * y);
  }

  private double length(double length) {
    return fit * scene.scale() * length;
  }

  /**
   * Draws {@code group} into {@code shape}, named by the group's id and described by its tooltip, each shape named
   * by the id and its kind ({@code node-u1 box}).
   */
  void group(XSLFGroupShape shape, Scene.Group group) {
    String id = group.id() == null ? "group" : group.id();
    name(((CTGroupShape) shape.getXmlObject()).getNvGrpSpPr().getCNvPr(), id, group.title());
    Rectangle2D bounds = null;
    for (Scene.Shape s : group.shapes()) {
      XSLFSimpleShape made = shape(shape, s);
      name(((CTShape) made.getXmlObject()).getNvSpPr().getCNvPr(), id + " " + s.style().cls(), null);
      bounds = bounds == null ? made.getAnchor() : bounds.createUnion(made.getAnchor());
    }
    if (bounds != null) {
      // The group's own coordinates are the slide's.
      shape.setAnchor(bounds);
      shape.setInteriorAnchor(bounds);
    }
  }

  private static void name(CTNonVisualDrawingProps properties, String name, String description) {
    properties.setName(name);
    if (description != null && !description.isEmpty()) {
      properties.setDescr(description);
    }
  }

  private XSLFSimpleShape shape(XSLFGroupShape group, Scene.Shape shape) {
    if (shape instanceof Scene.Box b) {
      return box(group.createAutoShape(), b);
    } else if (shape instanceof Scene.Curve c) {
      return curve(group.createFreeform(), c);
    } else if (shape instanceof Scene.Polygon p) {
      return polygon(group.createFreeform(), p);
    }
    return text(group.createTextBox(), (Scene.Text) shape);
  }

  private XSLFSimpleShape box(XSLFAutoShape shape, Scene.Box b) {
    double width = length(b.width());
    double height = length(b.height());
    shape.setShapeType(b.radius() > 0 ? ShapeType.ROUND_RECT : ShapeType.RECT);
    shape.setAnchor(new Rectangle2D.Double(x(b.x()), y(b.y()), width, height));
    if (b.radius() > 0 && Math.min(width, height) > 0) {
      // The corner's radius as a share of the shorter side, in 100,000ths, at most half of it.
      long share = Math.round(Math.min(0.5, length(b.radius()) / Math.min(width, height)) * 100_000);
      CTPresetGeometry2D geometry = ((CTShape) shape.getXmlObject()).getSpPr().getPrstGeom();
      CTGeomGuide corner = (geometry.isSetAvLst() ? geometry.getAvLst() : geometry.addNewAvLst()).addNewGd();
      corner.setName("adj");
      corner.setFmla("val " + share);
    }
    shape.setFillColor(color(b.style().fill()));
    stroke(shape, b.style());
    return shape;
  }

  private XSLFSimpleShape curve(XSLFFreeformShape shape, Scene.Curve c) {
    List<Point> p = c.points();
    Path2D.Double path = new Path2D.Double();
    path.moveTo(x(p.get(0).x()), y(p.get(0).y()));
    for (int i = 1; i + 2 < p.size(); i += 3) {
      path.curveTo(x(p.get(i).x()), y(p.get(i).y()), x(p.get(i + 1).x()), y(p.get(i + 1).y()),
          x(p.get(i + 2).x()), y(p.get(i + 2).y()));
    }
    shape.setPath(path);
    shape.setFillColor(null);
    stroke(shape, c.style());
    return shape;
  }

  private XSLFSimpleShape polygon(XSLFFreeformShape shape, Scene.Polygon g) {
    Path2D.Double path = new Path2D.Double();
    path.moveTo(x(g.points().get(0).x()), y(g.points().get(0).y()));
    for (Point p : g.points().subList(1, g.points().size())) {
      path.lineTo(x(p.x()), y(p.y()));
    }
    path.closePath();
    shape.setPath(path);
    shape.setFillColor(color(g.style().fill()));
    shape.setLineColor(null);
    return shape;
  }

  private void stroke(XSLFSimpleShape shape, Scene.Style style) {
    shape.setLineColor(color(style.stroke()));
    shape.setLineWidth(length(style.strokeWidth()));
    if (style.dash().size() >= 2 && style.strokeWidth() > 0) {
      CTDashStopList dashes = ((CTShape) shape.getXmlObject()).getSpPr().getLn().addNewCustDash();
      for (int i = 0; i + 1 < style.dash().size(); i += 2) {
        // Dashes and gaps in 1,000ths of a percent of the line's width.
        CTDashStop stop = dashes.addNewDs();
        stop.setD(Math.round(style.dash().get(i) / style.strokeWidth() * 100_000));
        stop.setSp(Math.round(style.dash().get(i + 1) / style.strokeWidth() * 100_000));
      }
    }
  }

  /** A text box of one line, its first baseline on the text's, no insets, no wrapping, no fitting. */
  private XSLFSimpleShape text(XSLFTextBox box, Scene.Text t) {
    double size = length(t.size());
    double width = RichText.width(t.text(), size, t.bold());
    double x = x(t.x()) - (t.anchor() == Scene.Anchor.MIDDLE ? width / 2 : 0);
    double ascent = ascent(t.text(), size);
    box.setInsets(new Insets2D(0, 0, 0, 0));
    box.setWordWrap(false);
    box.setTextAutofit(TextAutofit.NONE);
    box.setVerticalAlignment(VerticalAlignment.TOP);
    box.setAnchor(new Rectangle2D.Double(x, y(t.y()) - ascent, width, ascent + DESCENT * size));
    box.clearText();
    XSLFTextParagraph paragraph = box.addNewTextParagraph();
    paragraph.setTextAlign(t.anchor() == Scene.Anchor.MIDDLE ? TextAlign.CENTER : TextAlign.LEFT);
    for (RichText.Run run : RichText.runs(t.text())) {
      run(paragraph.addNewTextRun(), run, size, t);
    }
    return box;
  }

  /**
   * How far the first baseline of a text box of this text sits below its top: office programs make room for the
   * largest run's full size, and for a superscript's drawn size raised by its shift.
   */
  private static double ascent(String text, double size) {
    double ascent = 0;
    for (RichText.Run run : RichText.runs(text)) {
      double runSize = runSize(run, size);
      double drawn = run.script() == RichText.Script.NORMAL ? runSize : runSize * SHIFTED_RUN_SCALE;
      ascent = Math.max(ascent, Math.max(FIRST_BASELINE * runSize,
          FIRST_BASELINE * drawn - RichText.shift(run.script(), size)));
    }
    return ascent;
  }

  /**
   * The size a run is given: office programs draw a run shifted off the baseline at 58% of its size, so a sub- or
   * superscript is given the size at which it is drawn as large as in the other formats. Text of a graph so large
   * that it shrinks below a point on the slide is given a point, the smallest size a deck may hold.
   */
  private static double runSize(RichText.Run run, double size) {
    double runSize = run.script() == RichText.Script.NORMAL ? size : size * RichText.SCRIPT_SCALE / SHIFTED_RUN_SCALE;
    return Math.max(SMALLEST_SIZE, runSize);
  }

  private static void run(XSLFTextRun r, RichText.Run run, double size, Scene.Text t) {
    r.setText(run.text());
    double runSize = runSize(run, size);
    r.setFontSize(runSize);
    if (t.bold()) {
      r.setBold(true);
    }
    r.setFontColor(color(t.style().fill()));
    CTTextCharacterProperties properties = r.getRPr(true);
    if (run.script() != RichText.Script.NORMAL) {
      // The shift as a share of the run's size, upwards, in 1,000ths of a percent.
      properties.setBaseline((int) Math.round(-100_000 * RichText.shift(run.script(), size) / runSize));
    }
    properties.setNoProof(true);
  }

  static Color color(String hex) {
    return new Color(Integer.parseInt(hex.substring(1), 16));
  }

  static byte[] rgb(String hex) {
    Color c = color(hex);
    return new byte[] {(byte) c.getRed(), (byte) c.getGreen(), (byte) c.getBlue()};
  }
}
