package org.gradframes.render.format;

import java.awt.Dimension;
import java.awt.geom.Rectangle2D;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import javax.xml.namespace.QName;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.ooxml.POIXMLTypeLoader;
import org.apache.poi.sl.usermodel.Placeholder;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFGroupShape;
import org.apache.poi.xslf.usermodel.XSLFNotes;
import org.apache.poi.xslf.usermodel.XSLFShape;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFTextShape;
import org.apache.poi.xslf.usermodel.XSLFTheme;
import org.apache.xmlbeans.XmlOptions;
import org.gradframes.render.scene.Scene;
import org.openxmlformats.schemas.drawingml.x2006.main.CTNonVisualDrawingProps;
import org.openxmlformats.schemas.drawingml.x2006.main.CTTextFont;
import org.openxmlformats.schemas.presentationml.x2006.main.CTBackgroundProperties;
import org.openxmlformats.schemas.presentationml.x2006.main.CTGroupShape;
import org.openxmlformats.schemas.presentationml.x2006.main.CTShape;

/**
 * One PowerPoint deck of every frame with Apache POI, a 16:9 slide per frame: each node and edge a group of native
 * shapes named by its id ({@code node-u1}), boxes as rounded rectangles, edges as freeform curves with filled
 * arrowheads, text as text boxes with real sub- and superscripts in the theme's font, the drawing scaled to fit the
 * slide and centred. The caption is on the slide and in its speaker notes. A node or edge that looks as it did on an
 * earlier slide is drawn once and its XML written again, and slides are streamed into the file one at a time, whose
 * entries all carry one fixed date: the same frames give the same bytes.
 */
public final class PptxFormat implements Format {
  /** The slide, 13.333 by 7.5 inches, in points. */
  static final int SLIDE_WIDTH = 960;
  static final int SLIDE_HEIGHT = 540;
  /** The date of every entry and of the document's properties. */
  private static final LocalDateTime FIXED_TIME = LocalDateTime.of(2026, 1, 1, 0, 0);
  private static final Pattern SLIDE_PART = Pattern.compile("ppt/slides/slide(\\d+)\\.xml");
  private static final String PML = "http://schemas.openxmlformats.org/presentationml/2006/main";
  private static final String DML = "http://schemas.openxmlformats.org/drawingml/2006/main";
  private static final String END_OF_SHAPES = "</p:spTree>";

  @Override
  public String name() {
    return "pptx";
  }

  /** {@inheritDoc} Measured on long chains and the network: each slide repeats the XML of its nodes and edges, about 125 bytes each. */
  @Override
  public long estimatedBytes(Deck deck) {
    return 125 * deck.elements() * deck.frames();
  }

  @Override
  public String summary() {
    return "one PowerPoint deck of native shapes, a 16:9 slide per frame, the caption in its notes, NAME.pptx";
  }

  @Override
  public Phase phase() {
    return Phase.DECK;
  }

