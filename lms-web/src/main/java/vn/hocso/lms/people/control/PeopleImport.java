package vn.hocso.lms.people.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.Reader;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.hocso.content.search.FoldedText;
import vn.hocso.lms.people.domain.Person;
import vn.hocso.lms.units.control.ManagedScope;
import vn.hocso.lms.units.domain.FormerCommune;
import vn.hocso.lms.units.domain.OrgUnit;
import vn.hocso.lms.units.domain.UnitKind;
import vn.hocso.lms.units.domain.UnitRuleException;

/**
 * Bulk import of people from a spreadsheet with Vietnamese headers: preview every row (each problem
 * told by row and column), detect duplicates, then add all rows or none. Pre-2025 commune codes are
 * accepted and resolved to today's commune.
 */
@ApplicationScoped
public class PeopleImport {

  /** The columns, by their Vietnamese header; headers match without diacritics or case. */
  public enum Column {
    FULL_NAME("Họ và tên", true),
    BIRTH_YEAR("Năm sinh", false),
    PHONE("Số điện thoại", false),
    COMMUNE_CODE("Mã xã", true),
    BRANCH("Chi hội", false),
    MEMBER("Hội viên", false),
    ETHNICITY("Dân tộc", false);

    final String header;
    final boolean required;

    Column(String header, boolean required) {
      this.header = header;
      this.required = required;
    }

    public String header() {
      return header;
    }
  }

  private static final Map<String, Column> HEADERS = new HashMap<>();

  static {
    for (var column : Column.values()) {
      HEADERS.put(FoldedText.fold(column.header), column);
    }
    HEADERS.put("ho ten", Column.FULL_NAME);
    HEADERS.put("sdt", Column.PHONE);
    HEADERS.put("dien thoai", Column.PHONE);
    HEADERS.put("ma don vi", Column.COMMUNE_CODE);
    HEADERS.put("ma xa/phuong", Column.COMMUNE_CODE);
  }

  @PersistenceContext private EntityManager entityManager;

  private Clock clock = Clock.systemUTC();

  protected PeopleImport() {
    // for CDI
  }

  public PeopleImport(EntityManager entityManager, Clock clock) {
    this.entityManager = entityManager;
    this.clock = clock;
  }

  /** Reads and checks a CSV file; stores nothing. */
  public ImportPreview preview(Reader csv, ManagedScope scope) throws IOException {
    var table = CsvReader.read(csv);
    var problems = new ArrayList<ImportProblem>();
    if (table.isEmpty()) {
      problems.add(new ImportProblem(1, "", "Tệp trống."));
      return new ImportPreview(List.of(), problems, 0);
    }
    var columns = columnsOf(table.get(0), problems);
    if (!problems.isEmpty()) {
      return new ImportPreview(List.of(), problems, table.size() - 1);
    }
    var units = new UnitResolver();
    var rows = new ArrayList<ImportPreview.ImportRow>();
    var phonesInFile = new HashMap<String, Integer>();
    var keysInFile = new HashMap<String, Integer>();
    var today = LocalDate.now(clock);
    for (int index = 1; index < table.size(); index++) {
      var cells = table.get(index);
      int rowNumber = index + 1;
      if (cells.stream().allMatch(String::isBlank)) {
        continue;
      }
      int before = problems.size();
      var unit =
          units.resolve(
              cell(cells, columns, Column.COMMUNE_CODE),
              cell(cells, columns, Column.BRANCH),
              rowNumber,
              problems);
      if (unit != null && !scope.covers(unit)) {
        problems.add(
            new ImportProblem(
                rowNumber,
                Column.COMMUNE_CODE.header,
                unit.name() + " ngoài phạm vi chị quản lý."));
        unit = null;
      }
      var person =
          unit == null ? null : checkedPerson(cells, columns, unit, today, rowNumber, problems);
      if (person == null || problems.size() > before) {
        continue;
      }
      var phone = person.phone().orElse(null);
      if (phone != null) {
        var earlier = phonesInFile.putIfAbsent(phone, rowNumber);
        if (earlier != null) {
          problems.add(
              new ImportProblem(
                  rowNumber, Column.PHONE.header, "Trùng số điện thoại với dòng " + earlier + "."));
          continue;
        }
      }
      var key = duplicateKey(person.fullName(), person.birthYear().orElse(null), unit.id());
      var earlier = keysInFile.putIfAbsent(key, rowNumber);
      if (earlier != null) {
        problems.add(
            new ImportProblem(
                rowNumber,
                Column.FULL_NAME.header,
                "Trùng họ tên, năm sinh và đơn vị với dòng " + earlier + "."));
        continue;
      }
      rows.add(
          new ImportPreview.ImportRow(
              rowNumber,
              person.fullName(),
              person.birthYear().orElse(null),
              phone,
              person.ethnicity().orElse(null),
              person.isMember(),
              unit.id()));
    }
    problems.addAll(duplicatesInDatabase(rows));
    problems.sort(java.util.Comparator.comparingInt(ImportProblem::row));
    return new ImportPreview(problems.isEmpty() ? rows : List.of(), problems, table.size() - 1);
  }

