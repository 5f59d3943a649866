package org.gradframes;

import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;

/** The type references in compiled classes, as the JDK's jdeps reports them class by class. */
final class ClassReferences {
  /** One reference from a class to another; {@code where} is jdeps' last column: a JDK module, the archive, or "not found". */
  record Reference(String from, String to, String where) {
    Reference {
      if (from.isEmpty() || to.isEmpty() || where.isEmpty()) {
        throw new IllegalArgumentException("Incomplete reference: " + from + " -> " + to + " " + where);
      }
    }

    String fromPackage() {
      return packageOf(from);
    }

    String toPackage() {
      return packageOf(to);
    }

    @Override
    public String toString() {
      return from + " -> " + to + " (" + where + ")";
    }

    private static String packageOf(String className) {
      int dot = className.lastIndexOf('.');
      return dot < 0 ? "" : className.substring(0, dot);
    }
  }

  /** A qualified name: dotted segments without spaces (package-info has a hyphen). */
  private static final String NAME = "[^\\s.]+(?:\\.[^\\s.]+)+";
  /** {@code   org.gradframes.x.Foo   -> some.pkg.Bar   where}; archive summaries such as {@code classes -> java.base} do not match. */
  private static final Pattern LINE = Pattern.compile("^\\s*(" + NAME + ")\\s+->\\s+(" + NAME + ")\\s+(\\S.*?)\\s*$");

  private ClassReferences() {}

  /** The compiled main classes: the test class path's {@code target/classes}, else the one under the working directory. */
  static Path mainClasses() {
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path path = Path.of(entry);
      if (path.endsWith(Path.of("target", "classes")) && Files.isDirectory(path)) {
        return path;
      }
    }
    return Path.of("target", "classes");
  }

  /** Runs jdeps on a folder of classes and returns its output lines, failing if jdeps is missing or reports an error. */
  static List<String> jdeps(Path classes) {
    if (!Files.isDirectory(classes.resolve("org/gradframes"))) {
      throw new IllegalStateException("No compiled classes in " + classes.toAbsolutePath() + "; compile the main code first.");
    }
    ToolProvider jdeps = ToolProvider.findFirst("jdeps")
        .orElseThrow(() -> new IllegalStateException("This JDK has no jdeps tool (module jdk.jdeps)."));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = jdeps.run(new PrintWriter(out, true), new PrintWriter(err, true),
        "-verbose:class", "-filter:none", classes.toString());
    if (status != 0) {
      throw new IllegalStateException("jdeps exited with " + status + ": " + err + out);
    }
    return out.toString().lines().toList();
  }

  /** The reference a jdeps line states, or nothing for a line that states none (such as an archive summary). */
  static Optional<Reference> parse(String line) {
    Matcher matcher = LINE.matcher(line);
    if (!matcher.matches()) {
      return Optional.empty();
    }
    return Optional.of(new Reference(matcher.group(1), matcher.group(2), matcher.group(3)));
  }

  /** The references among the lines, in their order. */
  static List<Reference> parse(List<String> lines) {
    List<Reference> references = new ArrayList<>();
    for (String line : lines) {
      parse(line).ifPresent(references::add);
    }
    return references;
  }
}
