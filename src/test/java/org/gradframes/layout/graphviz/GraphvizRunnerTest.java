package org.gradframes.layout.graphviz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.gradframes.layout.LayoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

/** Graphviz runs in a folder of its own, never changing the process's settings. */
@Isolated("replaces the system properties to watch them")
class GraphvizRunnerTest {
  @TempDir Path dir;

  /** System properties that record every value set for java.io.tmpdir. */
  private static final class Watched extends Properties {
    private static final long serialVersionUID = 1L;
    final transient List<String> set = new ArrayList<>();

    Watched(Properties from) {
      putAll(from);
    }

    @Override
    public synchronized Object setProperty(String key, String value) {
      if (key.equals("java.io.tmpdir")) {
        synchronized (set) {
          set.add(value);
        }
      }
      return super.setProperty(key, value);
    }
  }

  @Test
  void aDotLayoutNeverChangesTheTemporaryFolderSettingAndLeavesNothingThere() throws Exception {
    DotEngine dot = new DotEngine();
    assumeTrue(dot.available(), "dot is not installed");
    Properties before = System.getProperties();
    Watched watched = new Watched(before);
    Path temporary = Files.createDirectory(dir.resolve("tmp"));
    watched.put("java.io.tmpdir", temporary.toString());
    System.setProperties(watched);
    try {
      String plain = GraphvizRunner.plain("digraph G { a -> b; }\n", dot.program());
      assertTrue(plain.startsWith("graph "), plain);
      assertEquals(List.of(), watched.set, "java.io.tmpdir was set during the layout");
      try (var left = Files.list(temporary)) {
        assertEquals(List.of(), left.toList(), "the layout's folder is removed");
      }
    } finally {
      System.setProperties(before);
    }
  }

  @Test
  void aTemporaryFolderThatCannotBeWrittenIsNamedWithItsSpace() throws Exception {
    Path notAFolder = Files.writeString(dir.resolve("file"), "x");
    LayoutException e = assertThrows(LayoutException.class, () -> GraphvizRunner.folder(notAFolder));
    assertTrue(e.getMessage().startsWith("cannot write the temporary folder " + notAFolder + " for Graphviz ("),
        e.getMessage());
    assertTrue(e.getMessage().contains("MB free"), e.getMessage());
    assertTrue(e.getMessage().contains("-Djava.io.tmpdir"), e.getMessage());
  }
}
