package org.gradframes.render.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.gradframes.render.scene.CaptionMode;
import org.junit.jupiter.api.Test;

/** The registry knows every format by the name its class gives, before and without loading the class. */
class FormatsRegistryTest {
  @Test
  void theRegistrysNamesAreTheFormatsOwn() {
    List<String> own = Formats.all().stream().filter(f -> f.askedForBy() == null).map(Format::name).toList();
    assertEquals(own, Formats.names());
    for (String name : Formats.names()) {
      assertEquals(name, Formats.named(name).name());
      assertTrue(Formats.exists(name), name);
    }
  }

  @Test
  void theCaptionFileIsAskedForByItsModeNotByName() {
    Format captions = Formats.all().stream().filter(f -> f.askedForBy() != null).findFirst().orElseThrow();
    assertEquals(CaptionMode.FILE, captions.askedForBy());
    assertFalse(Formats.exists(captions.name()));
    assertNull(Formats.named(captions.name()));
    assertEquals(List.of("svg", "captions"),
        Formats.resolve(Set.of("svg"), CaptionMode.FILE).stream().map(Format::name).toList());
  }

  @Test
  void aFormatIsMadeOnce() {
    assertSame(Formats.named("png"), Formats.named("png"));
    assertSame(Formats.named("pdf"), Formats.resolve(Set.of("pdf"), CaptionMode.BELOW).get(0));
  }

  @Test
  void anUnknownNameIsRefused() {
    assertFalse(Formats.exists("jpeg"));
    assertNull(Formats.named("jpeg"));
    assertThrows(IllegalArgumentException.class, () -> Formats.resolve(Set.of("jpeg"), CaptionMode.BELOW));
  }
}
