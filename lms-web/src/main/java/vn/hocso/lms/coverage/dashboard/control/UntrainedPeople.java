package vn.hocso.lms.coverage.dashboard.control;

import static vn.hocso.lms.coverage.dashboard.control.DashboardUnits.ANCESTORS;
import static vn.hocso.lms.coverage.dashboard.control.DashboardUnits.number;
import static vn.hocso.lms.coverage.dashboard.control.DashboardUnits.rows;
import static vn.hocso.lms.coverage.dashboard.control.DashboardUnits.within;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import vn.hocso.content.search.FoldedText;
import vn.hocso.lms.coverage.domain.Subject;
import vn.hocso.lms.privacy.control.Requester;
import vn.hocso.lms.privacy.domain.AuditAction;
import vn.hocso.lms.privacy.domain.AuditEntry;
import vn.hocso.lms.units.domain.OrgUnit;
import vn.hocso.lms.web.export.ExportTable;

/**
 * The members and staff of a unit's subtree who have not completed a track or course yet: the list
 * an officer acts on (call them, invite them to a class). "Completed" is the projector's state
 * ({@code cov_state}, milestone COMPLETED), so the list agrees with the dashboard's figures. It
 * shows personal data: each page and each download is audited, like the people list.
 */
@ApplicationScoped
@Transactional
public class UntrainedPeople {

  /** Who the list holds. */
  public enum Who {
    /** Members and staff (the default). */
    MEMBERS_AND_STAFF,
    MEMBERS,
    STAFF
  }

  /** A person of the list. */
  public record Row(
      long id,
      String fullName,
      Integer birthYear,
      String phone,
      String unitName,
      boolean member,
      String staffPosition) {}

  /** What to list: the unit's subtree, a subject (track or course), who, and a name typed. */
  public record Filter(long unitId, Subject subject, Who who, String name) {

    String auditDetail() {
      return "untrained unit=" + unitId + " subject=" + subject + " who=" + who;
    }
  }

  private static final int EXPORT_CHUNK = 2000;

  @PersistenceContext private EntityManager entityManager;

  private Clock clock = Clock.systemUTC();
  private int exportChunk = EXPORT_CHUNK;

  protected UntrainedPeople() {
    // for CDI
  }

  public UntrainedPeople(EntityManager entityManager, Clock clock) {
    this.entityManager = entityManager;
    this.clock = clock;
  }

  /** Outside a container, reading the export {@code exportChunk} rows at a time (tests). */
  public UntrainedPeople(EntityManager entityManager, Clock clock, int exportChunk) {
    this(entityManager, clock);
    this.exportChunk = exportChunk;
  }

  /**
   * How many the list holds. Without a name, from the counters: the subtree's members and staff
   * (storage.PeopleCounts) minus the trained among them (storage.TrainedCounts), exact at any size.
   * With a name, a count of the list itself, stopped at one past {@link #COUNT_LIMIT} (at Central a
   * scan of every person of the country); the page then says "more than".
   */
  public long count(Filter filter, Requester requester) {
    DashboardUnits.require(entityManager, filter.unitId(), requester.scope());
    if (FoldedText.fold(filter.name()).isEmpty()) {
      var who = who(filter);
      long people = counted(filter.unitId(), who);
      long trained =
          number(
              rows(
                      entityManager,
                      "select sum(people) from cov_trained where unit_id = ?1 and subject = ?2"
                          + who,
                      filter.unitId(),
                      filter.subject().code())
                  .get(0));
      // The trained follow a changed person when the projector applies her change (seconds).
      return Math.max(0, people - trained);
    }
    var parameters = new ArrayList<Object>();
    var sql =
        "select count(*) from (select 1 as one"
            + from(filter, parameters)
            + " limit "
            + (COUNT_LIMIT + 1)
            + ") listed";
    return number(rows(entityManager, sql, parameters.toArray()).get(0));
  }

  /** Counts of a list narrowed by name stop above this: see {@link #count}. */
  public static final long COUNT_LIMIT = 10_000;

