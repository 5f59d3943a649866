package org.gradframes.layout;

/** Which Graphviz computes the layout. */
public enum Engine {
  /** The {@code dot} program when it is on the PATH, otherwise the embedded engine. */
  AUTO,
  /** The {@code dot} program on the PATH. */
  DOT,
  /** Graphviz compiled to JavaScript, run inside the JVM: needs nothing installed. */
  EMBEDDED;

  /** Whether this engine can run here: the embedded one always can, {@code dot} when it is on the PATH. */
  public boolean available() {
    return this != DOT || GraphvizRunner.dotOnPath();
  }

  /** The engine {@code AUTO} stands for on this machine. */
  public Engine resolve() {
    if (this != AUTO) {
      return this;
    }
    return GraphvizRunner.dotOnPath() ? DOT : EMBEDDED;
  }
}
