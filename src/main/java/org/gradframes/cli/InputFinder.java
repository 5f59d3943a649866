package org.gradframes.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.PatternSyntaxException;

/**
 * Turns the command line's inputs into programs: a file; a folder, meaning every .grad file below it; a glob such
 * as {@code 'course/**.grad'}; or {@code -} for standard input. A program found in a folder or by a glob is written
 * to the same relative path under --out, so the outputs mirror the input tree.
 */
final class InputFinder {
  private InputFinder() {}

  /**
   * One input: a program that was read, or the error that kept it from being read.
   *
   * @param file the file it was read from (or the folder that could not be listed), or null for standard input and
   *     {@code -e}
   */
  record Entry(String name, ProgramInput program, String error, Path file) {
    Entry {
      name = Terminal.oneLine(name);
    }

    static Entry read(ProgramInput program) {
      return new Entry(program.name(), program, null, null);
    }

    static Entry failed(String name, String error) {
      return new Entry(name, null, error, null);
    }

    Entry from(Path file) {
      return new Entry(name, program, error, file);
    }
  }

  /**
   * Every program the arguments name, in the order given, each folder's and glob's in sorted order; no input is read
   * past {@code maxBytes}.
   *
   * @throws UsageException when a glob is not a well-formed pattern
   */
  static List<Entry> find(List<String> arguments, InputStream stdin, long maxBytes) throws UsageException {
    for (String argument : arguments) {
      if (!argument.equals("-") && isGlob(argument) && !Files.exists(Path.of(argument))) {
        matcher(argument);
      }
    }
    List<Entry> entries = new ArrayList<>();
    for (String argument : arguments) {
      if (argument.equals("-")) {
        entries.add(read(() -> ProgramInput.ofStandardInput(stdin, maxBytes), argument));
      } else if (Files.isDirectory(Path.of(argument))) {
        listed(() -> folder(argument, entries, maxBytes), argument, entries);
      } else if (isGlob(argument) && !Files.exists(Path.of(argument))) {
        listed(() -> glob(argument, entries, maxBytes), argument, entries);
      } else {
        entries.add(read(() -> ProgramInput.ofFile(argument, maxBytes), argument).from(Path.of(argument)));
      }
    }
    return entries;
  }

  /**
   * The matcher of a glob's pattern part, checked before anything is read.
   *
   * @throws UsageException naming the pattern when it is malformed
   */
  private static PathMatcher matcher(String argument) throws UsageException {
    String normalized = argument.replace('\\', '/');
    int slash = normalized.lastIndexOf('/', firstGlobCharacter(normalized));
    try {
      return FileSystems.getDefault().getPathMatcher("glob:" + normalized.substring(slash + 1));
    } catch (PatternSyntaxException e) {
      throw new UsageException("'" + Terminal.visible(argument) + "' is not a well-formed pattern: "
          + e.getDescription() + " (quote a file name that holds * ? [ or {, or give its folder).");
    }
  }

  private static void listed(Runnable find, String argument, List<Entry> entries) {
    try {
      find.run();
    } catch (ListingException e) {
      entries.add(Entry.failed(argument, e.getMessage()));
    }
  }

  private interface Reader {
    ProgramInput read() throws ProgramInput.ReadException;
  }

  private static Entry read(Reader reader, String name) {
    try {
      return Entry.read(reader.read());
    } catch (ProgramInput.ReadException e) {
      return Entry.failed(name, e.getMessage());
    }
  }

