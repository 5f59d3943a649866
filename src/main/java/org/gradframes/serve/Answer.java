package org.gradframes.serve;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** What the server answers a request with: a status, the body's type, the body, and any further headers. */
record Answer(int status, String contentType, byte[] body, Map<String, String> headers) {
  static final String TEXT = "text/plain; charset=utf-8";

  Answer {
    headers = Map.copyOf(headers);
  }

  static Answer of(int status, String contentType, byte[] body) {
    return new Answer(status, contentType, body, Map.of());
  }

  /** A plain-text answer; the text ends in a newline. */
  static Answer text(int status, String text) {
    String line = text.endsWith("\n") ? text : text + "\n";
    return of(status, TEXT, line.getBytes(StandardCharsets.UTF_8));
  }

  Answer with(String header, String value) {
    Map<String, String> more = new java.util.LinkedHashMap<>(headers);
    more.put(header, value);
    return new Answer(status, contentType, body, more);
  }
}
