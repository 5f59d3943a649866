package org.gradframes.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThemeTest {
  @TempDir Path dir;

  @Test
  void defaultThemeIsReadFromTemplates() throws IOException {
    Theme theme = Theme.load("light");
    String file = Files.readString(Path.of("templates/light.theme"));
    assertTrue(file.contains("background = " + theme.text("background")));
    assertEquals(5, (int) theme.number("precision"));
  }

  @Test
  void everyKeyOfTheDefaultThemeIsDocumented() throws IOException {
    String[] lines = Files.readString(Path.of("templates/light.theme")).split("\n");
    for (int i = 0; i < lines.length; i++) {
      if (!lines[i].isBlank() && !lines[i].startsWith("#")) {
        int j = i;
        while (j > 0 && !lines[j - 1].isBlank() && !lines[j - 1].startsWith("#")) {
          j--;
        }
        assertTrue(j > 0 && lines[j - 1].startsWith("#"), "no comment above: " + lines[i]);
      }
    }
  }

  @Test
  void aThemeFileOverridesOnlyItsKeys() throws IOException {
    Path file = dir.resolve("mine.theme");
    Files.writeString(file, "# mine\nbackground = #000000\nprecision = 3\n");
    Theme theme = Theme.load(file.toString());
    assertEquals("#000000", theme.text("background"));
    assertEquals(3, (int) theme.number("precision"));
    assertEquals(Theme.load("light").text("state.done.fill"), theme.text("state.done.fill"));
  }

  @Test
  void unknownKeyIsReportedWithItsLine() throws IOException {
    Path file = dir.resolve("bad.theme");
    Files.writeString(file, "background = #000000\n\nbackgorund = #ffffff\n");
    ThemeException e = assertThrows(ThemeException.class, () -> Theme.load(file.toString()));
    assertEquals(3, e.line());
    assertTrue(e.getMessage().contains("backgorund"), e.getMessage());
  }

  @Test
  void valuesThatCouldInjectMarkupAreRejected() throws IOException {
    Path file = dir.resolve("evil.theme");
    Files.writeString(file, "state.done.fill = red\" onload=\"alert(1)\n");
    ThemeException e = assertThrows(ThemeException.class, () -> Theme.load(file.toString()));
    assertEquals(1, e.line());
    Files.writeString(file, "font.family = x\"><script>\n");
    assertThrows(ThemeException.class, () -> Theme.load(file.toString()));
  }

  @Test
  void dashesOfNothingAndOddPrecisionsAreRejected() throws IOException {
    Path file = dir.resolve("odd.theme");
    Files.writeString(file, "edge.idle.dash = 0 0\n");
    assertEquals(1, assertThrows(ThemeException.class, () -> Theme.load(file.toString())).line());
    Files.writeString(file, "precision = 0\n");
    assertThrows(ThemeException.class, () -> Theme.load(file.toString()));
    Files.writeString(file, "precision = 2.5\n");
    assertThrows(ThemeException.class, () -> Theme.load(file.toString()));
    Files.writeString(file, "precision = 3\nedge.idle.dash = 4 2\n");
    assertEquals(3, (int) Theme.load(file.toString()).number("precision"));
  }

  @Test
  void missingThemeNameIsAnError() {
    assertThrows(ThemeException.class, () -> Theme.load("no-such-theme"));
  }
}
