package vn.hocso.xapi.platform;

import jakarta.json.JsonConfig;
import jakarta.json.JsonException;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Reads request bodies within a size limit and parses JSON strictly. */
public final class RequestBodies {

  /** Duplicate keys are refused: a statement must mean one thing (xAPI 2.0 Part 2 §2.2). */
  private static final JsonReaderFactory STRICT =
      Json.createReaderFactory(Map.of(JsonConfig.KEY_STRATEGY, JsonConfig.KeyStrategy.NONE));

  private RequestBodies() {}

  /** The whole body as UTF-8 text, refusing more than {@code limitBytes}. */
  public static String read(InputStream body, long limitBytes) {
    return new String(readBytes(body, limitBytes), StandardCharsets.UTF_8);
  }

  /** The whole body as bytes (documents may be binary), refusing more than {@code limitBytes}. */
  public static byte[] readBytes(InputStream body, long limitBytes) {
    if (body == null) {
      return new byte[0];
    }
    var out = new ByteArrayOutputStream();
    var buffer = new byte[8192];
    try {
      int read;
      while ((read = body.read(buffer)) != -1) {
        out.write(buffer, 0, read);
        if (out.size() > limitBytes) {
          throw new RequestTooLargeException(limitBytes);
        }
      }
    } catch (IOException e) {
      throw new RequestAbortedException(e);
    }
    return out.toByteArray();
  }

  /** Parses one JSON value; anything else (empty, trailing text, duplicate keys) is a 400. */
  public static JsonValue parseJson(String text) {
    if (text.isBlank()) {
      throw new InvalidRequestException(null, "body-required", "The request needs a JSON body");
    }
    JsonValue value;
    boolean single;
    try (var reader = STRICT.createReader(new StringReader(text))) {
      value = reader.readValue();
      // The reader stops after the first value: "{}{" or "{}[" must not pass as "{}".
      single = onlyOneValue(text);
    } catch (RuntimeException e) {
      // Parsing a string can only fail because of the string: JsonException for bad syntax, a
      // bare RuntimeException from Parsson for nesting deeper than its limit (1,000 levels).
      throw new InvalidRequestException(
          null, "json-syntax", "The body is not valid JSON: " + e.getMessage());
    }
    if (!single) {
      throw new InvalidRequestException(
          null, "json-syntax", "The body is not valid JSON: text follows the JSON value");
    }
    return value;
  }

  private static boolean onlyOneValue(String text) {
    try (var parser = Json.createParser(new StringReader(text))) {
      parser.next();
      parser.skipObject();
      parser.skipArray();
      return !parser.hasNext();
    } catch (JsonException | IllegalStateException | java.util.NoSuchElementException e) {
      return false;
    }
  }
}