  @Override
  public void write(Deck deck, FileSink sink) throws IOException {
    byte[] outline = outline(deck);
    try (Slides slides = new Slides(deck.drawing().scene(0));
        ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(outline));
        ZipOutputStream out = new ZipOutputStream(new BufferedOutputStream(
            sink.create(deck.info().program() + ".pptx")))) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        ZipEntry copy = new ZipEntry(entry.getName());
        copy.setTimeLocal(FIXED_TIME);
        out.putNextEntry(copy);
        Matcher slide = SLIDE_PART.matcher(entry.getName());
        if (slide.matches()) {
          slides.write(deck.drawing().scene(Integer.parseInt(slide.group(1)) - 1), out);
        } else {
          in.transferTo(out);
        }
        out.closeEntry();
      }
    }
  }

  /**
   * The deck without its drawings: a slide per frame with the caption in its notes, the slide size, the theme's
   * font and the document's properties. Its slides are empty: {@link Slides} writes each in place of its part.
   */
  private static byte[] outline(Deck deck) throws IOException {
    try (XMLSlideShow show = new XMLSlideShow()) {
      show.setPageSize(new Dimension(SLIDE_WIDTH, SLIDE_HEIGHT));
      properties(show.getProperties(), deck);
      font(show.getSlideMasters().get(0).getTheme(), deck.drawing().scene(0).fontFamily());
      for (int i = 0; i < deck.drawing().frameCount(); i++) {
        notes(show.getNotesSlide(show.createSlide()), deck.drawing().caption(i));
      }
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      show.write(bytes);
      return bytes.toByteArray();
    }
  }

  private static void properties(POIXMLProperties properties, Deck deck) {
    POIXMLProperties.CoreProperties core = properties.getCoreProperties();
    Date fixed = Date.from(FIXED_TIME.toInstant(ZoneOffset.UTC));
    core.setCreated(Optional.of(fixed));
    core.setModified(Optional.of(fixed));
    core.setCreator(deck.info().generator());
    core.setTitle(deck.info().program());
    var extended = properties.getExtendedProperties().getUnderlyingProperties();
    extended.setApplication(deck.info().generator());
    extended.setPresentationFormat("Widescreen");
    extended.setSlides(deck.drawing().frameCount());
    extended.setNotes(deck.drawing().frameCount());
  }

  /**
   * Makes the first font of {@code family} the theme's body font, which every text box uses: Liberation Sans, with
   * Arial's PANOSE number and family (swiss, variable pitch), so that where it is missing Arial, with the same
   * widths, takes its place.
   */
  private static void font(XSLFTheme theme, String family) {
    String first = family.split(",")[0].strip();
    CTTextFont latin = theme.getXmlObject().getThemeElements().getFontScheme().getMinorFont().getLatin();
    latin.setTypeface(first.isEmpty() ? "Arial" : first);
    latin.setPanose(new byte[] {2, 11, 6, 4, 2, 2, 2, 2, 2, 4});
    latin.setPitchFamily((byte) 0x22);
  }

  /** Puts the caption in the notes, under a picture of the slide as wide as the master's and 16:9. */
  private static void notes(XSLFNotes notes, String caption) {
    for (XSLFTextShape shape : notes.getPlaceholders()) {
      if (shape.getTextType() == Placeholder.BODY) {
        shape.setText(caption);
      } else if (shape.getTextType() == Placeholder.SLIDE_IMAGE) {
        Rectangle2D box = shape.getAnchor();
        double height = box.getWidth() * SLIDE_HEIGHT / SLIDE_WIDTH;
        shape.setAnchor(new Rectangle2D.Double(box.getX(), box.getCenterY() - height / 2, box.getWidth(), height));
      }
    }
  }

  /**
   * Writes the XML of slides: each node or edge is drawn with POI once, alone on a scratch slide (POI looks through
   * every shape of a slide for each group it makes), and its XML kept for the later slides that show it again. Each
   * group takes shape ids of its own, so that no two shapes of a slide share one.
   */
  private static final class Slides implements AutoCloseable {
    private final XMLSlideShow scratch = new XMLSlideShow();
    private final XSLFSlide sheet = scratch.createSlide();
    private final Map<Object, byte[]> groups = new HashMap<>();
    private final XmlOptions groupOptions = new XmlOptions(POIXMLTypeLoader.DEFAULT_XML_OPTIONS);
    private final byte[] start;
    private final byte[] end;
    private long nextId = 2;

    Slides(Scene first) throws IOException {
      background(sheet, first.background().fill());
      XmlOptions options = new XmlOptions(POIXMLTypeLoader.DEFAULT_XML_OPTIONS);
      options.setSaveSyntheticDocumentElement(new QName(PML, "sld"));
      ByteArrayOutputStream empty = new ByteArrayOutputStream();
      sheet.getXmlObject().save(empty, options);
      String xml = empty.toString(StandardCharsets.UTF_8);
      int cut = xml.lastIndexOf(END_OF_SHAPES);
      start = xml.substring(0, cut).getBytes(StandardCharsets.UTF_8);
      end = xml.substring(cut).getBytes(StandardCharsets.UTF_8);
      // Inside a slide the prefixes p and a are declared once, on its root.
      groupOptions.setSaveOuter();
      groupOptions.setSaveNoXmlDecl();
      groupOptions.setSaveImplicitNamespaces(Map.of("p", PML, "a", DML));
    }

    /** Writes the slide of {@code scene} to {@code out}. */
    void write(Scene scene, OutputStream out) throws IOException {
      PptxShapes shapes = PptxShapes.fitting(scene);
      out.write(start);
      for (Scene.Group group : scene.groups()) {
        if (group.key() == null) {
          out.write(draw(shapes, group));
        } else {
          byte[] xml = groups.get(group.key());
          if (xml == null) {
            xml = draw(shapes, group);
            groups.put(group.key(), xml);
          }
          out.write(xml);
        }
      }
      out.write(end);
    }

    private byte[] draw(PptxShapes shapes, Scene.Group group) throws IOException {
      XSLFGroupShape shape = sheet.createGroup();
      try {
        shapes.group(shape, group);
        number(((CTGroupShape) shape.getXmlObject()).getNvGrpSpPr().getCNvPr());
        for (XSLFShape child : shape.getShapes()) {
          number(((CTShape) child.getXmlObject()).getNvSpPr().getCNvPr());
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        shape.getXmlObject().save(bytes, groupOptions);
        return bytes.toByteArray();
      } finally {
        sheet.clear();
      }
    }

    private void number(CTNonVisualDrawingProps properties) {
      properties.setId(nextId++);
    }

    @Override
    public void close() throws IOException {
      scratch.close();
    }
  }

  /** Paints the whole slide in the scene's background colour. */
  private static void background(XSLFSlide slide, String hex) {
    CTBackgroundProperties properties = slide.getXmlObject().getCSld().addNewBg().addNewBgPr();
    properties.addNewSolidFill().addNewSrgbClr().setVal(PptxShapes.rgb(hex));
    properties.addNewEffectLst();
  }
}
