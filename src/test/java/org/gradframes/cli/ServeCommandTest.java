package org.gradframes.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code gradframes serve} checks its command line before it listens; a wrong one is a usage error. */
class ServeCommandTest {
  @Test
  void aBadPortIsAUsageErrorNamingTheFlag() {
    Run run = Run.of("serve", "--port", "http");
    assertEquals(Main.USAGE, run.exit());
    assertTrue(run.err().contains("--port: expected a whole number from 0 to 65535, not 'http'."), run.err());
    assertTrue(run.err().contains("usage: gradframes serve"), run.err());
  }

  @Test
  void serveTakesNoInputs() {
    Run run = Run.of("serve", "lecture.grad");
    assertEquals(Main.USAGE, run.exit());
    assertTrue(run.err().contains("serve takes no inputs, not 'lecture.grad'."), run.err());
  }

  @Test
  void helpListsTheLimits() {
    Run run = Run.of("serve", "--help");
    assertEquals(Main.OK, run.exit(), run.err());
    for (String flag : new String[] {"--port", "--host", "--workers", "--max-body", "--max-nodes", "--time-limit"}) {
      assertTrue(run.out().contains(flag), run.out());
    }
  }
}
