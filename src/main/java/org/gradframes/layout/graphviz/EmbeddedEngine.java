package org.gradframes.layout.graphviz;

import guru.nidi.graphviz.engine.GraphvizJdkEngine;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Layout with Graphviz compiled to JavaScript (viz.js), run inside the JVM: needs nothing installed. */
public final class EmbeddedEngine extends GraphvizEngine {
  private static final int MEMORY = 32 * 1024 * 1024;
  private static final String VIZ_JS = "/META-INF/maven/org.webjars.npm/viz.js-graphviz-java/pom.properties";

  @Override
  public String name() {
    return "embedded";
  }

  @Override
  public String summary() {
    return "Graphviz compiled to JavaScript, run inside the JVM (needs nothing installed)";
  }

  @Override
  public String version() {
    Properties properties = new Properties();
    try (InputStream in = EmbeddedEngine.class.getResourceAsStream(VIZ_JS)) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      // reported as unknown below
    }
    return "viz.js " + properties.getProperty("version", "unknown");
  }

  @Override
  public boolean available() {
    return true;
  }

  @Override
  public String unavailableReason() {
    return "";
  }

  @Override
  guru.nidi.graphviz.engine.GraphvizEngine engine() {
    System.setProperty("polyglot.engine.WarnInterpreterOnly", "false");
    return new GraphvizJdkEngine();
  }

  @Override
  int memory() {
    return MEMORY;
  }
}
