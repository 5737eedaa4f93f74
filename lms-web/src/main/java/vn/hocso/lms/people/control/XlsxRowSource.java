package vn.hocso.lms.people.control;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * The first sheet of an XLSX workbook, read with POI's SAX event model: rows stream past one at a
 * time (the full workbook model would hold every cell as an object, hundreds of MB for 50,000
 * rows). Cells are read as Excel shows them (a number formatted "General" as "1985", a date as
 * written); row numbers are the sheet's own, so "dòng 12" is row 12 in Excel.
 */
final class XlsxRowSource implements RowSource {

  private final Path file;
  private volatile long sheetSize = -1;
  private volatile CountingInputStream counting;
  private volatile boolean done;

  XlsxRowSource(Path file) {
    this.file = file;
  }

  @Override
  public void read(RowHandler handler) throws IOException {
    try (var workbook = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
      var reader = new XSSFReader(workbook);
      var strings = new ReadOnlySharedStringsTable(workbook, false);
      var sheets = reader.getSheetIterator();
      if (!sheets.hasNext()) {
        return;
      }
      try (InputStream sheet = sheets.next()) {
        sheetSize = sheets.getSheetPart().getSize();
        counting = new CountingInputStream(sheet);
        var parser = XMLHelper.newXMLReader();
        parser.setContentHandler(
            new XSSFSheetXMLHandler(
                reader.getStylesTable(), strings, new Rows(handler), new DataFormatter(), false));
        parser.parse(new InputSource(counting));
      }
    } catch (OpenXML4JException | SAXException | ParserConfigurationException e) {
      throw new IOException("Not a readable XLSX workbook: " + e.getMessage(), e);
    } catch (org.apache.poi.UnsupportedFileFormatException e) {
      throw new IOException("Not an XLSX workbook: " + e.getMessage(), e);
    } finally {
      done = true;
    }
  }

  @Override
  public double fractionRead() {
    if (done) {
      return 1;
    }
    var stream = counting;
    return stream == null || sheetSize <= 0 ? 0 : Math.min(1, (double) stream.count() / sheetSize);
  }

  /** Collects one row's cells, filling the columns Excel leaves out (empty cells) with "". */
  private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {
    private final RowHandler handler;
    private List<String> cells;
    private int nextColumn;

    Rows(RowHandler handler) {
      this.handler = handler;
    }

    @Override
    public void startRow(int rowIndex) {
      cells = new ArrayList<>();
      nextColumn = 0;
    }

    @Override
    public void endRow(int rowIndex) {
      handler.row(rowIndex + 1, cells);
    }

    @Override
    public void cell(String reference, String formattedValue, XSSFComment comment) {
      int column = reference == null ? nextColumn : new CellReference(reference).getCol();
      while (nextColumn < column) {
        cells.add("");
        nextColumn++;
      }
      cells.add(formattedValue == null ? "" : formattedValue);
      nextColumn = column + 1;
    }
  }
}
