package org.gradframes.pipeline;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.gradframes.render.format.FileSink;

/**
 * Writes one program's files into {@code OUT/STEM/} all at once: they are streamed to a temporary folder beside it that
 * replaces the old folder only when every file is written. A manifest lists the files written, so that a later
 * render replaces only a folder that holds nothing else.
 */
public final class OutputFolder {
  public static final String MANIFEST = ".gradframes-manifest";
  private static final String KEY = "# key ";
  private static final java.util.regex.Pattern ABANDONED =
      java.util.regex.Pattern.compile("(partial|old)-(\\d+)-[0-9a-f]+");

  private final Path out;

  /** The folder every program's folder goes into. */
  public OutputFolder(Path out) {
    this.out = out;
  }

  /** The folder a program is written to, {@code folder} being relative to --out. */
  public Path folder(String folder) {
    return out.resolve(folder);
  }

  /** What goes into a program's folder: files written one after another into a sink. */
  @FunctionalInterface
  public interface Contents {
    /**
     * Writes the files into {@code sink}.
     *
     * @throws IOException when a file cannot be written
     */
    void writeTo(FileSink sink) throws IOException;
  }

  /**
   * Replaces {@code OUT/folder} by a folder holding exactly the files {@code contents} writes, streamed to a
   * temporary folder beside it as they are made.
   *
   * @throws IOException when writing fails or the old folder holds files this tool did not write
   */
  public void write(String folder, Contents contents, String key) throws IOException {
    Path target = folder(folder);
    Path root = out.toAbsolutePath().normalize();
    if (!target.toAbsolutePath().normalize().startsWith(root) || target.toAbsolutePath().normalize().equals(root)) {
      throw new IOException("the output folder " + target + " is not inside " + out + ".");
    }
    checkReplaceable(target);
    Files.createDirectories(target.getParent());
    removeAbandoned(target);
    Path temporary = Files.createDirectory(target.resolveSibling(hidden(target.getFileName().toString(), "partial")));
    try {
      List<String> names = new ArrayList<>();
      contents.writeTo(name -> create(temporary, name, names));
      Files.writeString(temporary.resolve(MANIFEST), KEY + key + "\n" + String.join("\n", names) + "\n",
          StandardCharsets.UTF_8);
      swap(temporary, target);
    } finally {
      deleteTree(temporary);
    }
  }

  /** A new file in the temporary folder, its name recorded for the manifest. */
  private static OutputStream create(Path folder, String name, List<String> names) throws IOException {
    if (name.isEmpty() || name.contains("/") || name.contains(java.io.File.separator) || name.equals(MANIFEST)
        || name.equals(".") || name.equals("..") || names.contains(name)) {
      throw new IOException("a render may not write a file named '" + name + "'.");
    }
    names.add(name);
    return new BufferedOutputStream(Files.newOutputStream(folder.resolve(name), StandardOpenOption.CREATE_NEW,
        StandardOpenOption.WRITE));
  }

  /** The render key recorded in the folder's manifest, or null when there is none. */
  public String key(String folder) {
    Path manifest = folder(folder).resolve(MANIFEST);
    try {
      if (!Files.isRegularFile(manifest)) {
        return null;
      }
      List<String> lines = Files.readAllLines(manifest, StandardCharsets.UTF_8);
      if (lines.isEmpty() || !lines.get(0).startsWith(KEY)) {
        return null;
      }
      for (String name : lines.subList(1, lines.size())) {
        if (!Files.isRegularFile(folder(folder).resolve(name))) {
          return null;
        }
      }
      return lines.get(0).substring(KEY.length());
    } catch (IOException e) {
      return null;
    }
  }

  private static void checkReplaceable(Path target) throws IOException {
    if (Files.isSymbolicLink(target)) {
      throw new IOException(target + " is a link; not writing through it (remove it, or choose another --out).");
    }
    if (!Files.exists(target)) {
      return;
    }
    if (!Files.isDirectory(target)) {
      throw new IOException(target + " exists and is not a folder; not replacing it.");
    }
    Path manifest = target.resolve(MANIFEST);
    Set<String> ours = new HashSet<>();
    if (Files.isRegularFile(manifest)) {
      ours.addAll(Files.readAllLines(manifest, StandardCharsets.UTF_8));
    }
    ours.add(MANIFEST);
    try (Stream<Path> entries = Files.list(target)) {
      for (Path entry : (Iterable<Path>) entries::iterator) {
        if (!ours.contains(entry.getFileName().toString()) || Files.isDirectory(entry)) {
          throw new IOException(target + " holds " + entry.getFileName() + ", which gradframes did not write;"
              + " not replacing the folder (move that file, or choose another --out).");
        }
      }
    }
  }

  /**
   * Cleans up after a run killed midway: removes the temporary folders it left beside {@code target} (ours by
   * name, made by a process that no longer runs), and puts back an old folder it had moved aside.
   */
  private static void removeAbandoned(Path target) throws IOException {
    String prefix = "." + target.getFileName() + ".";
    try (Stream<Path> siblings = Files.list(target.getParent())) {
      for (Path p : siblings.toList()) {
        String name = p.getFileName().toString();
        if (!name.startsWith(prefix)) {
          continue;
        }
        java.util.regex.Matcher m = ABANDONED.matcher(name.substring(prefix.length()));
        if (m.matches() && ProcessHandle.of(Long.parseLong(m.group(2))).map(h -> !h.isAlive()).orElse(true)) {
          if (m.group(1).equals("old") && !Files.exists(target)) {
            move(p, target);
          } else {
            deleteTree(p);
          }
        }
      }
    }
  }

  /** A name beside the program's folder that no other run uses at the same time; created with the umask's mode. */
  private static String hidden(String stem, String kind) {
    return "." + stem + "." + kind + "-" + ProcessHandle.current().pid() + "-" + Long.toHexString(System.nanoTime());
  }

  private static void swap(Path temporary, Path target) throws IOException {
    Path old = null;
    if (Files.exists(target)) {
      old = target.resolveSibling(hidden(target.getFileName().toString(), "old"));
      move(target, old);
    }
    try {
      move(temporary, target);
    } catch (IOException e) {
      if (old != null) {
        move(old, target);
      }
      throw e;
    }
    if (old != null) {
      try {
        deleteTree(old);
      } catch (IOException e) {
        // The new render is in place; the next run removes what is left of the old one.
      }
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to);
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    List<Path> paths = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(root)) {
      walk.sorted(Comparator.reverseOrder()).forEach(paths::add);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    for (Path p : paths) {
      Files.deleteIfExists(p);
    }
  }
}
