package vn.hocso.lms.coverage;

import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;
import jakarta.persistence.EntityManager;
import java.lang.annotation.Annotation;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.CompletionStage;
import javax.sql.DataSource;
import vn.hocso.lms.coverage.control.CoverageChangeRecorder;
import vn.hocso.lms.coverage.control.CoverageProjection;
import vn.hocso.lms.coverage.control.CoverageRecompute;
import vn.hocso.lms.coverage.storage.CoverageTables;
import vn.hocso.lms.units.control.Reorganisation;
import vn.hocso.lms.units.control.TreeChange;
import vn.hocso.xapi.stream.StreamedStatement;

/** Test helpers over a migrated LMS database: courses, projecting, snapshots of the tables. */
public final class CoverageDatabase {

  private CoverageDatabase() {}

  /** A course with one published version in that track. */
  public static void insertCourse(DataSource dataSource, long id, String slug, String track)
      throws SQLException {
    try (var connection = dataSource.getConnection();
        var insert =
            connection.prepareStatement(
                "insert into course (id, activity_iri, revision) values (?, ?, 0)");
        var version =
            connection.prepareStatement(
                "insert into course_version (id, course_id, version_number, status, title,"
                    + " summary, track, course_level, audience, language, estimated_minutes,"
                    + " sequential_unlocking, completion_all_lessons, completion_all_quizzes,"
                    + " created_at) values (?, ?, 1, 'PUBLISHED', ?, 'Tóm tắt', ?, 'BASIC',"
                    + " 'MEMBERS', 'vi', 30, false, true, true, ?)")) {
      insert.setLong(1, id);
      insert.setString(2, TestStatements.COURSE + slug);
      insert.executeUpdate();
      version.setLong(1, id);
      version.setLong(2, id);
      version.setString(3, "Khóa " + slug);
      version.setString(4, track);
      version.setString(5, LocalDateTime.of(2025, 7, 1, 0, 0).toString().replace('T', ' '));
      version.executeUpdate();
    }
  }

  /** One projector transaction: reorganisations first, then the batch; committed or rolled back. */
  public static void project(DataSource dataSource, List<StreamedStatement> batch, boolean commit)
      throws SQLException {
    try (var connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try (var tables = new CoverageTables(connection)) {
        var projection = new CoverageProjection(tables);
        projection.applyChanges();
        projection.applyAll(batch);
      }
      if (commit) {
        connection.commit();
      } else {
        connection.rollback();
      }
    }
  }

