package org.gradframes.cli;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/** Why a file could not be read or written, in words: Java names only the file for the common failures. */
final class Failures {
  private Failures() {}

  /** The reason of {@code e}, with the file it is about when it names one. */
  static String reason(IOException e) {
    if (e instanceof CharacterCodingException) {
      return "is not UTF-8 text; save it as UTF-8.";
    }
    if (!(e instanceof FileSystemException f)) {
      return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
    String file = f.getFile() == null ? "" : f.getFile() + ": ";
    String other = f.getOtherFile() == null ? "" : " (moving to " + f.getOtherFile() + ")";
    String reason;
    if (e instanceof AccessDeniedException) {
      reason = "permission denied";
    } else if (e instanceof FileAlreadyExistsException) {
      reason = "already exists";
    } else if (e instanceof NoSuchFileException) {
      reason = "no such file or folder";
    } else if (e instanceof NotDirectoryException) {
      reason = "is not a folder";
    } else if (e instanceof DirectoryNotEmptyException) {
      reason = "is not empty";
    } else {
      reason = f.getReason() != null ? f.getReason() : e.getClass().getSimpleName();
    }
    return file + reason + other + (reason.endsWith(".") ? "" : ".");
  }

  /** The stack trace of {@code failure}, for a report of a fault of gradframes itself. */
  static String trace(Throwable failure) {
    java.io.StringWriter trace = new java.io.StringWriter();
    failure.printStackTrace(new java.io.PrintWriter(trace));
    return trace.toString();
  }
}
