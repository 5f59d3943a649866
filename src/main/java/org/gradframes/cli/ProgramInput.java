package org.gradframes.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One program to render: the name errors are reported under, the output folder's name, and the text.
 *
 * @param folder the program's output folder relative to --out, '/'-separated: the file's path below the folder
 *     or pattern it was found by, without {@code .grad}, each part with only safe characters
 */
record ProgramInput(String name, String folder, String text) {
  ProgramInput {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(folder, "folder");
    Objects.requireNonNull(text, "text");
    if (folder.isEmpty() || folder.startsWith("/") || folder.endsWith("/")) {
      throw new IllegalArgumentException("bad output folder " + folder);
    }
    for (String part : folder.split("/")) {
      if (!part.matches("[A-Za-z0-9._-]+") || part.chars().allMatch(c -> c == '.')) {
        throw new IllegalArgumentException("bad output folder " + folder);
      }
    }
  }

  /** The last part of the folder: the name the program's own files are given ({@code NAME.gif}). */
  String stem() {
    return folder.substring(folder.lastIndexOf('/') + 1);
  }

  /** A problem with reading an input, reported as {@code NAME: error: MESSAGE}. */
  static final class ReadException extends Exception {
    private static final long serialVersionUID = 1L;

    ReadException(String message) {
      super(message);
    }
  }

  static ProgramInput ofExpression(String text) {
    return new ProgramInput("<expression>", "expression", stripByteOrderMark(text));
  }

  static ProgramInput ofStandardInput(InputStream in) throws ReadException {
    try {
      return new ProgramInput("<stdin>", "stdin", decode(in.readAllBytes()));
    } catch (IOException e) {
      throw new ReadException("cannot read standard input: " + e.getMessage());
    }
  }

  static ProgramInput ofFile(String argument) throws ReadException {
    return ofFile(argument, Path.of(argument), stem(Path.of(argument)));
  }

  /** The program in file {@code path}, reported as {@code name}, written to {@code folder} under --out. */
  static ProgramInput ofFile(String name, Path path, String folder) throws ReadException {
    if (Files.isDirectory(path)) {
      throw new ReadException("is a folder; give the .grad files in it.");
    }
    try {
      return new ProgramInput(name, folder, decode(Files.readAllBytes(path)));
    } catch (NoSuchFileException e) {
      throw new ReadException("no such file.");
    } catch (IOException e) {
      throw new ReadException("cannot read: " + e.getMessage());
    }
  }

  /** The output folder's name: the file name without {@code .grad}, with only safe characters. */
  static String stem(Path path) {
    String name = path.getFileName() == null ? "program" : path.getFileName().toString();
    if (name.endsWith(".grad")) {
      name = name.substring(0, name.length() - ".grad".length());
    }
    String safe = name.replaceAll("[^A-Za-z0-9._-]", "_");
    return safe.isEmpty() || safe.chars().allMatch(c -> c == '.') ? "program" : safe;
  }

  private static String decode(byte[] bytes) throws ReadException {
    try {
      String text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
      return stripByteOrderMark(text);
    } catch (CharacterCodingException e) {
      throw new ReadException("is not UTF-8 text; save it as UTF-8.");
    }
  }

  private static String stripByteOrderMark(String text) {
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }
}