  /** Adds every row of a preview without problems, in one transaction; returns how many. */
  @Transactional
  public int commit(ImportPreview preview, ManagedScope scope) {
    if (!preview.canCommit()) {
      throw new IllegalStateException("An import with problems adds nothing");
    }
    var today = LocalDate.now(clock);
    int added = 0;
    for (var row : preview.rows()) {
      var unit = entityManager.find(OrgUnit.class, row.unitId());
      if (unit == null || !scope.covers(unit)) {
        throw new IllegalStateException("Row " + row.row() + " names a unit outside the scope");
      }
      var person = new Person(row.fullName(), row.birthYear(), unit, today);
      person.setPhone(row.phone());
      person.setEthnicity(row.ethnicity());
      person.markMember(row.member());
      entityManager.persist(person);
      if (++added % 1000 == 0) {
        entityManager.flush();
        entityManager.clear();
      }
    }
    return added;
  }

  private static Map<Column, Integer> columnsOf(List<String> header, List<ImportProblem> problems) {
    var columns = new EnumMap<Column, Integer>(Column.class);
    for (int i = 0; i < header.size(); i++) {
      var column = HEADERS.get(FoldedText.fold(header.get(i)));
      if (column != null) {
        columns.putIfAbsent(column, i);
      }
    }
    for (var column : Column.values()) {
      if (column.required && !columns.containsKey(column)) {
        problems.add(new ImportProblem(1, column.header, "Thiếu cột \"" + column.header + "\"."));
      }
    }
    return columns;
  }

  private static String cell(List<String> cells, Map<Column, Integer> columns, Column column) {
    var index = columns.get(column);
    return index == null || index >= cells.size() ? "" : cells.get(index).strip();
  }

  private static Person checkedPerson(
      List<String> cells,
      Map<Column, Integer> columns,
      OrgUnit unit,
      LocalDate today,
      int row,
      List<ImportProblem> problems) {
    var name = cell(cells, columns, Column.FULL_NAME);
    Integer birthYear = null;
    var yearText = cell(cells, columns, Column.BIRTH_YEAR);
    if (!yearText.isEmpty()) {
      try {
        birthYear = Integer.valueOf(yearText);
      } catch (NumberFormatException e) {
        problems.add(
            new ImportProblem(row, Column.BIRTH_YEAR.header, "Năm sinh phải là số, ví dụ 1985."));
        return null;
      }
    }
    Person person;
    try {
      person = new Person(name, birthYear, unit, today);
    } catch (IllegalArgumentException | UnitRuleException e) {
      var column = e.getMessage().contains("Năm sinh") ? Column.BIRTH_YEAR : Column.FULL_NAME;
      problems.add(new ImportProblem(row, column.header, e.getMessage()));
      return null;
    }
    try {
      person.setPhone(cell(cells, columns, Column.PHONE));
    } catch (IllegalArgumentException e) {
      problems.add(new ImportProblem(row, Column.PHONE.header, e.getMessage()));
      return null;
    }
    person.setEthnicity(cell(cells, columns, Column.ETHNICITY));
    var member = FoldedText.fold(cell(cells, columns, Column.MEMBER));
    if (!Set.of("", "co", "x", "khong", "1", "0").contains(member)) {
      problems.add(new ImportProblem(row, Column.MEMBER.header, "Ghi \"có\" hoặc \"không\"."));
      return null;
    }
    person.markMember(Set.of("co", "x", "1").contains(member));
    return person;
  }

