package org.gradframes.pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The list of files gradframes wrote into a folder, {@code .gradframes-manifest}: its first line is {@code # key K}
 * once the folder is complete, {@code # writing} before; then one file name a line, each written before its file
 * is created. A folder is the tool's own only when it holds nothing but the files its manifest lists, and only
 * such a folder is ever removed, file by listed file.
 */
final class Manifest {
  static final String NAME = ".gradframes-manifest";
  static final String KEY = "# key ";
  static final String WRITING = "# writing";

  private Manifest() {}

  /** The manifest's lines, or null when {@code folder} has none (or it is not a plain file). */
  static List<String> lines(Path folder) throws IOException {
    Path manifest = folder.resolve(NAME);
    if (!Files.isRegularFile(manifest, LinkOption.NOFOLLOW_LINKS)) {
      return null;
    }
    return Files.readAllLines(manifest, StandardCharsets.UTF_8);
  }

  /** The key of a complete folder, or null when it is not complete. */
  static String key(List<String> lines) {
    return lines == null || lines.isEmpty() || !lines.get(0).startsWith(KEY) ? null : lines.get(0).substring(KEY.length());
  }

  /** The names the manifest lists, the manifest itself among them. */
  static Set<String> names(List<String> lines) {
    Set<String> names = new LinkedHashSet<>();
    for (String name : lines.subList(Math.min(1, lines.size()), lines.size())) {
      if (isPlainName(name)) {
        names.add(name);
      }
    }
    names.add(NAME);
    return names;
  }

  /** Whether {@code name} names a file in the folder itself: not empty, no separator, not . or .. */
  static boolean isPlainName(String name) {
    return !name.isEmpty() && !name.equals(".") && !name.equals("..") && name.chars().noneMatch(
        c -> c == '/' || c == '\\' || c == java.io.File.separatorChar || c == 0 || c == '\n' || c == '\r');
  }

  /**
   * The first entry of {@code folder} that gradframes did not write (not listed, or not a plain file), or null
   * when the folder is wholly its own; {@code folder} itself when it is not a plain folder with a manifest.
   */
  static Path foreign(Path folder) throws IOException {
    if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
      return folder;
    }
    List<String> lines = lines(folder);
    Set<String> ours = lines == null ? Set.of(NAME) : names(lines);
    try (Stream<Path> entries = Files.list(folder)) {
      for (Path entry : (Iterable<Path>) entries::iterator) {
        if (!ours.contains(entry.getFileName().toString())
            || !Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)) {
          return entry;
        }
      }
    }
    return lines == null && hasEntries(folder) ? folder : null;
  }

  private static boolean hasEntries(Path folder) throws IOException {
    try (Stream<Path> entries = Files.list(folder)) {
      return entries.findAny().isPresent();
    }
  }

  /**
   * Removes a folder of the tool's own: each file its manifest lists, the manifest, then the folder, which is left
   * in place if anything else is in it. Returns whether the folder is gone.
   */
  static boolean remove(Path folder) throws IOException {
    if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
      return true;
    }
    if (foreign(folder) != null) {
      return false;
    }
    List<String> lines = lines(folder);
    if (lines != null) {
      for (String name : names(lines)) {
        if (!name.equals(NAME)) {
          Files.deleteIfExists(folder.resolve(name));
        }
      }
      Files.deleteIfExists(folder.resolve(NAME));
    }
    try {
      Files.delete(folder);
      return true;
    } catch (DirectoryNotEmptyException e) {
      return false;
    }
  }
}
