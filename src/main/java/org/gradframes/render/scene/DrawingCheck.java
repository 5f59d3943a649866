package org.gradframes.render.scene;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * A check every new drawing is put through, for tests: the system property {@code gradframes.drawing-check} names a
 * class with a static {@code enforce(Drawing)} that throws when the drawing breaks a promise. Without the property
 * (as in the jar) nothing is checked.
 */
final class DrawingCheck {
  static final String PROPERTY = "gradframes.drawing-check";
  private static final Method CHECK = find(System.getProperty(PROPERTY));

  private DrawingCheck() {}

  private static Method find(String name) {
    if (name == null || name.isBlank()) {
      return null;
    }
    try {
      return Class.forName(name).getMethod("enforce", Drawing.class);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(PROPERTY + ": no " + name + ".enforce(Drawing)", e);
    }
  }

  /** Puts {@code drawing} through the check, when there is one. */
  static void run(Drawing drawing) {
    if (CHECK == null) {
      return;
    }
    try {
      CHECK.invoke(null, drawing);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }
}
