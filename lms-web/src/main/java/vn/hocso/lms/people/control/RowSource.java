package vn.hocso.lms.people.control;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The rows of an import file, whatever its format, pushed one at a time so that a large file is
 * never held whole in memory. One pipeline ({@link PeopleImport}) checks the rows of every format.
 */
public interface RowSource {

  /** Receives each row: its number as the user sees it (1 = header) and its cells as text. */
  @FunctionalInterface
  interface RowHandler {
    void row(int rowNumber, List<String> cells);
  }

  /** Reads every row in file order, the header first. */
  void read(RowHandler handler) throws IOException;

  /** How much of the file has been read so far, from 0 to 1, for a progress bar. */
  double fractionRead();

  /** A CSV (UTF-8) text. */
  static RowSource csv(Reader text) {
    return new CsvRowSource(text, -1, null);
  }

  /**
   * The file as uploaded: XLSX when it is a zip (the format's signature, whatever its name says),
   * CSV otherwise.
   */
  static RowSource open(Path file) throws IOException {
    if (isZip(file)) {
      return new XlsxRowSource(file);
    }
    var counting = new CountingInputStream(Files.newInputStream(file));
    return new CsvRowSource(
        new InputStreamReader(counting, StandardCharsets.UTF_8), Files.size(file), counting);
  }

  /** Whether a file name says XLSX; used to pick a temporary file's suffix. */
  static boolean looksLikeXlsx(String fileName) {
    return fileName != null && fileName.toLowerCase(Locale.ROOT).endsWith(".xlsx");
  }

  private static boolean isZip(Path file) throws IOException {
    try (var in = new BufferedInputStream(Files.newInputStream(file))) {
      var signature = in.readNBytes(4);
      return signature.length == 4
          && signature[0] == 'P'
          && signature[1] == 'K'
          && signature[2] == 3
          && signature[3] == 4;
    }
  }

  /** Counts the bytes read through it, for {@link #fractionRead()}. */
  final class CountingInputStream extends java.io.FilterInputStream {
    private volatile long count;

    CountingInputStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        count += n;
      }
      return n;
    }

    long count() {
      return count;
    }
  }
}