  /** Every state row and non-zero counter, as sorted text (to compare and to show differences). */
  public static TreeMap<String, Long> snapshot(Connection connection) throws SQLException {
    var rows = new TreeMap<String, Long>();
    try (var statement = connection.createStatement()) {
      try (var result =
          statement.executeQuery(
              "select person_id, subject, milestone, reached_on, month_unit_id, live_unit_id"
                  + " from cov_state")) {
        while (result.next()) {
          rows.put(
              "state "
                  + result.getLong(1)
                  + " "
                  + result.getString(2)
                  + " "
                  + result.getString(3)
                  + " "
                  + result.getDate(4)
                  + " month@"
                  + result.getLong(5)
                  + " live@"
                  + result.getLong(6),
              1L);
        }
      }
      try (var result =
          statement.executeQuery(
              "select unit_id, subject, milestone, people from cov_live where people <> 0")) {
        while (result.next()) {
          rows.put(
              "live " + result.getLong(1) + " " + result.getString(2) + " " + result.getString(3),
              result.getLong(4));
        }
      }
      try (var result =
          statement.executeQuery(
              "select unit_id, subject, milestone, month_key, people from cov_month"
                  + " where people <> 0")) {
        while (result.next()) {
          rows.put(
              "month "
                  + result.getLong(1)
                  + " "
                  + result.getString(2)
                  + " "
                  + result.getString(3)
                  + " "
                  + result.getInt(4),
              result.getLong(5));
        }
      }
      // The kept headcounts (storage.Headcounts), which a recompute counts again.
      try (var result =
          statement.executeQuery(
              "select unit_id, changed_on, people, members from cov_headcount"
                  + " where people <> 0 or members <> 0")) {
        while (result.next()) {
          rows.put(
              "headcount " + result.getLong(1) + " " + result.getDate(2) + " people",
              result.getLong(3));
          rows.put(
              "headcount " + result.getLong(1) + " " + result.getDate(2) + " members",
              result.getLong(4));
        }
      }
      try (var result =
          statement.executeQuery(
              "select membership_id, person_id, unit_id, valid_from, valid_to, member"
                  + " from cov_headcount_stretch")) {
        while (result.next()) {
          rows.put(
              "counted membership "
                  + result.getLong(1)
                  + " "
                  + result.getLong(2)
                  + "@"
                  + result.getLong(3)
                  + " "
                  + result.getDate(4)
                  + "–"
                  + result.getDate(5)
                  + " member="
                  + result.getBoolean(6),
              1L);
        }
      }
      // Today's members and staff and the trained among them (storage.PeopleCounts and
      // TrainedCounts), with each person as counted (the tree as counted holds only the units
      // met so far, as cov_unit does: not compared).
      for (var table :
          List.of(
              "cov_people",
              "cov_people_person",
              "cov_trained",
              "cov_staff_trained",
              "cov_trained_person")) {
        try (var result = statement.executeQuery("select * from " + table)) {
          var columns = result.getMetaData().getColumnCount();
          boolean counter = result.getMetaData().getColumnName(columns).equalsIgnoreCase("people");
          while (result.next()) {
            var key = new StringBuilder(table);
            for (int i = 1; i <= (counter ? columns - 1 : columns); i++) {
              key.append(' ').append(result.getMetaData().getColumnName(i).toLowerCase());
              key.append('=').append(result.getString(i));
            }
            rows.put(key.toString(), counter ? result.getLong(columns) : 1L);
          }
        }
      }
    }
    return rows;
  }

  /** What a full recompute makes of the database now (rolled back: nothing changes). */
  public static TreeMap<String, Long> recomputed(DataSource dataSource) throws SQLException {
    try (var connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        new CoverageRecompute(connection).run();
        return snapshot(connection);
      } finally {
        connection.rollback();
      }
    }
  }

  public static TreeMap<String, Long> incremental(DataSource dataSource) throws SQLException {
    try (var connection = dataSource.getConnection()) {
      return snapshot(connection);
    }
  }

  /** What every writer of people does in its transaction: counts her in the headcounts. */
  public static void settleHeadcount(EntityManager em, vn.hocso.lms.people.domain.Person person) {
    try {
      vn.hocso.lms.coverage.storage.Headcounts.of(em).settle(person.id());
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A Reorganisation whose tree changes reach the coverage recorder, as CDI does in the LMS. */
  public static Reorganisation reorganisation(EntityManager em) {
    return new Reorganisation(em, treeChanges(em));
  }

  /** Tree changes delivered to the coverage recorder in {@code em}'s transaction. */
  public static Event<TreeChange> treeChanges(EntityManager em) {
    return new RecordingEvent(new CoverageChangeRecorder(em));
  }

  /** The one method of Event a Reorganisation calls, delivering to the recorder. */
  private record RecordingEvent(CoverageChangeRecorder recorder) implements Event<TreeChange> {

    @Override
    public void fire(TreeChange event) {
      recorder.record(event);
    }

    @Override
    public <U extends TreeChange> CompletionStage<U> fireAsync(U event) {
      throw new UnsupportedOperationException();
    }

    @Override
    public <U extends TreeChange> CompletionStage<U> fireAsync(
        U event, NotificationOptions options) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Event<TreeChange> select(Annotation... qualifiers) {
      throw new UnsupportedOperationException();
    }

    @Override
    public <U extends TreeChange> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
      throw new UnsupportedOperationException();
    }

    @Override
    public <U extends TreeChange> Event<U> select(
        TypeLiteral<U> subtype, Annotation... qualifiers) {
      throw new UnsupportedOperationException();
    }
  }
}
