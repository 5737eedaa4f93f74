package vn.hocso.lms.people.control;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV as spreadsheets write it (RFC 4180: quoted fields with doubled quotes and line breaks
 * inside, comma or semicolon separated). A leading byte-order mark is skipped: Excel writes one in
 * "CSV UTF-8".
 */
final class CsvReader {

  private CsvReader() {}

  static List<List<String>> read(Reader in) throws IOException {
    var text = new StringBuilder();
    var buffer = new char[8192];
    for (int n; (n = in.read(buffer)) > 0; ) {
      text.append(buffer, 0, n);
    }
    if (text.length() > 0 && text.charAt(0) == '\uFEFF') {
      text.deleteCharAt(0);
    }
    char separator = separatorOf(text);
    var rows = new ArrayList<List<String>>();
    var row = new ArrayList<String>();
    var field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"' && field.length() == 0) {
        quoted = true;
      } else if (c == separator) {
        row.add(field.toString());
        field.setLength(0);
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        row.add(field.toString());
        field.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
      } else {
        field.append(c);
      }
    }
    if (field.length() > 0 || !row.isEmpty()) {
      row.add(field.toString());
      rows.add(row);
    }
    return rows;
  }

  /** Vietnamese Excel often saves with semicolons (comma is the decimal separator there). */
  private static char separatorOf(CharSequence text) {
    int commas = 0;
    int semicolons = 0;
    for (int i = 0; i < text.length() && text.charAt(i) != '\n'; i++) {
      if (text.charAt(i) == ',') {
        commas++;
      } else if (text.charAt(i) == ';') {
        semicolons++;
      }
    }
    return semicolons > commas ? ';' : ',';
  }
}
