package vn.hocso.lms.people.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import vn.hocso.content.search.FoldedText;
import vn.hocso.lms.privacy.control.Requester;
import vn.hocso.lms.privacy.domain.AuditAction;
import vn.hocso.lms.privacy.domain.AuditEntry;
import vn.hocso.lms.units.control.AccessDeniedException;
import vn.hocso.lms.units.control.Subtree;
import vn.hocso.lms.units.domain.OrgUnit;

/**
 * Lists the people of a unit's subtree, always within the viewer's scope: an officer of one
 * province neither lists nor exports anyone of another. Lists show personal data, so each page
 * shown and each export is written to the audit log (Decree 13/2023 Art. 27: log who processed
 * what).
 */
@ApplicationScoped
@Transactional
public class PeopleDirectory {

  /** Rows fetched per query while exporting: memory stays flat whatever the list's length. */
  private static final int EXPORT_CHUNK = 2000;

  private static final String SELECT_ROW =
      "select new vn.hocso.lms.people.control.PersonRow(p.id, p.fullName, p.birthYear, p.phone,"
          + " u.name, u.code, p.member, p.trainer, p.staffPosition)";

  @PersistenceContext private EntityManager entityManager;

  private Clock clock = Clock.systemUTC();

  protected PeopleDirectory() {
    // for CDI
  }

  public PeopleDirectory(EntityManager entityManager, Clock clock) {
    this.entityManager = entityManager;
    this.clock = clock;
  }

  /** One page of the list, in the order asked; audited. */
  public List<PersonRow> list(
      PeopleFilter filter,
      PeopleFilter.Sort sort,
      boolean ascending,
      int first,
      int max,
      Requester requester) {
    var units = unitsToList(filter, requester);
    var rows =
        query(SELECT_ROW, filter, units, orderBy(sort, ascending), PersonRow.class)
            .setFirstResult(first)
            .setMaxResults(max)
            .getResultList();
    audit(requester, AuditAction.LISTED_PEOPLE, filter.auditDetail() + " first=" + first);
    return rows;
  }

  public long count(PeopleFilter filter, Requester requester) {
    var units = unitsToList(filter, requester);
    return query("select count(p)", filter, units, "", Long.class).getSingleResult();
  }

  /**
   * Writes the whole filtered list as an XLSX workbook (streaming: SXSSF keeps 100 rows in memory
   * and the database is read in chunks); audited; returns how many people were written.
   */
  public int exportXlsx(
      PeopleFilter filter,
      PeopleFilter.Sort sort,
      boolean ascending,
      Requester requester,
      OutputStream out)
      throws IOException {
    var units = unitsToList(filter, requester);
    int written = 0;
    try (var workbook = new SXSSFWorkbook(100)) {
      var sheet = workbook.createSheet("Danh sách");
      var bold = workbook.createFont();
      bold.setBold(true);
      var headerStyle = workbook.createCellStyle();
      headerStyle.setFont(bold);
      var header = sheet.createRow(0);
      var titles =
          List.of(
              "Họ và tên",
              "Năm sinh",
              "Số điện thoại",
              "Đơn vị",
              "Mã đơn vị",
              "Hội viên",
              "Giảng viên",
              "Chức vụ");
      for (int c = 0; c < titles.size(); c++) {
        var cell = header.createCell(c);
        cell.setCellValue(titles.get(c));
        cell.setCellStyle(headerStyle);
      }
      sheet.createFreezePane(0, 1);
      for (int first = 0; ; first += EXPORT_CHUNK) {
        var chunk =
            query(SELECT_ROW, filter, units, orderBy(sort, ascending), PersonRow.class)
                .setFirstResult(first)
                .setMaxResults(EXPORT_CHUNK)
                .getResultList();
        for (var person : chunk) {
          writeRow(workbook, sheet.createRow(++written), person);
        }
        entityManager.clear();
        if (chunk.size() < EXPORT_CHUNK) {
          break;
        }
      }
      workbook.write(out);
      workbook.dispose();
    }
    audit(requester, AuditAction.EXPORTED_PEOPLE, filter.auditDetail() + " rows=" + written);
    return written;
  }

  private static void writeRow(
      Workbook workbook, org.apache.poi.ss.usermodel.Row row, PersonRow person) {
    row.createCell(0).setCellValue(person.fullName());
    if (person.birthYear() != null) {
      row.createCell(1).setCellValue(person.birthYear());
    }
    // Text, not a number: a phone's leading zero must survive Excel.
    row.createCell(2).setCellValue(person.phone() == null ? "" : person.phone());
    row.createCell(3).setCellValue(person.unitName());
    row.createCell(4).setCellValue(person.unitCode() == null ? "" : person.unitCode());
    row.createCell(5).setCellValue(person.member() ? "có" : "không");
    row.createCell(6).setCellValue(person.trainer() ? "có" : "không");
    row.createCell(7).setCellValue(person.staffPosition() == null ? "" : person.staffPosition());
  }

  /** The subtree roots to list: the unit asked for if the scope covers it, else the scope. */
  private Collection<Long> unitsToList(PeopleFilter filter, Requester requester) {
    var scope = requester.scope();
    if (scope.isEmpty()) {
      throw new AccessDeniedException("An account without a scope lists nobody");
    }
    if (filter.unitId() == null) {
      return scope.rootUnitIds();
    }
    var unit = entityManager.find(OrgUnit.class, filter.unitId());
    if (unit == null || !scope.covers(unit)) {
      // The same answer for "absent" and "not yours": existence outside the scope is not told.
      throw new AccessDeniedException("No unit " + filter.unitId() + " in this account's scope");
    }
    return Set.of(unit.id());
  }

  private <T> TypedQuery<T> query(
      String select, PeopleFilter filter, Collection<Long> units, String orderBy, Class<T> type) {
    var jpql = new StringBuilder(select);
    jpql.append(" from Person p join p.homeUnit u")
        .append(Subtree.ANCESTOR_JOINS)
        .append(" where ")
        .append(Subtree.within("units"))
        .append(" and p.erasedOn is null");
    var folded = FoldedText.fold(filter.name());
    if (!folded.isEmpty()) {
      jpql.append(" and p.searchName like :name");
    }
    if (filter.kind() != null) {
      jpql.append(
          switch (filter.kind()) {
            case MEMBER -> " and p.member = true";
            case NON_MEMBER_LEARNER -> " and p.member = false";
            case STAFF -> " and p.staffEmployment is not null";
            case TRAINER -> " and p.trainer = true";
          });
    }
    jpql.append(orderBy);
    var query = entityManager.createQuery(jpql.toString(), type).setParameter("units", units);
    if (!folded.isEmpty()) {
      query.setParameter("name", "%" + escapeLike(folded) + "%");
    }
    return query;
  }

  private static String orderBy(PeopleFilter.Sort sort, boolean ascending) {
    var direction = ascending ? " asc" : " desc";
    return switch (sort == null ? PeopleFilter.Sort.NAME : sort) {
          case NAME -> " order by p.searchName" + direction;
          case BIRTH_YEAR -> " order by p.birthYear" + direction + ", p.searchName";
          case UNIT -> " order by u.name" + direction + ", p.searchName";
        }
        + ", p.id";
  }

  private void audit(Requester requester, AuditAction action, String detail) {
    entityManager.persist(
        new AuditEntry(clock.instant(), requester.username(), action, null, detail));
  }

  private static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
