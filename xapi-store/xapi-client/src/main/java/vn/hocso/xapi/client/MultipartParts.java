package vn.hocso.xapi.client;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Splits a multipart/mixed answer of the LRS into its parts (RFC 2046 §5.1.1). */
final class MultipartParts {

  record Part(Map<String, String> headers, byte[] body) {}

  private MultipartParts() {}

  static List<Part> parse(byte[] body, String boundary) {
    var delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    // Treat the body as if a line break came first, so the opening delimiter looks like the rest.
    var text = new byte[body.length + 2];
    text[0] = '\r';
    text[1] = '\n';
    System.arraycopy(body, 0, text, 2, body.length);
    var parts = new ArrayList<Part>();
    var at = indexOf(text, delimiter, 0);
    while (at >= 0) {
      var start = at + delimiter.length;
      if (start + 1 < text.length && text[start] == '-' && text[start + 1] == '-') {
        return parts;
      }
      var headersEnd = indexOf(text, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), start);
      var next = indexOf(text, delimiter, start);
      if (headersEnd < 0 || next < 0 || headersEnd > next) {
        break;
      }
      var headers = new LinkedHashMap<String, String>();
      for (var line :
          new String(text, start, headersEnd - start, StandardCharsets.UTF_8).split("\r\n")) {
        var colon = line.indexOf(':');
        if (colon > 0) {
          headers.put(
              line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
              line.substring(colon + 1).trim());
        }
      }
      parts.add(new Part(headers, Arrays.copyOfRange(text, headersEnd + 4, next)));
      at = next;
    }
    throw new XapiException("The LRS answered a multipart/mixed body without its close delimiter");
  }

  private static int indexOf(byte[] body, byte[] target, int from) {
    outer:
    for (int i = from; i <= body.length - target.length; i++) {
      for (int j = 0; j < target.length; j++) {
        if (body[i + j] != target[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
