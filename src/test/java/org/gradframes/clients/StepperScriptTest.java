package org.gradframes.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gradframes.render.format.HtmlFormat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML stepper's script, a resource file, linted by Node.js: it parses as a script and, as a module (which is
 * always strict), in strict mode, alone and as the page puts it together with its data. Skipped, saying so, where
 * {@code node} is not installed.
 */
class StepperScriptTest {
  @TempDir Path dir;

  @BeforeEach
  void needsNode() {
    Command.assumeInstalled("node", "nodejs");
  }

  private static String resource() throws IOException {
    try (InputStream in = HtmlFormat.class.getResourceAsStream("stepper.js")) {
      assertNotNull(in, "stepper.js is a resource beside HtmlFormat");
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** What {@code node --check} says of {@code text} in a file named {@code name} (.js a script, .mjs a module). */
  private Command check(String name, String text) throws IOException, InterruptedException {
    Path file = dir.resolve(name);
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return Command.run("node", "--check", file.toString());
  }

  @Test
  void theScriptParses() throws Exception {
    Command run = check("stepper.js", resource());
    assertEquals(0, run.exit(), run.err());
  }

  @Test
  void theScriptParsesInStrictMode() throws Exception {
    // The page runs the script inside a function after "use strict"; a module is parsed in strict mode throughout.
    Command run = check("stepper.mjs", "(function () {\n\"use strict\";\nvar data, delay;\n" + resource() + "})();\n");
    assertEquals(0, run.exit(), run.err());
  }

  @Test
  void theStrictParseRefusesWhatOnlySloppyModeAllows() throws Exception {
    String sloppy = "var o = {}; with (o) { o.x = 010; }\n";
    assertEquals(0, check("sloppy.js", sloppy).exit(), "a script may use with and octal literals");
    assertNotEquals(0, check("sloppy.mjs", sloppy).exit(), "strict mode may not: the module check is strict");
  }

  @Test
  void thePagesWholeScriptParsesInStrictMode() throws Exception {
    String html = Files.readString(Render.sample("advanced", dir.resolve("out"), "html").resolve("advanced.html"));
    int start = html.indexOf("<script>\n") + "<script>\n".length();
    int end = html.indexOf("</script>", start);
    assertTrue(start > "<script>\n".length() - 1 && end > start, "the page has one inline script");
    String script = html.substring(start, end);
    assertTrue(script.contains(resource()), "the page carries stepper.js unchanged");
    Command run = check("page.mjs", script);
    assertEquals(0, run.exit(), run.err());
  }
}
