package org.gradframes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.gradframes.ClassReferences.Reference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Deny by default: each package lists the packages of ours and the libraries it may use, checked against the type
 * references jdeps finds in the compiled classes (graphviz-java's {@code CodeAnalysisTest}, with {@code mayUse}).
 */
class ArchitectureTest {
  private static final String OURS = "org.gradframes";
  /**
   * The pipeline, left to right: no stage refers to a later one. The server and the command line both stand on the
   * pipeline; the command line comes last, as {@code gradframes serve} starts the server.
   */
  private static final List<String> STAGES = List.of("expr", "graph", "autodiff", "layout", "render", "pipeline",
      "serve", "cli");
  private static final String HTTP_SERVER = "com.sun.net.httpserver";
  private static final List<String> CLI_ONLY = List.of("org.apache.commons.cli", "me.tongfei.progressbar");

  /** What each package may use; names of ours are relative to org.gradframes, and "x.*" means every sub-package of x. */
  private record Rule(List<String> ours, List<String> libraries) {}

  private static final Map<String, Rule> RULES = rules();

  private static Map<String, Rule> rules() {
    List<String> renderLibraries = libraries("com.fasterxml.jackson", "org.apache.pdfbox", "org.apache.fontbox",
        "java.awt", "javax.imageio",
        "org.w3c.dom"); // javax.imageio's metadata trees are org.w3c.dom nodes (module java.xml)
    Map<String, Rule> rules = new LinkedHashMap<>();
    rules.put("expr", new Rule(ours(), libraries()));
    rules.put("graph", new Rule(ours("expr"), libraries()));
    rules.put("autodiff", new Rule(ours("graph", "expr"), libraries()));
    rules.put("layout", new Rule(ours("graph", "expr"), libraries()));
    rules.put("layout.*", new Rule(ours("layout", "graph", "expr"), libraries()));
    rules.put("layout.graphviz", new Rule(ours("layout", "graph", "expr"), libraries("guru.nidi.graphviz")));
    rules.put("layout.elk", new Rule(ours("layout", "graph", "expr"), libraries("org.eclipse.elk", "org.eclipse.emf")));
    rules.put("render", new Rule(ours("render.*", "layout", "autodiff", "graph", "expr"), renderLibraries));
    rules.put("render.*", new Rule(ours("render", "render.*", "layout", "autodiff", "graph", "expr"), renderLibraries));
    // The PowerPoint deck: POI, the XMLBeans types of the OOXML schemas it is made of, and their XML names.
    List<String> formatLibraries = new ArrayList<>(renderLibraries);
    formatLibraries.addAll(libraries("org.apache.poi", "org.apache.xmlbeans", "org.openxmlformats.schemas",
        "javax.xml.namespace"));
    rules.put("render.format", new Rule(ours("render", "render.*", "layout", "autodiff", "graph", "expr"),
        formatLibraries));
    rules.put("pipeline", new Rule(
        ours("render", "render.*", "layout", "layout.*", "autodiff", "graph", "expr"), libraries()));
    rules.put("serve", new Rule(ours("pipeline", "render.format", "render.scene", "render.theme", "layout", "expr"),
        libraries(HTTP_SERVER)));
    rules.put("cli", new Rule(
        ours("serve", "pipeline", "render", "render.*", "layout", "layout.*", "autodiff", "graph", "expr"), CLI_ONLY));
    return rules;
  }

  private static List<String> jdepsLines;
  private static List<Reference> references;

  @BeforeAll
  static void runJdeps() {
    jdepsLines = ClassReferences.jdeps(ClassReferences.mainClasses());
    references = ClassReferences.parse(jdepsLines);
  }

  @Test
  void everyReferenceIsAllowedByItsPackagesRule() {
    assertNoViolations(violations(references));
  }

  @Test
  void onlyCliUsesCommonsCliAndTheProgressBar() {
    assertNoViolations(references.stream()
        .filter(r -> !isIn(r.fromPackage(), "cli") && CLI_ONLY.stream().anyMatch(l -> isUnder(r.toPackage(), l)))
        .map(r -> r + ": only org.gradframes.cli may use commons-cli and the progress bar")
        .toList());
  }

  @Test
  void onlyServeUsesTheHttpServer() {
    assertNoViolations(references.stream()
        .filter(r -> isUnder(r.toPackage(), HTTP_SERVER) && !isIn(r.fromPackage(), "serve"))
        .map(r -> r + ": only org.gradframes.serve may use the JDK's HTTP server")
        .toList());
    assertFound(r -> isIn(r.fromPackage(), "serve") && isUnder(r.toPackage(), HTTP_SERVER), "serve -> " + HTTP_SERVER);
  }

  @Test
  void onlyLayoutSubPackagesUseGraphvizJava() {
    assertNoViolations(references.stream()
        .filter(r -> isUnder(r.toPackage(), "guru.nidi") && !r.fromPackage().startsWith(OURS + ".layout."))
        .map(r -> r + ": only the layout sub-packages may use graphviz-java")
        .toList());
  }

  @Test
  void noStageRefersToALaterStage() {
    assertNoViolations(references.stream()
        .filter(r -> isOurs(r.toPackage()) && stage(r.toPackage()) > stage(r.fromPackage()))
        .map(r -> r + ": a stage may not use a later stage")
        .toList());
  }

  @Test
  void theRuleTableGrantsNoLaterStage() {
    List<String> wrong = new ArrayList<>();
    RULES.forEach((name, rule) -> {
      String pkg = OURS + "." + name.replace(".*", ".sub");
      if (stage(pkg) < 0) {
        wrong.add(name + " is not in a stage");
      }
      for (String used : rule.ours()) {
        if (stage(OURS + "." + used.replace(".*", ".sub")) > stage(pkg)) {
          wrong.add(name + " may use the later stage " + used);
        }
      }
      rule.libraries().stream().filter(l -> CLI_ONLY.contains(l) && !name.equals("cli"))
          .forEach(l -> wrong.add(name + " may use " + l));
    });
    assertNoViolations(wrong);
  }

  @Test
  void jdepsFoundTheReferencesThirdPartyLibrariesIncluded() {
    assertTrue(jdepsLines.size() > 100, () -> "jdeps printed only " + jdepsLines.size() + " lines: " + jdepsLines);
    assertTrue(references.size() > 100, () -> "only " + references.size() + " references in " + jdepsLines);
    assertFound(r -> isIn(r.fromPackage(), "graph") && isIn(r.toPackage(), "expr"), "graph -> expr");
    assertFound(r -> isIn(r.fromPackage(), "cli") && isUnder(r.toPackage(), "org.apache.commons.cli"),
        "cli -> org.apache.commons.cli");
    assertFound(r -> isIn(r.fromPackage(), "cli") && isUnder(r.toPackage(), "me.tongfei.progressbar"),
        "cli -> me.tongfei.progressbar");
    assertFound(r -> isIn(r.fromPackage(), "layout") && isUnder(r.toPackage(), "org.eclipse.elk"),
        "layout -> org.eclipse.elk");
    assertFound(r -> isIn(r.fromPackage(), "render") && isUnder(r.toPackage(), "java.awt"), "render -> java.awt");
  }

  @Test
  void everyJdepsReferenceLineIsUnderstood() {
    List<String> missed = jdepsLines.stream()
        .filter(line -> line.startsWith(" ") && line.contains("->") && ClassReferences.parse(line).isEmpty())
        .toList();
    assertEquals(List.of(), missed);
  }

  @Test
  void theCheckerReportsAForbiddenReference() {
    Reference reference = ClassReferences.parse("org.gradframes.expr.Lexer -> org.gradframes.cli.Main  classes")
        .orElseThrow();
    assertEquals(new Reference("org.gradframes.expr.Lexer", "org.gradframes.cli.Main", "classes"), reference);
    List<String> violations = violations(List.of(reference));
    assertEquals(1, violations.size(), violations::toString);
    assertTrue(violations.get(0).contains("org.gradframes.expr.Lexer -> org.gradframes.cli.Main"), violations::toString);
  }

  @Test
  void theCheckerDeniesWhatNoRuleLists() {
    assertDenied("org.gradframes.graph.Graph -> java.awt.Color  java.desktop");
    assertDenied("org.gradframes.graph.Graph -> javax.imageio.ImageIO  java.desktop");
    assertDenied("org.gradframes.render.Canvas -> guru.nidi.graphviz.engine.Graphviz  not found");
    assertDenied("org.gradframes.render.scene.Drawing -> org.apache.poi.xslf.usermodel.XMLSlideShow  not found");
    assertDenied("org.gradframes.pipeline.Rendering -> org.apache.poi.xslf.usermodel.XMLSlideShow  not found");
    assertDenied("org.gradframes.render.theme.Theme -> org.gradframes.layout.graphviz.GraphvizRunner  classes");
    assertDenied("org.gradframes.layout.Layout -> org.gradframes.layout.elk.ElkRunner  classes");
    assertDenied("org.gradframes.layout.elk.ElkRunner -> guru.nidi.graphviz.engine.Graphviz  not found");
    assertDenied("org.gradframes.pipeline.Pipeline -> org.apache.commons.cli.Options  not found");
    assertDenied("org.gradframes.pipeline.Pipeline -> org.gradframes.cli.Main  classes");
    assertDenied("org.gradframes.pipeline.Gradframes -> org.gradframes.serve.RenderServer  classes");
    assertDenied("org.gradframes.serve.RenderServer -> org.gradframes.cli.Main  classes");
    assertDenied("org.gradframes.serve.RenderServer -> org.apache.commons.cli.Options  not found");
    assertDenied("org.gradframes.render.format.Formats -> com.sun.net.httpserver.HttpServer  jdk.httpserver");
    assertDenied("org.gradframes.misc.Thing -> java.lang.Object  java.base");
    assertDenied("org.gradframes.pipeline.sub.Thing -> java.lang.Object  java.base");
    assertDenied("org.gradframes.layout.GraphvizRunner -> guru.nidi.graphviz.engine.Graphviz  not found",
        "org.gradframes.layout.graphviz.Dot -> org.gradframes.layout.Layout  classes");
  }

  @Test
  void theCheckerAllowsWhatTheRulesList() {
    assertEquals(List.of(), violations(ClassReferences.parse(List.of(
        "org.gradframes.layout.graphviz.Dot -> guru.nidi.graphviz.engine.Graphviz  not found",
        "org.gradframes.layout.elk.Elk -> org.eclipse.emf.ecore.EObject  not found",
        "org.gradframes.render.theme.Theme -> org.gradframes.render.text.RichText  classes",
        "org.gradframes.render.format.Png -> javax.imageio.ImageIO  java.desktop",
        "org.gradframes.render.format.Pptx -> org.apache.poi.xslf.usermodel.XMLSlideShow  not found",
        "org.gradframes.pipeline.Pipeline -> org.gradframes.layout.graphviz.Dot  classes",
        "org.gradframes.cli.Main -> org.gradframes.pipeline.Pipeline  classes",
        "org.gradframes.expr.Lexer -> java.util.logging.Logger  java.logging"))));
  }

  @Test
  void everyPackageHasARule() throws IOException {
    assertNoViolations(sourcePackages().stream().filter(p -> ruleFor(p).isEmpty())
        .map(p -> p + " has no rule in ArchitectureTest.rules()").toList());
  }

  @Test
  void everyPackageSaysWhatItIsForInOneSentence() throws IOException {
    Set<String> packages = sourcePackages();
    for (String stage : List.of("expr", "graph", "autodiff", "layout", "render", "cli")) {
      assertTrue(packages.stream().anyMatch(p -> isIn(p, stage)), () -> "no package for " + stage + " in " + packages);
    }
    List<String> wrong = new ArrayList<>();
    for (String pkg : packages) {
      Path info = Path.of("src/main/java", pkg.replace('.', '/'), "package-info.java");
      if (!Files.isRegularFile(info)) {
        wrong.add(pkg + " has no package-info.java");
        continue;
      }
      String text = Files.readString(info);
      if (!text.contains("package " + pkg + ";")) {
        wrong.add(info + " does not declare package " + pkg);
      }
      Optional<String> doc = javadoc(text);
      if (doc.isEmpty() || !doc.get().endsWith(".") || SENTENCE_END.matcher(doc.get()).results().count() != 1) {
        wrong.add(info + " needs a javadoc of one sentence, not " + doc.orElse("none"));
      }
    }
    assertNoViolations(wrong);
  }

  private static final Pattern JAVADOC = Pattern.compile("/\\*\\*(.*?)\\*/\\s*package\\s", Pattern.DOTALL);
  private static final Pattern SENTENCE_END = Pattern.compile("[.!?](?=\\s|$)");

  private static Optional<String> javadoc(String text) {
    Matcher matcher = JAVADOC.matcher(text);
    if (!matcher.find()) {
      return Optional.empty();
    }
    String doc = matcher.group(1).replaceAll("(?m)^\\s*\\*", " ").replaceAll("\\s+", " ").strip();
    return doc.isEmpty() ? Optional.empty() : Optional.of(doc);
  }

  private static Set<String> sourcePackages() throws IOException {
    Path root = Path.of("src/main/java");
    try (Stream<Path> walk = Files.walk(root.resolve(OURS.replace('.', '/')))) {
      Set<String> packages = new TreeSet<>();
      walk.filter(p -> p.toString().endsWith(".java"))
          .forEach(p -> packages.add(root.relativize(p.getParent()).toString().replace(p.getFileSystem().getSeparator(), ".")));
      return packages;
    }
  }

  /** The references that their package's rule does not allow, each naming the class and what it refers to. */
  static List<String> violations(List<Reference> references) {
    List<String> violations = new ArrayList<>();
    for (Reference reference : references) {
      String from = reference.fromPackage();
      Optional<Rule> rule = ruleFor(from);
      if (rule.isEmpty()) {
        violations.add(reference + ": package " + from + " has no rule");
      } else if (!allows(rule.get(), reference)) {
        violations.add(reference + ": " + from + " may not use " + reference.toPackage());
      }
    }
    return violations.stream().distinct().toList();
  }

  private static boolean allows(Rule rule, Reference reference) {
    String to = reference.toPackage();
    if (to.equals(reference.fromPackage())) {
      return true;
    }
    if (isOurs(to)) {
      return rule.ours().stream().anyMatch(name -> matches(name, to));
    }
    if (to.startsWith("java.") && !reference.where().equals("java.desktop")) {
      return true;
    }
    return rule.libraries().stream().anyMatch(library -> isUnder(to, library));
  }

  /** The rule of exactly this package, else of its nearest "x.*" ancestor. */
  private static Optional<Rule> ruleFor(String pkg) {
    if (!pkg.startsWith(OURS + ".")) {
      return Optional.empty();
    }
    String name = pkg.substring(OURS.length() + 1);
    if (RULES.containsKey(name)) {
      return Optional.of(RULES.get(name));
    }
    for (String parent = name; parent.contains("."); ) {
      parent = parent.substring(0, parent.lastIndexOf('.'));
      if (RULES.containsKey(parent + ".*")) {
        return Optional.of(RULES.get(parent + ".*"));
      }
    }
    return Optional.empty();
  }

  private static boolean matches(String name, String pkg) {
    return name.endsWith(".*")
        ? pkg.startsWith(OURS + "." + name.substring(0, name.length() - 1))
        : pkg.equals(OURS + "." + name);
  }



  private static int stage(String pkg) {
    return isOurs(pkg) ? STAGES.indexOf(pkg.substring(OURS.length() + 1).split("\\.")[0]) : -1;
  }

  private static boolean isOurs(String pkg) {
    return isUnder(pkg, OURS);
  }

  /** Whether a package is this stage of ours or one of its sub-packages. */
  private static boolean isIn(String pkg, String stage) {
    return isUnder(pkg, OURS + "." + stage);
  }

  private static boolean isUnder(String pkg, String prefix) {
    return pkg.equals(prefix) || pkg.startsWith(prefix + ".");
  }

  private static void assertFound(Predicate<Reference> wanted, String what) {
    assertTrue(references.stream().anyMatch(wanted), "jdeps reported no reference " + what);
  }

  private static void assertDenied(String... lines) {
    List<String> violations = violations(ClassReferences.parse(List.of(lines)));
    assertFalse(violations.isEmpty(), () -> "allowed: " + List.of(lines));
    assertTrue(violations.get(0).contains(lines[0].split("\\s+")[0]), violations::toString);
  }

  private static void assertNoViolations(List<String> violations) {
    assertTrue(violations.isEmpty(), () -> violations.size() + " violations:\n" + String.join("\n", violations));
  }

  private static List<String> ours(String... names) {
    return List.of(names);
  }

  private static List<String> libraries(String... prefixes) {
    return List.of(prefixes);
  }
}
