package vn.hocso.lms.units.control;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The official lists of provinces and communes after 1 July 2025 (Decision 19/2025/QĐ-TTg), and the
 * old→new commune mapping, as shipped in {@code vn-admin-units-2025/} (see SOURCE.md there for the
 * attribution). The files have no quoted fields.
 */
public final class OfficialUnits {

  /** A province-level unit and its 2-digit code. */
  public record Province(String code, String name) {}

  /** A commune-level unit, its 5-digit code and its province's code. */
  public record Commune(String code, String name, String provinceCode) {}

  /** A pre-2025 commune and the commune it became part of. */
  public record CommuneCodeChange(
      String oldCode, String oldName, String oldDistrict, String oldProvince, String newCode) {}

  private static final String FOLDER = "/vn-admin-units-2025/";

  private OfficialUnits() {}

  public static List<Province> provinces() {
    return read("provinces.csv", 4, f -> new Province(f[0], f[1]));
  }

  public static List<Commune> communes() {
    return read("communes.csv", 3, f -> new Commune(f[0], f[1], f[2]));
  }

  /** The mapping, without the rows that name no old commune (new island units). */
  public static List<CommuneCodeChange> communeCodeChanges() {
    return read(
            "commune-mappings-2025.csv",
            7,
            f -> f[0].isEmpty() ? null : new CommuneCodeChange(f[0], f[1], f[2], f[3], f[4]))
        .stream()
        .toList();
  }

  private static <T> List<T> read(String file, int columns, Function<String[], T> row) {
    try (InputStream in = OfficialUnits.class.getResourceAsStream(FOLDER + file)) {
      if (in == null) {
        throw new IllegalStateException("Missing official list on the classpath: " + file);
      }
      var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      reader.readLine(); // header
      var rows = new ArrayList<T>();
      String line;
      int number = 1;
      while ((line = reader.readLine()) != null) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        var fields = line.split(",", -1);
        if (fields.length != columns) {
          throw new IllegalStateException(
              file + " line " + number + " has " + fields.length + " fields, not " + columns);
        }
        var value = row.apply(fields);
        if (value != null) {
          rows.add(value);
        }
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
