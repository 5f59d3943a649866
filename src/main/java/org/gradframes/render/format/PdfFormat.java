package org.gradframes.render.format;

import java.awt.Color;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.io.RandomAccessStreamCache;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.apache.pdfbox.util.Matrix;
import org.gradframes.layout.Point;
import org.gradframes.render.scene.Scene;
import org.gradframes.render.text.Fonts;
import org.gradframes.render.text.RichText;

/**
 * One PDF of every frame with PDFBox, a page per frame of the canvas's size: vector shapes and real text in
 * Liberation Sans, embedded as a subset. Bold text is filled and stroked, as the font has no bold face here. Page
 * contents are kept in temporary files, not in memory, until the document is saved.
 */
public final class PdfFormat implements Format {
  /** Where the pages are kept until the PDF is saved: a file in the temporary folder given. */
  private final java.util.function.Function<Path, RandomAccessStreamCache.StreamCacheCreateFunction> caches;

  /** The PDF format, its pages kept in a file of the system's temporary folder. */
  public PdfFormat() {
    this(folder -> MemoryUsageSetting.setupTempFileOnly().setTempDir(folder.toFile()).streamCache);
  }

  /** The PDF format, its pages kept where {@code caches} says for a temporary folder. */
  PdfFormat(java.util.function.Function<Path, RandomAccessStreamCache.StreamCacheCreateFunction> caches) {
    this.caches = caches;
  }

  private static final double KAPPA = 0.5523;
  private static final long DOCUMENT_ID = 0x6772616466L;
  /** The version pdflatex includes without a warning. */
  private static final float PDF_VERSION = 1.5f;
  /** Half the side of every form's bounding box, in points: larger than any drawing. */
  private static final float FORM_EXTENT = 100_000;

  @Override
  public String name() {
    return "pdf";
  }

  /**
   * {@inheritDoc} Measured on long chains and the network: the embedded font, about 2 KB a page for its caption and
   * frame, and about 30 bytes for each node and edge a page places from the shared forms.
   */
  @Override
  public long estimatedBytes(Deck deck) {
    return 60_000 + deck.frames() * (2_000 + 30 * deck.elements());
  }

  @Override
  public String summary() {
    return "one vector PDF, a page per frame, NAME.pdf";
  }

  @Override
  public Phase phase() {
    return Phase.DECK;
  }

  /**
   * {@inheritDoc} The pages are kept in a file of the temporary folder until the PDF is saved; a failure to write
   * that file is a {@link TemporaryFolderException}.
   */
  @Override
  public void write(Deck deck, FileSink sink) throws IOException {
    Path temporary = TemporaryFolderException.system();
    try (PDDocument doc = new PDDocument(caches.apply(temporary))) {
      try {
        pages(deck, doc);
      } catch (IOException e) {
        throw new TemporaryFolderException(temporary, "the PDF's pages", e);
      }
      try (OutputStream out = new BufferedOutputStream(sink.create(deck.info().program() + ".pdf"))) {
        // Without object streams, which PDFBox marks as PDF 1.6 and pdflatex warns about on every page it includes.
        doc.save(out, CompressParameters.NO_COMPRESSION);
      }
    }
  }

