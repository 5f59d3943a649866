package org.gradframes.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.gradframes.pipeline.RenderOptions;
import org.junit.jupiter.api.Test;

/** A request's highlight, decimals, step-label and legend parameters, read as the command line reads its flags. */
class RequestMarksTest {
  @Test
  void theMarksAreReadFromTheQuery() throws RefusedException {
    RenderOptions o = RequestOptions.read("svg", "highlight=x1,W%5B1,2%5D&decimals=3&step-label=off&legend", 100);
    assertEquals(List.of("x1", "W[1,2]"), o.highlight());
    assertEquals(3, o.decimals());
    assertFalse(o.stepLabel());
    assertTrue(o.legend());
  }

  @Test
  void withoutThemTheDefaultsHold() throws RefusedException {
    RenderOptions o = RequestOptions.read("svg", null, 100);
    assertEquals(List.of(), o.highlight());
    assertEquals(null, o.decimals());
    assertTrue(o.stepLabel());
    assertFalse(o.legend());
  }

  @Test
  void wrongMarksAreRefusedNamingTheParameter() {
    RefusedException decimals = assertThrows(RefusedException.class,
        () -> RequestOptions.read("svg", "decimals=20", 100));
    assertEquals("decimals: expected a whole number from 0 to 12, not 20.", decimals.getMessage());
    RefusedException label = assertThrows(RefusedException.class,
        () -> RequestOptions.read("svg", "step-label=sometimes", 100));
    assertEquals("step-label: expected on or off, not 'sometimes'.", label.getMessage());
  }
}
