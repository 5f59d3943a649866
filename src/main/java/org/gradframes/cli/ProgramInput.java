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
    name = Terminal.oneLine(name);
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

  /** Standard input, read up to {@code maxBytes} bytes: more is an error, so that no input can fill the memory. */
  static ProgramInput ofStandardInput(InputStream in, long maxBytes) throws ReadException {
    try {
      return new ProgramInput("<stdin>", "stdin", decode(bounded(in, maxBytes)));
    } catch (IOException e) {
      throw new ReadException("cannot read standard input: " + Failures.reason(e));
    }
  }

  static ProgramInput ofFile(String argument, long maxBytes) throws ReadException {
    return ofFile(argument, Path.of(argument), stem(Path.of(argument)), maxBytes);
  }

  /**
   * The program in file {@code path}, reported as {@code name}, written to {@code folder} under --out. Only a regular
   * file is opened (a FIFO or a device would block or never end), and only {@code maxBytes} of it are read.
   */
  static ProgramInput ofFile(String name, Path path, String folder, long maxBytes) throws ReadException {
    if (Files.isDirectory(path)) {
      throw new ReadException("is a folder; give the .grad files in it.");
    }
    if (!Files.exists(path)) {
      throw new ReadException("no such file.");
    }
    if (!Files.isRegularFile(path)) {
      throw new ReadException("is not a regular file (a pipe or a device?); give a .grad file.");
    }
    try (InputStream in = Files.newInputStream(path)) {
      return new ProgramInput(name, folder, decode(bounded(in, maxBytes)));
    } catch (NoSuchFileException e) {
      throw new ReadException("no such file.");
    } catch (IOException e) {
      throw new ReadException("cannot read: " + Failures.reason(e));
    }
  }

  /** At most {@code maxBytes} bytes of {@code in}; one more is an error naming the limit and its option. */
  private static byte[] bounded(InputStream in, long maxBytes) throws IOException, ReadException {
    byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
    if (bytes.length > maxBytes) {
      throw new ReadException("is larger than " + maxBytes + " bytes, the most a program may have"
          + " (--max-bytes raises the limit).");
    }
    return bytes;
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
