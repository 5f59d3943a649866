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
   * Lays out {@code request} with {@code engine}: an engine that is not {@link LayoutEngine#concurrent concurrent}
   * is entered by one thread at a time, the others by as many as call.
   *
   * @throws LayoutException when the engine is missing or fails
   */
  public static Layout layout(LayoutEngine engine, LayoutRequest request) {
    if (engine.concurrent()) {
      return engine.layout(request);
    }
    synchronized (LOCKS.computeIfAbsent(engine, e -> new Object())) {
      return engine.layout(request);
    }
  }

  /** One lock per engine that is not concurrent, held while it lays out. */
  private static final java.util.Map<LayoutEngine, Object> LOCKS =
      java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

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
