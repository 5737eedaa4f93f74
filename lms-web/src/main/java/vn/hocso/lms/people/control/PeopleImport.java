package vn.hocso.lms.people.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.Reader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.hocso.content.search.FoldedText;
import vn.hocso.lms.people.domain.Person;
import vn.hocso.lms.people.storage.PeopleBulkWriter;
import vn.hocso.lms.privacy.control.Requester;
import vn.hocso.lms.privacy.domain.AuditAction;
import vn.hocso.lms.privacy.domain.AuditEntry;
import vn.hocso.lms.units.control.AccessDeniedException;
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

  private static final java.time.ZoneId VIETNAM = java.time.ZoneId.of("Asia/Ho_Chi_Minh");

  private Clock clock = Clock.systemUTC();

  protected PeopleImport() {
    // for CDI
  }

  public PeopleImport(EntityManager entityManager, Clock clock) {
    this.entityManager = entityManager;
    this.clock = clock;
  }

  /** Reads and checks a CSV text; stores nothing. */
  public ImportPreview preview(Reader csv, ManagedScope scope) throws IOException {
    return preview(RowSource.csv(csv), scope, ImportProgress.ignored());
  }

  /**
   * Reads and checks every row of a file (CSV or XLSX, one pipeline), reporting every problem by
   * row and column; stores nothing. Duplicates are found by in-memory indexes over the file and a
   * few set queries over the database, never one query per row. Read-only, but in a transaction:
   * the page runs it on a managed executor thread, where Payara's non-transactional entity manager
   * fails.
   */
  @Transactional
  public ImportPreview preview(RowSource source, ManagedScope scope, ImportProgress progress)
      throws IOException {
    progress.reading(source);
    var check = new RowCheck(scope);
    source.read(check::row);
    var problems = check.problems;
    if (check.columns == null) {
      problems.add(new ImportProblem(1, "", "Tệp trống."));
      progress.done();
      return new ImportPreview(List.of(), problems, 0);
    }
    if (check.headerRefused) {
      progress.done();
      return new ImportPreview(List.of(), problems, check.dataRows);
    }
    progress.checkingDuplicates();
    problems.addAll(duplicatesInDatabase(check.rows));
    problems.sort(Comparator.comparingInt(ImportProblem::row));
    progress.done();
    return new ImportPreview(problems.isEmpty() ? check.rows : List.of(), problems, check.dataRows);
  }

  /** Adds every row of a preview without problems, in one transaction; returns how many. */
  @Transactional
  public int commit(ImportPreview preview, Requester officer) {
    return commit(preview, officer, ImportProgress.ignored());
  }

  /**
   * Adds every row of a preview without problems in one transaction (all or none), writing in JDBC
   * batches ({@link PeopleBulkWriter}: the rows were checked by {@code Person}'s rules in the
   * preview). Duplicates are checked again: someone may have added one of these people since the
   * preview. The import is audited: who added how many people, to which units.
   */
  @Transactional
  public int commit(ImportPreview preview, Requester officer, ImportProgress progress) {
    var scope = officer.scope();
    if (!preview.canCommit()) {
      throw new IllegalStateException("An import with problems adds nothing");
    }
    progress.checkingDuplicates();
    var unitIds = new HashSet<Long>();
    preview.rows().forEach(row -> unitIds.add(row.unitId()));
    for (var unitId : unitIds) {
      var unit = entityManager.find(OrgUnit.class, unitId);
      if (unit == null || !scope.covers(unit)) {
        // Refused like every other out-of-scope request (a stale or forged preview), not a 500.
        throw new AccessDeniedException("Unit " + unitId + " lies outside the scope");
      }
      if (!unit.isOpenOn(today())) {
        throw new ImportOutdatedException(); // closed by a reorganisation since the preview
      }
    }
    if (!duplicatesInDatabase(preview.rows()).isEmpty()) {
      throw new ImportOutdatedException();
    }
    progress.saving(preview.rows().size());
    try {
      // The transaction's own connection: the rows commit or roll back with it.
      new PeopleBulkWriter(entityManager.unwrap(Connection.class))
          .insert(preview.rows(), today(), progress::saved);
    } catch (SQLException e) {
      throw new PersistenceException("Bulk insert of people failed", e);
    }
    entityManager.persist(
        new AuditEntry(
            clock.instant(),
            officer.username(),
            AuditAction.IMPORTED_PEOPLE,
            null,
            preview.rows().size() + " people into units " + new java.util.TreeSet<>(unitIds)));
    progress.done();
    return preview.rows().size();
  }

  /** Checks the rows of one file as they stream past. */
  private final class RowCheck {
    final ManagedScope scope;
    final UnitResolver units = new UnitResolver();
    final Map<Long, Boolean> covered = new HashMap<>();
    final DuplicateIndex inFile = new DuplicateIndex();
    final List<ImportProblem> problems = new ArrayList<>();
    final List<ImportPreview.ImportRow> rows = new ArrayList<>();
    final LocalDate today = today();
    Map<Column, Integer> columns;
    boolean headerRefused;
    int dataRows;

    RowCheck(ManagedScope scope) {
      this.scope = scope;
    }

    void row(int rowNumber, List<String> cells) {
      if (columns == null) {
        if (cells.stream().allMatch(String::isBlank)) {
          return; // blank lines above the header
        }
        columns = columnsOf(cells, problems);
        headerRefused = !problems.isEmpty();
        return;
      }
      dataRows++;
      if (headerRefused || cells.stream().allMatch(String::isBlank)) {
        return;
      }
      int before = problems.size();
      var unit =
          units.resolve(
              cell(cells, columns, Column.COMMUNE_CODE),
              cell(cells, columns, Column.BRANCH),
              rowNumber,
              problems);
      if (unit != null && !covered.computeIfAbsent(unit.id(), id -> scope.covers(unit))) {
        problems.add(
            new ImportProblem(
                rowNumber,
                Column.COMMUNE_CODE.header,
                unit.name() + " ngoài phạm vi chị quản lý."));
        return;
      }
      var person =
          unit == null ? null : checkedPerson(cells, columns, unit, today, rowNumber, problems);
      if (person == null || problems.size() > before) {
        return;
      }
      var phone = person.phone().orElse(null);
      var earlier = inFile.addPhone(phone, rowNumber);
      if (earlier != null) {
        problems.add(
            new ImportProblem(
                rowNumber, Column.PHONE.header, "Trùng số điện thoại với dòng " + earlier + "."));
        return;
      }
      var birthYear = person.birthYear().orElse(null);
      earlier = inFile.addPerson(person.fullName(), birthYear, unit.id(), rowNumber);
      if (earlier != null) {
        problems.add(
            new ImportProblem(
                rowNumber,
                Column.FULL_NAME.header,
                "Trùng họ tên, năm sinh và đơn vị với dòng " + earlier + "."));
        return;
      }
      rows.add(
          new ImportPreview.ImportRow(
              rowNumber,
              person.fullName(),
              birthYear,
              phone,
              person.ethnicity().orElse(null),
              person.isMember(),
              unit.id()));
    }
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
    var phone = cell(cells, columns, Column.PHONE);
    if (phone.matches("[1-9][0-9]{8}")) {
      phone = "0" + phone; // a number cell: Excel dropped the leading zero
    }
    try {
      person.setPhone(phone);
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

  /**
   * Rows whose person is already stored: phones by set queries of up to 1,000, people by loading
   * the names of everyone in the rows' units once.
   */
  List<ImportProblem> duplicatesInDatabase(List<ImportPreview.ImportRow> rows) {
    var problems = new ArrayList<ImportProblem>();
    var index = new DuplicateIndex();
    var unitIds = new HashSet<Long>();
    for (var row : rows) {
      index.addPhone(row.phone(), row.row());
      index.addPerson(row.fullName(), row.birthYear(), row.unitId(), row.row());
      unitIds.add(row.unitId());
    }
    for (var chunk : chunks(new ArrayList<>(index.phones()))) {
      for (var phone :
          entityManager
              .createQuery("select p.phone from Person p where p.phone in :phones", String.class)
              .setParameter("phones", chunk)
              .getResultList()) {
        problems.add(
            new ImportProblem(
                index.rowOfPhone(phone),
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
            index.rowOfPerson((String) existing[0], (Integer) existing[1], (Long) existing[2]);
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

  /**
   * The Union's day: an import at 06:00 in Hà Nội (23:00 UTC) belongs to that day, not the one
   * before.
   */
  private LocalDate today() {
    return LocalDate.now(clock.withZone(VIETNAM));
  }
}