  /** A folder that could not be listed. */
  static final class ListingException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ListingException(String message) {
      super(message);
    }
  }

  private static void folder(String argument, List<Entry> entries, long maxBytes) {
    Path base = Path.of(argument);
    List<Entry> unreadable = new ArrayList<>();
    List<Path> files = walk(base, p -> p.getFileName().toString().endsWith(".grad"), unreadable);
    if (files.isEmpty() && unreadable.isEmpty()) {
      entries.add(Entry.failed(argument, "holds no .grad files."));
    }
    entries.addAll(unreadable);
    for (Path file : files) {
      entries.add(read(() -> ProgramInput.ofFile(file.toString(), file, folder(base.relativize(file)), maxBytes),
          file.toString()).from(file));
    }
  }

  /**
   * The folder whose changes can change the programs {@code argument} names: a folder itself or a glob's base folder
   * (with every folder below it), or a file's own folder (alone).
   */
  record Scope(Path folder, boolean below) {}

  static Scope scope(String argument) {
    Path path = Path.of(argument);
    if (Files.isDirectory(path)) {
      return new Scope(path, true);
    }
    if (isGlob(argument) && !Files.exists(path)) {
      return new Scope(globBase(argument.replace('\\', '/')), true);
    }
    Path parent = path.toAbsolutePath().getParent();
    return new Scope(parent == null ? path.toAbsolutePath() : parent, false);
  }

  /** The folder a glob's pattern is matched below: the part before the last '/' ahead of its first * ? [ or {. */
  private static Path globBase(String normalized) {
    int slash = normalized.lastIndexOf('/', firstGlobCharacter(normalized));
    return slash < 0 ? Path.of(".") : Path.of(normalized.substring(0, Math.max(slash, 1)));
  }

  private static void glob(String argument, List<Entry> entries, long maxBytes) {
    String normalized = argument.replace('\\', '/');
    int firstGlob = firstGlobCharacter(normalized);
    int slash = normalized.lastIndexOf('/', firstGlob);
    Path base = globBase(normalized);
    String pattern = normalized.substring(slash + 1);
    PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
    List<Entry> unreadable = new ArrayList<>();
    List<Path> files = Files.isDirectory(base)
        ? walk(base, p -> matcher.matches(base.relativize(p)) || matcher.matches(p.getFileName()) && !pattern.contains("/"),
            unreadable)
        : List.of();
    if (files.isEmpty() && unreadable.isEmpty()) {
      entries.add(Entry.failed(argument, "no file matches this pattern."));
    }
    entries.addAll(unreadable);
    for (Path file : files) {
      String name = slash < 0 ? base.relativize(file).toString() : file.toString();
      entries.add(read(() -> ProgramInput.ofFile(name, file, folder(base.relativize(file)), maxBytes), name)
          .from(file));
    }
  }

  /**
   * The regular files below {@code base} that {@code keep} accepts, sorted; a subfolder that cannot be listed is
   * added to {@code unreadable} and the walk goes on past it.
   */
  private static List<Path> walk(Path base, Predicate<Path> keep, List<Entry> unreadable) {
    List<Path> files = new ArrayList<>();
    try {
      Files.walkFileTree(base, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
          if (Files.isRegularFile(file) && keep.test(file)) {
            files.add(file);
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
          if (file.equals(base)) {
            throw e;
          }
          unreadable.add(Entry.failed(file.toString(), "cannot list the folder: " + Failures.reason(e)
              + " The programs in it are not rendered."));
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path dir, IOException e) {
          if (e != null) {
            unreadable.add(Entry.failed(dir.toString(), "cannot list the folder: " + Failures.reason(e)));
          }
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      throw new ListingException(base + ": cannot list the folder: " + Failures.reason(e));
    }
    files.sort(null);
    return files;
  }

  /** The output folder of a file found below a base: its relative path without .grad, each part made safe. */
  static String folder(Path relative) {
    List<String> parts = new ArrayList<>();
    for (Path part : relative) {
      String name = part.toString();
      parts.add(part.equals(relative.getFileName()) ? ProgramInput.stem(part) : safe(name));
    }
    return String.join("/", parts);
  }

  private static String safe(String name) {
    String safe = name.replaceAll("[^A-Za-z0-9._-]", "_");
    return safe.isEmpty() || safe.chars().allMatch(c -> c == '.') ? "_" : safe;
  }

  private static boolean isGlob(String argument) {
    return firstGlobCharacter(argument) < argument.length();
  }

  private static int firstGlobCharacter(String text) {
    for (int i = 0; i < text.length(); i++) {
      if ("*?[{".indexOf(text.charAt(i)) >= 0) {
        return i;
      }
    }
    return text.length();
  }
}
