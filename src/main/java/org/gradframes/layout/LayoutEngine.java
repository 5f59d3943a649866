package org.gradframes.layout;

/**
 * A way of placing a graph's nodes and edges. Engines are found with {@link LayoutEngines}; a new engine is one
 * class implementing this and one line in {@code META-INF/services/org.gradframes.layout.LayoutEngine}.
 */
public interface LayoutEngine {
  /** The name {@code --engine} takes: {@code dot}. */
  String name();

  /** Other names {@code --engine} accepts for this engine. */
  default java.util.List<String> aliases() {
    return java.util.List.of();
  }

  /** What the engine is, in one line, for {@code --help}. */
  String summary();

  /** The engine's version as {@code trace.json} records it, such as {@code graphviz 2.43.0}. */
  String version();

  /** Whether the engine can run on this machine. */
  boolean available();

  /** Why the engine cannot run here, with what to do about it; meaningful when {@link #available} is false. */
  String unavailableReason();

  /** Whether the engine can wrap a long graph into rows ({@link LayoutRequest#wrap}). */
  default boolean wraps() {
    return false;
  }

  /**
   * Whether layouts may run on several threads at once; an engine that says no is entered by one thread at a time
   * ({@link LayoutEngines#layout}).
   */
  boolean concurrent();

  /**
   * Lays out {@code request}.
   *
   * @throws LayoutException when the engine is missing or fails
   */
  Layout layout(LayoutRequest request);
}
