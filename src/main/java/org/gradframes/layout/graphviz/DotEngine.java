package org.gradframes.layout.graphviz;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Layout with the {@code dot} program of an installed Graphviz. */
public final class DotEngine extends GraphvizEngine {
  private static final Pattern VERSION = Pattern.compile("version (\\S+)");
  private String version;

  @Override
  public String name() {
    return "dot";
  }

  @Override
  public String summary() {
    return "the dot program of an installed Graphviz";
  }

  @Override
  public synchronized String version() {
    if (version == null) {
      version = "graphviz " + askVersion();
    }
    return version;
  }

  private static String askVersion() {
    try {
      Process process = new ProcessBuilder("dot", "-V").redirectErrorStream(true).start();
      try (InputStream in = process.getInputStream()) {
        String text = new String(in.readNBytes(4096), StandardCharsets.UTF_8);
        process.waitFor(10, TimeUnit.SECONDS);
        Matcher m = VERSION.matcher(text);
        return m.find() ? m.group(1) : "unknown";
      }
    } catch (IOException e) {
      return "unknown";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "unknown";
    }
  }

  @Override
  public boolean available() {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(File.pathSeparator)) {
      File dot = new File(dir, "dot");
      if (!dir.isEmpty() && dot.isFile() && dot.canExecute()) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String unavailableReason() {
    return "no 'dot' program on the PATH (install Graphviz, or use the elk engine).";
  }

  @Override
  String program() {
    return "dot";
  }
}