  /** Whether a count of this filter stopped at the limit (the list holds more). */
  public static boolean isCapped(Filter filter, long count) {
    return count > COUNT_LIMIT && !FoldedText.fold(filter.name()).isEmpty();
  }

  /** One page in name order; audited. */
  public List<Row> list(Filter filter, int first, int max, Requester requester) {
    var unit = DashboardUnits.require(entityManager, filter.unitId(), requester.scope());
    var page = page(filter, first, max, inNameOrder(filter, unit));
    audit(requester, AuditAction.LISTED_PEOPLE, filter.auditDetail() + " first=" + first);
    return page;
  }

  /**
   * The whole list as a table to download, read a chunk at a time while it is written; audited when
   * the download begins.
   */
  public ExportTable export(
      Filter filter, String title, List<String> headers, Requester requester) {
    var unit = DashboardUnits.require(entityManager, filter.unitId(), requester.scope());
    audit(requester, AuditAction.EXPORTED_PEOPLE, filter.auditDetail());
    boolean nameOrder = inNameOrder(filter, unit);
    Iterable<List<Object>> rows = () -> new Chunks(filter, nameOrder);
    return new ExportTable(title, headers, rows);
  }

  /**
   * Whether to read the list by walking the name index (MariaDB/MySQL only): for a subtree holding
   * at least {@link #NAME_ORDER_SHARE} of the country's members and staff, and no name typed. There
   * a page is found after a few dozen rows of the index, where MariaDB's own plan reads and sorts
   * the whole subtree for every page (at Central, every person: 20 s at 200,000 people on a busy
   * machine). A small subtree is read through its units and sorted: the index would be walked to
   * its end to fill a page.
   */
  private boolean inNameOrder(Filter filter, OrgUnit unit) {
    if (!FoldedText.fold(filter.name()).isEmpty() || !onMariaDb()) {
      return false;
    }
    // Those the list may hold (members, staff or both) among all members and staff of the country.
    long subtree = counted(unit.id(), who(filter));
    long country = counted(DashboardUnits.root(unit).id(), "");
    return country > 0 && subtree >= NAME_ORDER_SHARE * country;
  }

  private long counted(long unitId, String who) {
    return number(
        rows(
                entityManager,
                "select sum(people) from cov_people where unit_id = ?1 and is_erased = false" + who,
                unitId)
            .get(0));
  }

  /** The condition on cov_people and cov_trained that picks whom the filter lists. */
  private static String who(Filter filter) {
    return switch (filter.who() == null ? Who.MEMBERS_AND_STAFF : filter.who()) {
      case MEMBERS_AND_STAFF -> "";
      case MEMBERS -> " and is_member = true";
      case STAFF -> " and is_staff = true";
    };
  }

  /** See {@link #inNameOrder}: a province of 34 holds about 3 %, a commune about 0.03 %. */
  static final double NAME_ORDER_SHARE = 0.01;

  private static volatile Boolean mariaDb;

  private boolean onMariaDb() {
    if (mariaDb == null) {
      try {
        var product =
            entityManager
                .unwrap(java.sql.Connection.class)
                .getMetaData()
                .getDatabaseProductName()
                .toLowerCase(java.util.Locale.ROOT);
        mariaDb = product.contains("mysql") || product.contains("mariadb");
      } catch (java.sql.SQLException | RuntimeException e) {
        return false;
      }
    }
    return mariaDb;
  }

  private List<Row> page(Filter filter, int first, int max, boolean nameOrder) {
    return read(filter, null, first, max, nameOrder).rows();
  }

  /** Rows in name order, and the key of the last (where the next chunk starts). */
  private record Chunk(List<Row> rows, String lastName, long lastId) {}

