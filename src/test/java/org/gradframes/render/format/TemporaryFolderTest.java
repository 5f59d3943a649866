package org.gradframes.render.format;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.io.RandomAccess;
import org.apache.pdfbox.io.RandomAccessStreamCache;
import org.gradframes.pipeline.Gradframes;
import org.gradframes.pipeline.RenderOptions;
import org.gradframes.pipeline.Rendering;
import org.junit.jupiter.api.Test;

/** A temporary folder that cannot be written is named as such, never blamed on the output folder. */
class TemporaryFolderTest {
  /** A temporary folder with no space left: every file PDFBox keeps there fails. */
  private static final class Full implements RandomAccessStreamCache {
    @Override
    public RandomAccess createBuffer() throws IOException {
      throw new IOException("No space left on device");
    }

    @Override
    public void close() {}
  }

  @Test
  void aPdfWhosePagesCannotBeKeptNamesTheTemporaryFolderAndItsSpace() throws Exception {
    Rendering r = new Gradframes(RenderOptions.builder().formats("svg").build())
        .render("chain-rule.grad", Files.readString(Path.of("samples/chain-rule.grad")));
    Path temporary = Path.of(System.getProperty("java.io.tmpdir"));
    PdfFormat pdf = new PdfFormat(folder -> Full::new);
    Deck.Info info = new Deck.Info("chain-rule", "chain-rule.grad", "gradframes", "e", "1", "", 1, 100, "ops");
    TemporaryFolderException e = assertThrows(TemporaryFolderException.class,
        () -> pdf.write(new Deck(info, r.drawing(), List.of(pdf)), name -> new ByteArrayOutputStream()));
    assertTrue(e.getMessage().startsWith("cannot write the PDF's pages to the temporary folder " + temporary + " ("),
        e.getMessage());
    assertTrue(e.getMessage().contains("MB free): No space left on device; free space there"), e.getMessage());
  }
}
