package vn.hocso.lms.people.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.function.IntConsumer;
import vn.hocso.content.search.FoldedText;
import vn.hocso.lms.people.control.ImportPreview.ImportRow;

/**
 * Writes many new people at once with JDBC batches on the caller's connection (and so in its
 * transaction): the rows of a bulk import, already checked by {@code Person}'s own rules during the
 * preview. Through JPA, 50,000 people cost about a minute of change tracking and cache cloning;
 * here, a few seconds. It writes exactly what {@code Person} and {@code Membership} map: keep the
 * two in step.
 *
 * <p>Ids come from {@code id_sequence} as JPA's table generators take them: the range is reserved
 * by raising {@code next_value} by the row count, so the generators continue above it. The row
 * stays locked until the import commits; other new people wait for it.
 */
public final class PeopleBulkWriter {

  private static final int BATCH = 1000;

  private final Connection connection;

  public PeopleBulkWriter(Connection connection) {
    this.connection = connection;
  }

  /**
   * Inserts the people and their first membership, and counts them in the coverage headcounts;
   * reports progress after each batch.
   */
  public void insert(List<ImportRow> rows, LocalDate since, IntConsumer written)
      throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    // The people counters' lock first (storage.CountedTree: every people writer takes it before
    // any write, the id_sequence rows below included, or two of them deadlock).
    vn.hocso.lms.coverage.storage.CountedTree.lockPeopleCounters(connection);
    long firstPerson = reserve("person", rows.size());
    long firstMembership = reserve("person_membership", rows.size());
    try (var person =
            connection.prepareStatement(
                "insert into person (id, full_name, search_name, birth_year, phone, ethnicity,"
                    + " is_member, is_trainer, xapi_account, home_unit_id, revision)"
                    + " values (?, ?, ?, ?, ?, ?, ?, false, ?, ?, 1)");
        var membership =
            connection.prepareStatement(
                "insert into person_membership (id, person_id, unit_id, valid_from)"
                    + " values (?, ?, ?, ?)")) {
      var day = java.sql.Date.valueOf(since);
      for (int i = 0; i < rows.size(); i++) {
        var row = rows.get(i);
        long personId = firstPerson + i;
        person.setLong(1, personId);
        person.setString(2, row.fullName());
        person.setString(3, FoldedText.fold(row.fullName()));
        if (row.birthYear() == null) {
          person.setNull(4, java.sql.Types.INTEGER);
        } else {
          person.setInt(4, row.birthYear());
        }
        person.setString(5, row.phone());
        person.setString(6, row.ethnicity());
        person.setBoolean(7, row.member());
        person.setString(8, java.util.UUID.randomUUID().toString());
        person.setLong(9, row.unitId());
        person.addBatch();
        membership.setLong(1, firstMembership + i);
        membership.setLong(2, personId);
        membership.setLong(3, row.unitId());
        membership.setDate(4, day);
        membership.addBatch();
        if ((i + 1) % BATCH == 0 || i + 1 == rows.size()) {
          person.executeBatch();
          membership.executeBatch();
          written.accept(i + 1);
        }
      }
    }
    new vn.hocso.lms.coverage.storage.Headcounts(connection).addNewPeople(firstPerson, rows.size());
  }

  /** Reserves {@code count} ids of a table generator; returns the first. */
  private long reserve(String sequence, int count) throws SQLException {
    try (var update =
        connection.prepareStatement(
            "update id_sequence set next_value = next_value + ? where sequence_name = ?")) {
      update.setLong(1, count);
      update.setString(2, sequence);
      if (update.executeUpdate() != 1) {
        throw new SQLException("No id sequence " + sequence);
      }
    }
    try (var select =
        connection.prepareStatement("select next_value from id_sequence where sequence_name = ?")) {
      select.setString(1, sequence);
      try (var result = select.executeQuery()) {
        result.next();
        return result.getLong(1) - count + 1;
      }
    }
  }
}
