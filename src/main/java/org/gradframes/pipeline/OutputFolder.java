package org.gradframes.pipeline;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.gradframes.render.format.FileSink;

/**
 * Writes one program's files into {@code OUT/STEM/} all at once: they are streamed to a temporary folder beside it that
 * replaces the old folder only when every file is written. A manifest lists the files written, so that a later
 * render replaces only a folder that holds nothing else, and only the tool's own folders are ever removed.
 */
public final class OutputFolder {
  public static final String MANIFEST = Manifest.NAME;

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
   * @throws OutputException when writing fails, a part of the folder's path below the output folder is a link, or
   *     the old folder holds files this tool did not write (also when they appear while the new one is written);
   *     its cause says why
   */
  public void write(String folder, Contents contents, String key) {
    Path target = folder(folder);
    try {
      writeChecked(target, folder, contents, key);
    } catch (IOException e) {
      throw new OutputException(target, e);
    }
  }

  private void writeChecked(Path target, String folder, Contents contents, String key) throws IOException {
    Path root = out.toAbsolutePath().normalize();
    if (!target.toAbsolutePath().normalize().startsWith(root) || target.toAbsolutePath().normalize().equals(root)) {
      throw new IOException("the output folder " + target + " is not inside " + out + ".");
    }
    Path key0 = target.toAbsolutePath().normalize();
    if (WRITING.putIfAbsent(key0, Boolean.TRUE) != null) {
      throw new FolderBusyException("another render is writing this folder now (" + target
          + "); run one render per folder at a time.");
    }
    try {
      writeAlone(target, folder, contents, key);
    } finally {
      WRITING.remove(key0);
    }
  }

  /** The folders this process is writing now, by absolute path: one render at a time per folder. */
  private static final java.util.concurrent.ConcurrentHashMap<Path, Boolean> WRITING =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** Another render of this process is writing the same folder. */
  public static final class FolderBusyException extends IOException {
    private static final long serialVersionUID = 1L;

    FolderBusyException(String message) {
      super(message);
    }
  }

  private void writeAlone(Path target, String folder, Contents contents, String key) throws IOException {
    createParents(folder);
    Swap.recover(target);
    checkReplaceable(target);
    Swap swap = Swap.begin(target);
    try {
      List<String> names = new ArrayList<>();
      contents.writeTo(new FileSink() {
        @Override
        public OutputStream create(String name) throws IOException {
          return swap.create(name, () -> OutputFolder.create(swap.temporary(), name, names));
        }

        @Override
        public java.io.InputStream open(String name) throws IOException {
          return names.contains(name) ? Files.newInputStream(swap.temporary().resolve(name)) : null;
        }
      });
      Files.writeString(swap.temporary().resolve(MANIFEST), Manifest.KEY + key + "\n" + lines(names),
          StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
      swap.replace();
    } finally {
      swap.end();
    }
  }

  private static String lines(List<String> names) {
    return names.isEmpty() ? "" : String.join("\n", names) + "\n";
  }

  /**
   * Puts back the last complete render of {@code OUT/folder} when a killed run left it missing, and removes the
   * temporary folders that killed runs left beside it (only those holding nothing but their manifest's files).
   */
  public void recover(String folder) {
    if (!hasLink(folder) && Files.isDirectory(folder(folder).getParent())) {
      Swap.recover(folder(folder));
    }
  }

  /**
   * Undoes the folder swaps under way in this process, for a run that is stopping (a shutdown hook calls it): no
   * more files are made, temporary folders are removed, and an old folder moved aside goes back.
   */
  public static void abandonAll() {
    Swap.abandonAll();
  }

  /** Creates {@code --out} and every folder between it and the program's folder, refusing links below --out. */
  private void createParents(String folder) throws IOException {
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw new IOException(out + " exists and is not a folder; the output must go into a folder.");
    }
    Files.createDirectories(out);
    Path path = out;
    String[] parts = folder.split("/");
    for (int i = 0; i < parts.length; i++) {
      path = path.resolve(parts[i]);
      if (Files.isSymbolicLink(path)) {
        throw new IOException(path + " is a link; not writing through it (remove it, or choose another output folder).");
      }
      if (i == parts.length - 1) {
        return;
      }
      try {
        Files.createDirectory(path);
      } catch (FileAlreadyExistsException e) {
        if (!Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
          throw new IOException(path + " exists and is not a folder; not writing into it.");
        }
      }
    }
  }

  /** Whether a part of the folder's path below --out is a symbolic link. */
  private boolean hasLink(String folder) {
    Path path = out;
    for (String part : folder.split("/")) {
      path = path.resolve(part);
      if (Files.isSymbolicLink(path)) {
        return true;
      }
    }
    return false;
  }

  /** A new file in the temporary folder, its name recorded in the manifest before the file is made. */
  private static OutputStream create(Path folder, String name, List<String> names) throws IOException {
    if (!Manifest.isPlainName(name) || name.equals(MANIFEST) || names.contains(name)) {
      throw new IOException("a render may not write a file named '" + name + "'.");
    }
    names.add(name);
    Files.writeString(folder.resolve(MANIFEST), name + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    return new BufferedOutputStream(Files.newOutputStream(folder.resolve(name), StandardOpenOption.CREATE_NEW,
        StandardOpenOption.WRITE));
  }

  /** The render key recorded in the folder's manifest, or null when there is none or a listed file is missing. */
  public String key(String folder) {
    Path target = folder(folder);
    try {
      if (hasLink(folder) || !Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
        return null;
      }
      List<String> lines = Manifest.lines(target);
      String key = Manifest.key(lines);
      if (key == null) {
        return null;
      }
      for (String name : Manifest.names(lines)) {
        if (!Files.isRegularFile(target.resolve(name), LinkOption.NOFOLLOW_LINKS)) {
          return null;
        }
      }
      return key;
    } catch (IOException e) {
      return null;
    }
  }

  /**
   * Checks that {@code target} is absent or a folder holding only the files its manifest lists.
   *
   * @throws IOException naming what is in the way
   */
  static void checkReplaceable(Path target) throws IOException {
    if (Files.isSymbolicLink(target)) {
      throw new IOException(target + " is a link; not writing through it (remove it, or choose another output folder).");
    }
    if (!Files.exists(target)) {
      return;
    }
    if (!Files.isDirectory(target)) {
      throw new IOException(target + " exists and is not a folder; not replacing it.");
    }
    Path foreign = Manifest.foreign(target);
    if (foreign != null) {
      throw new IOException(target + " holds " + (foreign.equals(target) ? "files" : foreign.getFileName())
          + ", which gradframes did not write; not replacing the folder (move that file, or choose another output folder).");
    }
  }

  static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to);
    }
  }
}