  /**
   * Up to {@code max} rows in name order: after {@code after}'s last row (keyset: the export, whose
   * chunk costs the same at the end of the list as at its start, and which neither skips nor
   * repeats anyone when the list changes while it is read), else from the {@code first}th (the
   * page).
   */
  private Chunk read(Filter filter, Chunk after, int first, int max, boolean nameOrder) {
    var parameters = new ArrayList<Object>();
    var from = from(filter, parameters);
    if (after != null) {
      parameters.add(after.lastId());
      int id = parameters.size();
      if (after.lastName() == null) {
        // Nulls come first in name order (MariaDB and H2).
        from += " and (p.search_name is not null or p.id > ?" + id + ")";
      } else {
        parameters.add(after.lastName());
        int name = parameters.size();
        from +=
            " and (p.search_name > ?"
                + name
                + " or (p.search_name = ?"
                + name
                + " and p.id > ?"
                + id
                + "))";
      }
    }
    var select = "select ";
    if (nameOrder) {
      // Person first, in name order, stopping at the page (see inNameOrder).
      select = "select straight_join ";
      from = from.replace(" from person p ", " from person p force index (person_search_name) ");
    }
    var sql =
        select
            + "p.id, p.full_name, p.birth_year, p.phone, u.name, p.is_member, p.staff_position,"
            + " p.search_name"
            + from
            + " order by p.search_name, p.id limit "
            + Math.max(0, max)
            + (after == null ? " offset " + Math.max(0, first) : "");
    var page = new ArrayList<Row>();
    String lastName = null;
    long lastId = 0;
    for (Object[] row : rows(entityManager, sql, parameters.toArray())) {
      page.add(
          new Row(
              number(row[0]),
              (String) row[1],
              row[2] == null ? null : ((Number) row[2]).intValue(),
              (String) row[3],
              (String) row[4],
              Boolean.TRUE.equals(row[5]) || (row[5] instanceof Number n && n.intValue() != 0),
              (String) row[6]));
      lastId = number(row[0]);
      lastName = (String) row[7];
    }
    return new Chunk(page, lastName, lastId);
  }

  private static String from(Filter filter, List<Object> parameters) {
    parameters.add(filter.unitId());
    parameters.add(filter.subject().code());
    var sql =
        new StringBuilder(
            " from person p join org_unit u on u.id = p.home_unit_id"
                + ANCESTORS
                + " where "
                + within(1)
                + " and p.erased_on is null and not exists (select 1 from cov_state s where"
                + " s.person_id = p.id and s.subject = ?2 and s.milestone = 'COMPLETED')");
    sql.append(
        switch (filter.who() == null ? Who.MEMBERS_AND_STAFF : filter.who()) {
          case MEMBERS_AND_STAFF -> " and (p.is_member = true or p.staff_employment is not null)";
          case MEMBERS -> " and p.is_member = true";
          case STAFF -> " and p.staff_employment is not null";
        });
    var folded = FoldedText.fold(filter.name());
    if (!folded.isEmpty()) {
      parameters.add("%" + escapeLike(folded) + "%");
      sql.append(" and p.search_name like ?").append(parameters.size());
    }
    return sql.toString();
  }

  private static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  private void audit(Requester requester, AuditAction action, String detail) {
    entityManager.persist(
        new AuditEntry(clock.instant(), requester.username(), action, null, detail));
  }

  /** The export's rows, fetched {@link #EXPORT_CHUNK} at a time. */
  private final class Chunks implements Iterator<List<Object>> {
    private final Filter filter;
    private final boolean nameOrder;
    private Chunk chunk;
    private int index;
    private boolean last;

    Chunks(Filter filter, boolean nameOrder) {
      this.filter = filter;
      this.nameOrder = nameOrder;
    }

    @Override
    public boolean hasNext() {
      if (chunk != null && index < chunk.rows().size()) {
        return true;
      }
      if (last) {
        return false;
      }
      // After the last row read, not at an offset: an offset reads and drops every row before it
      // (quadratic over a national list), and skips someone when a person listed earlier completes
      // meanwhile.
      chunk = read(filter, chunk, 0, exportChunk, nameOrder);
      index = 0;
      last = chunk.rows().size() < exportChunk;
      return !chunk.rows().isEmpty();
    }

    @Override
    public List<Object> next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      var row = chunk.rows().get(index++);
      var cells = new ArrayList<Object>(6);
      cells.add(row.fullName());
      cells.add(row.birthYear());
      cells.add(row.phone());
      cells.add(row.unitName());
      cells.add(row.member() ? "có" : "không");
      cells.add(row.staffPosition());
      return cells;
    }
  }
}
