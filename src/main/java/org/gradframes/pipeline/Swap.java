package org.gradframes.pipeline;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One program folder being replaced: the temporary folder its new files go to ({@code .STEM.partial-PID-N}), and
 * the old folder moved aside for a moment ({@code .STEM.old-PID-N}). A run that is stopped (Ctrl-C) undoes the
 * swaps it has under way; a run that is killed is undone by the next one, which puts back the last complete folder.
 */
final class Swap {
  private static final Pattern TEMPORARY = Pattern.compile("(partial|old)-(\\d+)-[0-9a-f]+");
  private static final Set<Swap> RUNNING = ConcurrentHashMap.newKeySet();

  private final Path target;
  private final Path temporary;
  private final ReentrantLock lock = new ReentrantLock();
  private boolean abandoned;
  private Path old;

  private Swap(Path target) {
    this.target = target;
    this.temporary = target.resolveSibling(hidden(target, "partial"));
  }

  /** Opens a file of the new folder. */
  interface Opener {
    OutputStream open() throws IOException;
  }

  /** Starts replacing {@code target}: creates its temporary folder, with a manifest that lists nothing yet. */
  static Swap begin(Path target) throws IOException {
    Swap swap = new Swap(target);
    RUNNING.add(swap);
    try {
      Files.createDirectory(swap.temporary);
      Files.writeString(swap.temporary.resolve(Manifest.NAME), Manifest.WRITING + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      swap.end();
      throw e;
    }
    return swap;
  }

  Path temporary() {
    return temporary;
  }

  /** Opens a new file, unless the run is stopping. */
  OutputStream create(String name, Opener opener) throws IOException {
    lock.lock();
    try {
      checkRunning();
      return opener.open();
    } finally {
      lock.unlock();
    }
  }

  private void checkRunning() throws IOException {
    if (abandoned) {
      throw new IOException("the run was stopped.");
    }
  }

  /**
   * Moves the old folder aside and the new one in. A file that appeared in the old folder while the new one was
   * written makes it refuse: the old folder goes back with that file in it.
   */
  void replace() throws IOException {
    lock.lock();
    try {
      checkRunning();
      if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
        old = target.resolveSibling(hidden(target, "old"));
        OutputFolder.move(target, old);
        Path foreign = Manifest.foreign(old);
        if (foreign != null) {
          OutputFolder.move(old, target);
          old = null;
          throw new IOException(target + " now holds " + foreign.getFileName() + ", which gradframes did not write"
              + " (it appeared during the render); not replacing the folder (move that file, and render again).");
        }
      }
      try {
        OutputFolder.move(temporary, target);
      } catch (IOException e) {
        if (old != null) {
          OutputFolder.move(old, target);
          old = null;
        }
        throw e;
      }
    } finally {
      lock.unlock();
    }
    if (old != null && Manifest.remove(old)) {
      old = null;
    }
  }

  /** Removes the temporary folder if it is still there; the swap is over. */
  void end() throws IOException {
    try {
      Manifest.remove(temporary);
    } finally {
      RUNNING.remove(this);
    }
  }

  /**
   * Undoes every swap under way, for a run that is stopping: no more files are made, temporary folders are
   * removed, and an old folder moved aside goes back.
   */
  static void abandonAll() {
    for (Swap swap : List.copyOf(RUNNING)) {
      try {
        if (swap.lock.tryLock(5, TimeUnit.SECONDS)) {
          try {
            swap.abandoned = true;
            Manifest.remove(swap.temporary);
            if (swap.old != null && Files.exists(swap.old) && !Files.exists(swap.target, LinkOption.NOFOLLOW_LINKS)) {
              OutputFolder.move(swap.old, swap.target);
            }
          } finally {
            swap.lock.unlock();
          }
        }
      } catch (IOException e) {
        // The next run finishes the cleanup.
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /**
   * Cleans up after runs that were killed: puts back the last complete folder when {@code target} is missing (a
   * finished temporary folder, or else the old folder moved aside), then removes the other temporary folders of
   * processes that no longer run, each only if it holds nothing but its manifest's files.
   */
  static void recover(Path target) {
    List<Path> abandoned = abandoned(target);
    if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      abandoned.stream().filter(Swap::isComplete).max(Comparator.comparing((Path p) -> p.getFileName().toString()
          .contains(".partial-")).thenComparing(Swap::modified)).ifPresent(last -> {
            try {
              OutputFolder.move(last, target);
              abandoned.remove(last);
            } catch (IOException e) {
              // left for the next run
            }
          });
    }
    for (Path p : abandoned) {
      try {
        Manifest.remove(p);
      } catch (IOException e) {
        // left for the next run
      }
    }
  }

  /** The temporary folders beside {@code target} left by processes that no longer run, wholly the tool's own. */
  private static List<Path> abandoned(Path target) {
    List<Path> found = new ArrayList<>();
    String prefix = "." + target.getFileName() + ".";
    try (Stream<Path> siblings = Files.list(target.getParent())) {
      for (Path p : (Iterable<Path>) siblings::iterator) {
        String name = p.getFileName().toString();
        Matcher m = TEMPORARY.matcher(name.startsWith(prefix) ? name.substring(prefix.length()) : "");
        if (m.matches() && !running(m.group(2)) && Manifest.foreign(p) == null) {
          found.add(p);
        }
      }
    } catch (IOException e) {
      // nothing to recover that can be seen
    }
    return found;
  }

  private static boolean running(String pid) {
    try {
      long id = Long.parseLong(pid);
      return id == ProcessHandle.current().pid() || ProcessHandle.of(id).map(ProcessHandle::isAlive).orElse(false);
    } catch (NumberFormatException e) {
      return true;
    }
  }

  private static boolean isComplete(Path folder) {
    try {
      return Manifest.key(Manifest.lines(folder)) != null;
    } catch (IOException e) {
      return false;
    }
  }

  private static FileTime modified(Path folder) {
    try {
      return Files.getLastModifiedTime(folder.resolve(Manifest.NAME));
    } catch (IOException e) {
      return FileTime.fromMillis(0);
    }
  }

  /** A name beside the program's folder that no other run uses at the same time. */
  private static String hidden(Path target, String kind) {
    return "." + target.getFileName() + "." + kind + "-" + ProcessHandle.current().pid() + "-"
        + Long.toHexString(System.nanoTime());
  }
}
