package org.gradframes.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Markdown page of the advanced example, as pandoc reads it (its own Markdown, and GitHub's). */
class MarkdownClientsTest {
  @TempDir static Path dir;
  static Path md;
  static List<String> captions;

  @BeforeAll
  static void render() throws IOException {
    md = Render.sample("advanced", dir.resolve("out"), "md,svg").resolve("advanced.md");
    captions = Files.readAllLines(Path.of("src/test/resources/golden/advanced.captions"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"markdown", "gfm"})
  void pandocShowsEachCaptionOnceAndMakesNoFigureCaption(String dialect) throws Exception {
    Command.assumeInstalled("pandoc", "pandoc");
    Command run = Command.run("pandoc", "-f", dialect, "-t", "html", "--wrap=none", md.toString());
    assertEquals(0, run.exit(), run.err());
    String html = run.out();
    assertFalse(html.contains("<figure") || html.contains("<figcaption"), "no figure caption from the alt text: " + html);
    List<String> alts = new ArrayList<>();
    Matcher alt = Pattern.compile("alt=\"([^\"]*)\"").matcher(html);
    while (alt.find()) {
      alts.add(alt.group(1));
    }
    assertEquals(List.of("Frame 1", "Frame 2", "Frame 3", "Frame 4", "Frame 5", "Frame 6", "Frame 7"), alts);
    List<String> lines = Arrays.stream(html.split("<br />|</p>|\n"))
        .map(line -> line.replaceAll("<[^>]*>", "").replace("&gt;", ">").replace("&lt;", "<").replace("&amp;", "&")
            .replaceAll("^Frame \\d+\\. ", "").strip())
        .toList();
    for (String caption : captions) {
      for (String line : caption.split("; ")) {
        assertEquals(1, lines.stream().filter(line::equals).count(), "'" + line + "' once in " + html);
      }
    }
  }
}
