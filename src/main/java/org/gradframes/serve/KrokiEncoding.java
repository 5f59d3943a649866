package org.gradframes.serve;

import java.io.ByteArrayOutputStream;
import java.util.Base64;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Kroki's encoding of a diagram in a URL: the text compressed with zlib's deflate, then base64 with the URL-safe
 * alphabet. Decoding is bounded, so that a small URL cannot inflate into gigabytes.
 */
final class KrokiEncoding {
  private KrokiEncoding() {}

  /** The text is not in Kroki's encoding. */
  static final class MalformedException extends Exception {
    private static final long serialVersionUID = 1L;

    MalformedException(String message) {
      super(message);
    }
  }

  /** The text inflated to more than the limit. */
  static final class TooLargeException extends Exception {
    private static final long serialVersionUID = 1L;

    TooLargeException(String message) {
      super(message);
    }
  }

  /**
   * The bytes {@code encoded} holds, at most {@code maxBytes} of them.
   *
   * @throws MalformedException when it is not base64url of zlib data
   * @throws TooLargeException when it inflates to more than {@code maxBytes}
   */
  static byte[] decode(String encoded, int maxBytes) throws MalformedException, TooLargeException {
    byte[] compressed;
    try {
      // Kroki's clients write '-' and '_' and may or may not pad; some also send the standard alphabet.
      compressed = Base64.getUrlDecoder().decode(encoded.strip().replace('+', '-').replace('/', '_'));
    } catch (IllegalArgumentException e) {
      throw new MalformedException("the path is not base64url text (Kroki's encoding: deflate, then base64url).");
    }
    Inflater inflater = new Inflater();
    try {
      inflater.setInput(compressed);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      while (!inflater.finished()) {
        int n = inflater.inflate(buffer);
        if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
          throw new MalformedException("the path's data is cut short or not zlib deflate (Kroki's encoding).");
        }
        out.write(buffer, 0, n);
        if (out.size() > maxBytes) {
          throw new TooLargeException("the program is larger than " + maxBytes + " bytes, the most this server"
              + " takes.");
        }
      }
      return out.toByteArray();
    } catch (DataFormatException e) {
      throw new MalformedException("the path's data is not zlib deflate (Kroki's encoding: deflate, then"
          + " base64url).");
    } finally {
      inflater.end();
    }
  }

  /** {@code text} in Kroki's encoding, as a client writes it into a URL. */
  static String encode(byte[] text) {
    java.util.zip.Deflater deflater = new java.util.zip.Deflater(9);
    try {
      deflater.setInput(text);
      deflater.finish();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      while (!deflater.finished()) {
        out.write(buffer, 0, deflater.deflate(buffer));
      }
      return Base64.getUrlEncoder().encodeToString(out.toByteArray());
    } finally {
      deflater.end();
    }
  }
}