  private static void pages(Deck deck, PDDocument doc) throws IOException {
    doc.setDocumentId(DOCUMENT_ID);
    doc.setVersion(PDF_VERSION);
    PDType0Font font;
    try (InputStream in = Fonts.stream()) {
      font = PDType0Font.load(doc, in, true);
    }
    Map<Object, PDFormXObject> forms = new HashMap<>();
    for (int i = 0; i < deck.drawing().frameCount(); i++) {
      Scene scene = deck.drawing().scene(i);
      PDPage page = new PDPage(new PDRectangle((float) scene.width(), (float) scene.height()));
      doc.addPage(page);
      try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
        new Page(cs, font).paint(scene, doc, forms);
      }
    }
  }

  /**
   * Paints one scene into one page's content stream. A node or edge that looks as it did on an earlier page is
   * drawn from the same form XObject, written once in the file.
   */
  private record Page(PDPageContentStream cs, PDType0Font font) {
    void paint(Scene scene, PDDocument doc, Map<Object, PDFormXObject> forms) throws IOException {
      cs.setNonStrokingColor(color(scene.background().fill()));
      cs.addRect(0, 0, (float) scene.width(), (float) scene.height());
      cs.fill();
      cs.transform(new Matrix(1, 0, 0, -1, 0, (float) scene.height()));
      cs.transform(new Matrix((float) scene.scale(), 0, 0, (float) scene.scale(), (float) scene.dx(),
          (float) scene.dy()));
      for (Scene.Group group : scene.groups()) {
        if (group.key() == null) {
          for (Scene.Shape shape : group.shapes()) {
            shape(shape);
          }
          continue;
        }
        PDFormXObject form = forms.get(group.key());
        if (form == null) {
          // An appearance stream is a form XObject that PDFBox can paint into with a content stream.
          PDAppearanceStream appearance = new PDAppearanceStream(doc);
          appearance.setBBox(new PDRectangle(-FORM_EXTENT, -FORM_EXTENT, 2 * FORM_EXTENT, 2 * FORM_EXTENT));
          appearance.setResources(new PDResources());
          form = appearance;
          try (PDPageContentStream fcs = new PDPageContentStream(doc, appearance)) {
            Page inner = new Page(fcs, font);
            for (Scene.Shape shape : group.shapes()) {
              inner.shape(shape);
            }
          }
          forms.put(group.key(), form);
        }
        cs.drawForm(form);
      }
    }

    private void shape(Scene.Shape shape) throws IOException {
      if (shape instanceof Scene.Box b) {
        stroke(b.style());
        cs.setNonStrokingColor(color(b.style().fill()));
        roundedRect(b);
        cs.fillAndStroke();
      } else if (shape instanceof Scene.Curve c) {
        stroke(c.style());
        List<Point> p = c.points();
        cs.moveTo((float) p.get(0).x(), (float) p.get(0).y());
        for (int i = 1; i < p.size(); i += 3) {
          cs.curveTo((float) p.get(i).x(), (float) p.get(i).y(), (float) p.get(i + 1).x(), (float) p.get(i + 1).y(),
              (float) p.get(i + 2).x(), (float) p.get(i + 2).y());
        }
        cs.stroke();
      } else if (shape instanceof Scene.Polygon g) {
        cs.setNonStrokingColor(color(g.style().fill()));
        cs.moveTo((float) g.points().get(0).x(), (float) g.points().get(0).y());
        for (Point p : g.points().subList(1, g.points().size())) {
          cs.lineTo((float) p.x(), (float) p.y());
        }
        cs.closePath();
        cs.fill();
      } else if (shape instanceof Scene.Text t) {
        text(t);
      }
    }

    private void stroke(Scene.Style style) throws IOException {
      cs.setStrokingColor(color(style.stroke()));
      cs.setLineWidth((float) style.strokeWidth());
      float[] dash = new float[style.dash().size()];
      for (int i = 0; i < dash.length; i++) {
        dash[i] = style.dash().get(i).floatValue();
      }
      cs.setLineDashPattern(dash, 0);
    }

    private void roundedRect(Scene.Box b) throws IOException {
      float x = (float) b.x();
      float y = (float) b.y();
      float w = (float) b.width();
      float h = (float) b.height();
      float r = (float) Math.min(b.radius(), Math.min(w, h) / 2);
      float k = (float) (r * KAPPA);
      cs.moveTo(x + r, y);
      cs.lineTo(x + w - r, y);
      cs.curveTo(x + w - r + k, y, x + w, y + r - k, x + w, y + r);
      cs.lineTo(x + w, y + h - r);
      cs.curveTo(x + w, y + h - r + k, x + w - r + k, y + h, x + w - r, y + h);
      cs.lineTo(x + r, y + h);
      cs.curveTo(x + r - k, y + h, x, y + h - r + k, x, y + h - r);
      cs.lineTo(x, y + r);
      cs.curveTo(x, y + r - k, x + r - k, y, x + r, y);
      cs.closePath();
    }

    private void text(Scene.Text t) throws IOException {
      Color fill = color(t.style().fill());
      cs.setNonStrokingColor(fill);
      cs.setStrokingColor(fill);
      cs.setLineDashPattern(new float[0], 0);
      double x = t.anchor() == Scene.Anchor.MIDDLE ? t.x() - RichText.width(t.text(), t.size(), t.bold()) / 2 : t.x();
      for (RichText.Run run : RichText.runs(t.text())) {
        double size = run.script() == RichText.Script.NORMAL ? t.size() : t.size() * RichText.SCRIPT_SCALE;
        cs.beginText();
        cs.setFont(font, (float) size);
        if (t.bold()) {
          cs.setRenderingMode(RenderingMode.FILL_STROKE);
          cs.setLineWidth((float) (size * 0.035));
        } else {
          cs.setRenderingMode(RenderingMode.FILL);
        }
        cs.setTextMatrix(new Matrix(1, 0, 0, -1, (float) x,
            (float) (t.y() + RichText.shift(run.script(), t.size()))));
        cs.showText(Fonts.displayable(run.text()));
        cs.endText();
        x += Fonts.width(run.text(), size, t.bold());
      }
    }

    private static Color color(String hex) {
      return new Color(Integer.parseInt(hex.substring(1), 16));
    }
  }
}
