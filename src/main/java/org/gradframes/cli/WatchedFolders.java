package org.gradframes.cli;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * Folders watched for changes with the JDK's {@link WatchService}: a change is reported by the path of the file
 * created, changed or removed, so a file saved by renaming a new file over it (as vim and JetBrains editors do) is
 * seen as a change of its name. A burst of events is reported once, after the folders have been quiet for a moment.
 */
final class WatchedFolders implements Closeable {
  /** How long the folders must be quiet before a burst of events is reported: editors write a file in steps. */
  static final long QUIET_MS = 150;
  /** The longest a burst is gathered before it is reported even while events keep coming. */
  static final long MOST_MS = 2000;

  /**
   * The paths that changed in one burst, absolute and normalized; {@code overflow} when events were lost (the
   * system's queue filled), so that anything may have changed.
   */
  record Changes(Set<Path> paths, boolean overflow) {}

  private final WatchService service;
  private final Path ignored;
  private final Map<WatchKey, Path> folders = new HashMap<>();
  private final Set<Path> below = new TreeSet<>();

  /**
   * Watches nothing yet; the folders below {@code ignored} (the output folder) are left out of the trees watched.
   *
   * @throws IOException when the system cannot watch files
   */
  WatchedFolders(Path ignored) throws IOException {
    this.service = FileSystems.getDefault().newWatchService();
    this.ignored = absolute(ignored);
  }

  static Path absolute(Path path) {
    return path.toAbsolutePath().normalize();
  }

  /**
   * Watches {@code folder}, and with {@code everyFolderBelow} every folder below it, now and as they are made.
   *
   * @throws IOException when {@code folder} cannot be watched
   */
  void watch(Path folder, boolean everyFolderBelow) throws IOException {
    Path path = absolute(folder);
    if (everyFolderBelow) {
      below.add(path);
      registerTree(path, path, null);
    } else {
      register(path);
    }
  }

  private void register(Path folder) throws IOException {
    folders.put(folder.register(service, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE), folder);
  }

  /**
   * Registers {@code folder} and every folder below it, but not the output folder when it lies below the tree
   * {@code root} (an output folder that holds the tree, as with {@code -o .}, is no reason to skip it); adds the
   * files found to {@code files} unless it is null.
   */
  private void registerTree(Path folder, Path root, Set<Path> files) throws IOException {
    boolean skipOutput = !root.startsWith(ignored);
    Files.walkFileTree(folder, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
        if (skipOutput && absolute(dir).startsWith(ignored)) {
          return FileVisitResult.SKIP_SUBTREE;
        }
        register(absolute(dir));
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
        if (files != null) {
          files.add(absolute(file));
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
        if (file.equals(folder)) {
          throw e;
        }
        return FileVisitResult.CONTINUE;
      }
    });
  }

  /**
   * Waits for the next burst of changes and returns it once the folders have been quiet for {@link #QUIET_MS}.
   *
   * @throws InterruptedException when the thread is interrupted while it waits: the watch is over
   */
  Changes next() throws InterruptedException {
    Set<Path> paths = new TreeSet<>();
    boolean overflow = take(service.take(), paths);
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(MOST_MS);
    while (System.nanoTime() < deadline) {
      WatchKey key = service.poll(QUIET_MS, TimeUnit.MILLISECONDS);
      if (key == null) {
        break;
      }
      overflow |= take(key, paths);
    }
    return new Changes(paths, overflow);
  }

  /** Adds the paths of {@code key}'s events to {@code paths}; true when events were lost. */
  private boolean take(WatchKey key, Set<Path> paths) {
    Path folder = folders.get(key);
    boolean overflow = false;
    for (WatchEvent<?> event : key.pollEvents()) {
      if (event.kind() == OVERFLOW || folder == null) {
        overflow = true;
        continue;
      }
      Path path = absolute(folder.resolve((Path) event.context()));
      paths.add(path);
      Path root = treeOf(folder);
      if (event.kind() == ENTRY_CREATE && root != null && Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
        try {
          registerTree(path, root, paths);
        } catch (IOException e) {
          // Gone again already, or unreadable: there is nothing in it to render.
        }
      }
    }
    if (!key.reset()) {
      folders.remove(key);
    }
    return overflow;
  }

  /** The watched tree {@code folder} is in, or null when it is watched alone. */
  private Path treeOf(Path folder) {
    for (Path root : below) {
      if (folder.startsWith(root)) {
        return root;
      }
    }
    return null;
  }

  @Override
  public void close() throws IOException {
    service.close();
  }
}
