package org.gradframes.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The frames a list selects, checked when the options are built and resolved against a program's frames. */
class FrameSelectionTest {
  private static List<Integer> select(String spec, int count) {
    return RenderOptions.builder().frames(spec).build().selectedFrames(count);
  }

  @Test
  void listsAndRangesSelectEachFrameOnceInOrder() {
    assertEquals(List.of(1, 3, 5, 6, 7), select("1,3,5-7", 10));
    assertEquals(List.of(9), select("last", 10));
    assertEquals(List.of(0), select("first", 10));
    assertEquals(List.of(0, 1, 2), select("2, 0-1, first", 3));
    assertEquals(List.of(7, 8, 9), select("7-LAST", 10));
    assertEquals(List.of(0, 1, 2), select("first-last", 3));
    assertEquals(List.of(0, 1, 2, 3), RenderOptions.builder().build().selectedFrames(4), "every frame by default");
  }

  @Test
  void theOptionsKeepTheListInOneForm() {
    assertEquals("1,3,5-last", RenderOptions.builder().frames(" 1, 3,5-Last ").build().frames());
  }

  @Test
  void aBackwardsRangeOrAMalformedListNamesTheOption() {
    for (String spec : List.of("3-1", "last-2", "4-first", "1-2-3", "a", "", ",", "1,", "-1", "1.5")) {
      InvalidOptionException e = assertThrows(InvalidOptionException.class,
          () -> RenderOptions.builder().frames(spec).build(), spec);
      assertEquals(Option.FRAMES, e.option(), spec);
    }
  }

  @Test
  void aFramePastTheLastSaysHowManyThereAre() {
    InvalidOptionException e = assertThrows(InvalidOptionException.class, () -> select("0,4", 4));
    assertEquals("frames: there is no frame 4; this program has 4 frames, numbered 0 to 3.", e.message(Option::key));
    e = assertThrows(InvalidOptionException.class, () -> select("1", 1));
    assertEquals("frames: there is no frame 1; this program has 1 frame, numbered 0.", e.message(Option::key));
  }

  @Test
  void anIdPrefixIsALetterThenNameCharacters() {
    assertEquals("fig-1_a", RenderOptions.builder().idPrefix("fig-1_a").build().idPrefix());
    for (String prefix : List.of("", "1a", "-a", "a b", "a:b", "a".repeat(65))) {
      InvalidOptionException e = assertThrows(InvalidOptionException.class,
          () -> RenderOptions.builder().idPrefix(prefix).build(), prefix);
      assertEquals(Option.ID_PREFIX, e.option(), prefix);
    }
  }
}
