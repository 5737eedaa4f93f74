package vn.hocso.lms.people.control;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;

/**
 * CSV as spreadsheets write it (RFC 4180: quoted fields with doubled quotes and line breaks inside,
 * comma or semicolon separated), read as a stream. A leading byte-order mark is skipped: Excel
 * writes one in "CSV UTF-8". Row numbers count records, so a quoted line break stays in its row.
 */
final class CsvRowSource implements RowSource {

  private final Reader text;
  private final long size;
  private final CountingInputStream counting;
  private boolean done;

  CsvRowSource(Reader text, long size, CountingInputStream counting) {
    this.text = text;
    this.size = size;
    this.counting = counting;
  }

  @Override
  public void read(RowHandler handler) throws IOException {
    try (var in = new BufferedReader(text, 1 << 16)) {
      in.mark(1 << 16);
      char separator = separatorOf(in);
      in.reset();
      in.mark(1);
      if (in.read() != '\uFEFF') {
        in.reset();
      }
      var row = new ArrayList<String>();
      var field = new StringBuilder();
      boolean quoted = false;
      int rowNumber = 0;
      for (int c = in.read(); c >= 0; c = in.read()) {
        if (quoted) {
          if (c == '"') {
            in.mark(1);
            if (in.read() == '"') {
              field.append('"');
            } else {
              in.reset();
              quoted = false;
            }
          } else {
            field.append((char) c);
          }
        } else if (c == '"' && field.length() == 0) {
          quoted = true;
        } else if (c == separator) {
          row.add(field.toString());
          field.setLength(0);
        } else if (c == '\n' || c == '\r') {
          if (c == '\r') {
            in.mark(1);
            if (in.read() != '\n') {
              in.reset();
            }
          }
          row.add(field.toString());
          field.setLength(0);
          handler.row(++rowNumber, row);
          row = new ArrayList<>();
        } else {
          field.append((char) c);
        }
      }
      if (field.length() > 0 || !row.isEmpty()) {
        row.add(field.toString());
        handler.row(++rowNumber, row);
      }
    } finally {
      done = true;
    }
  }

  @Override
  public double fractionRead() {
    if (done) {
      return 1;
    }
    return counting == null || size <= 0 ? 0 : Math.min(1, (double) counting.count() / size);
  }

  /** Vietnamese Excel often saves with semicolons (comma is the decimal separator there). */
  private static char separatorOf(Reader in) throws IOException {
    int commas = 0;
    int semicolons = 0;
    for (int c = in.read(), seen = 0; c >= 0 && c != '\n' && seen < (1 << 16) - 1; c = in.read()) {
      seen++;
      if (c == ',') {
        commas++;
      } else if (c == ';') {
        semicolons++;
      }
    }
    return semicolons > commas ? ';' : ',';
  }
}
