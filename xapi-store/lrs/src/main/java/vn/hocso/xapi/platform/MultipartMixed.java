package vn.hocso.xapi.platform;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads and writes multipart/mixed bodies (RFC 2046 §5.1.1), as xAPI sends statements with their
 * attachment data (xAPI 2.0 Part 3 §1.5.2; 1.0.3 §4.1.11). Strict: a body without its opening or
 * closing delimiter, or a part without the blank line after its headers, is a 400.
 */
public final class MultipartMixed {

  private static final byte[] CRLF = {'\r', '\n'};

  private MultipartMixed() {}

  /** One part: its headers (names in lower case) and its bytes. */
  public record Part(Map<String, String> headers, byte[] body) {

    public Optional<String> header(String name) {
      return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    /** The media type without parameters, in lower case; empty when the part names none. */
    public String mediaType() {
      return header("Content-Type")
          .map(type -> type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT))
          .orElse("");
    }
  }

  /** The boundary parameter of a multipart Content-Type header, or a 400 naming it. */
  public static String boundaryOf(String contentType) {
    for (var parameter : contentType.split(";")) {
      var pair = parameter.trim().split("=", 2);
      if (pair.length == 2 && pair[0].trim().equalsIgnoreCase("boundary")) {
        var value = pair[1].trim();
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
          value = value.substring(1, value.length() - 1);
        }
        if (!value.isEmpty() && value.length() <= 70) {
          return value;
        }
      }
    }
    throw invalid(
        "multipart-boundary", "the Content-Type header names no boundary (RFC 2046 §5.1.1)");
  }

  /** The parts of a body, in order; the preamble and epilogue are ignored (RFC 2046 §5.1.1). */
  public static List<Part> parse(byte[] body, String boundary) {
    var delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    var lineDelimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    int position;
    if (startsWith(body, 0, delimiter)) {
      position = delimiter.length;
    } else {
      var found = indexOf(body, lineDelimiter, 0);
      if (found < 0) {
        throw invalid("multipart-delimiter", "the body holds no delimiter of boundary " + boundary);
      }
      position = found + lineDelimiter.length;
    }
    var parts = new ArrayList<Part>();
    while (true) {
      if (startsWith(body, position, new byte[] {'-', '-'})) {
        if (parts.isEmpty()) {
          throw invalid("multipart-parts", "the body has no part");
        }
        return parts; // the close delimiter; what follows is the epilogue
      }
      position = skipTransportPadding(body, position);
      if (!startsWith(body, position, CRLF)) {
        throw invalid("multipart-delimiter", "a delimiter is not followed by a line break");
      }
      position += CRLF.length;
      var next = indexOf(body, lineDelimiter, position);
      if (next < 0) {
        throw invalid("multipart-close", "the body ends before its close delimiter");
      }
      parts.add(part(body, position, next));
      position = next + lineDelimiter.length;
    }
  }

  private static Part part(byte[] body, int from, int to) {
    var headers = new LinkedHashMap<String, String>();
    int position = from;
    while (true) {
      var end = indexOf(body, CRLF, position);
      if (end < 0 || end > to) {
        throw invalid("multipart-headers", "a part's headers do not end with a blank line");
      }
      if (end == position) {
        position += CRLF.length;
        break;
      }
      var line = new String(body, position, end - position, StandardCharsets.UTF_8);
      var colon = line.indexOf(':');
      if (colon <= 0) {
        throw invalid("multipart-headers", "a part has a header line without a name: " + line);
      }
      headers.put(
          line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
          line.substring(colon + 1).trim());
      position = end + CRLF.length;
    }
    var content = new byte[to - position];
    System.arraycopy(body, position, content, 0, content.length);
    return new Part(Collections.unmodifiableMap(headers), content);
  }

  /** Writes parts under a boundary, each with its headers. */
  public static byte[] write(String boundary, List<Part> parts) {
    var out = new ByteArrayOutputStream();
    for (var part : parts) {
      out.writeBytes(("--" + boundary + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
      for (var header : part.headers().entrySet()) {
        out.writeBytes(
            (header.getKey() + ": " + header.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
      }
      out.writeBytes(CRLF);
      out.writeBytes(part.body());
      out.writeBytes(CRLF);
    }
    out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.ISO_8859_1));
    return out.toByteArray();
  }

  private static int skipTransportPadding(byte[] body, int position) {
    while (position < body.length && (body[position] == ' ' || body[position] == '\t')) {
      position++;
    }
    return position;
  }

  private static boolean startsWith(byte[] body, int at, byte[] prefix) {
    if (at < 0 || at + prefix.length > body.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (body[at + i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static int indexOf(byte[] body, byte[] target, int from) {
    outer:
    for (int i = Math.max(0, from); i <= body.length - target.length; i++) {
      for (int j = 0; j < target.length; j++) {
        if (body[i + j] != target[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static InvalidRequestException invalid(String rule, String problem) {
    return new InvalidRequestException(
        "Content-Type", rule, "The multipart/mixed body is malformed: " + problem);
  }
}