  private List<ImportProblem> duplicatesInDatabase(List<ImportPreview.ImportRow> rows) {
    var problems = new ArrayList<ImportProblem>();
    var byPhone = new HashMap<String, Integer>();
    var byKey = new HashMap<String, Integer>();
    var unitIds = new HashSet<Long>();
    for (var row : rows) {
      if (row.phone() != null) {
        byPhone.put(row.phone(), row.row());
      }
      byKey.put(duplicateKey(row.fullName(), row.birthYear(), row.unitId()), row.row());
      unitIds.add(row.unitId());
    }
    for (var chunk : chunks(new ArrayList<>(byPhone.keySet()))) {
      for (var phone :
          entityManager
              .createQuery("select p.phone from Person p where p.phone in :phones", String.class)
              .setParameter("phones", chunk)
              .getResultList()) {
        problems.add(
            new ImportProblem(
                byPhone.get(phone),
                Column.PHONE.header,
                "Số điện thoại đã có người dùng trong hệ thống."));
      }
    }
    for (var chunk : chunks(new ArrayList<>(unitIds))) {
      for (var existing :
          entityManager
              .createQuery(
                  "select p.fullName, p.birthYear, p.homeUnit.id from Person p"
                      + " where p.homeUnit.id in :units",
                  Object[].class)
              .setParameter("units", chunk)
              .getResultList()) {
        var row =
            byKey.get(
                duplicateKey((String) existing[0], (Integer) existing[1], (Long) existing[2]));
        if (row != null) {
          problems.add(
              new ImportProblem(
                  row,
                  Column.FULL_NAME.header,
                  "Người này (họ tên, năm sinh, đơn vị) đã có trong hệ thống."));
        }
      }
    }
    return problems;
  }

  private static <T> List<List<T>> chunks(List<T> values) {
    var chunks = new ArrayList<List<T>>();
    for (int i = 0; i < values.size(); i += 1000) {
      chunks.add(values.subList(i, Math.min(values.size(), i + 1000)));
    }
    return chunks;
  }

  private static String duplicateKey(String name, Integer birthYear, long unitId) {
    return FoldedText.fold(name) + "|" + birthYear + "|" + unitId;
  }

  /** Finds the unit of a row: today's commune (old codes resolved), or a branch in it. */
  private final class UnitResolver {
    private final Map<String, OrgUnit> communes = new HashMap<>();
    private final Map<String, String> newCodeOf = new HashMap<>();
    private final Map<Long, Map<String, OrgUnit>> branches = new HashMap<>();

    UnitResolver() {
      entityManager
          .createQuery(
              "select u from OrgUnit u where u.kind = :kind and u.validTo is null", OrgUnit.class)
          .setParameter("kind", UnitKind.COMMUNE)
          .getResultList()
          .forEach(unit -> communes.put(unit.code().orElseThrow(), unit));
      entityManager
          .createQuery("select f from FormerCommune f", FormerCommune.class)
          .getResultList()
          .forEach(former -> newCodeOf.put(former.oldCode(), former.newCode()));
    }

    OrgUnit resolve(String code, String branchName, int row, List<ImportProblem> problems) {
      var normalised = code.replaceAll("\\s", "");
      if (normalised.matches("\\d{1,5}")) {
        normalised = "0".repeat(5 - normalised.length()) + normalised; // Excel drops leading zeros
      }
      var commune = communes.get(normalised);
      if (commune == null && newCodeOf.containsKey(normalised)) {
        commune = communes.get(newCodeOf.get(normalised));
      }
      if (commune == null) {
        problems.add(
            new ImportProblem(
                row, Column.COMMUNE_CODE.header, "Không có xã/phường mã \"" + code + "\"."));
        return null;
      }
      if (branchName.isBlank()) {
        return commune;
      }
      var branch = branchesOf(commune).get(FoldedText.fold(branchName));
      if (branch == null) {
        problems.add(
            new ImportProblem(
                row,
                Column.BRANCH.header,
                commune.name() + " không có chi hội \"" + branchName + "\"."));
      }
      return branch;
    }

    private Map<String, OrgUnit> branchesOf(OrgUnit commune) {
      return branches.computeIfAbsent(
          commune.id(),
          id -> {
            var byName = new HashMap<String, OrgUnit>();
            entityManager
                .createQuery(
                    "select u from OrgUnit u where u.parent.id = :id and u.validTo is null",
                    OrgUnit.class)
                .setParameter("id", id)
                .getResultList()
                .forEach(unit -> byName.put(FoldedText.fold(unit.name()), unit));
            return byName;
          });
    }
  }
}
