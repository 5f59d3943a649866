package org.gradframes.layout;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** The layout engines of this build, in the order of preference, found with {@link ServiceLoader}. */
public final class LayoutEngines {
  private static final List<LayoutEngine> ALL = load();

  private LayoutEngines() {}

  private static List<LayoutEngine> load() {
    List<LayoutEngine> engines = new ArrayList<>();
    ServiceLoader.load(LayoutEngine.class, LayoutEngines.class.getClassLoader()).forEach(engines::add);
    return List.copyOf(engines);
  }

  /** Every engine, the preferred one first. */
  public static List<LayoutEngine> all() {
    return ALL;
  }

  /** The names of every engine, the preferred one first. */
  public static List<String> names() {
    return ALL.stream().map(LayoutEngine::name).toList();
  }

  /** The engine named {@code name} (or by one of its aliases), or null. */
  public static LayoutEngine named(String name) {
    for (LayoutEngine engine : ALL) {
      if (engine.name().equals(name) || engine.aliases().contains(name)) {
        return engine;
      }
    }
    return null;
  }

  /**
   * The engine to use: the one named, or with {@code name} null the first engine that can run here.
   *
   * @throws LayoutException when the engine named is unknown or cannot run here, or none can
   */
  public static LayoutEngine choose(String name) {
    if (name != null) {
      LayoutEngine engine = named(name);
      if (engine == null) {
        throw new LayoutException("no layout engine is named '" + name + "' (the engines: " + String.join(", ", names())
            + ").");
      }
      if (!engine.available()) {
        throw new LayoutException(engine.unavailableReason());
      }
      return engine;
    }
    for (LayoutEngine engine : ALL) {
      if (engine.available()) {
        return engine;
      }
    }
    throw new LayoutException("no layout engine can run here.");
  }
}
