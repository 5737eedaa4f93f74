package vn.hocso.lms.learning.storage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import vn.hocso.lms.learning.control.StatementOutbox;
import vn.hocso.xapi.client.model.Statement;

/**
 * The durable statement queue: {@link #send} writes a row in the caller's transaction (so a
 * statement exists exactly when the event it records was committed), {@code StatementDelivery}
 * posts the rows to the LRS in order and deletes them once accepted.
 *
 * <p>Order: a row's position is the time it was queued in microseconds, kept strictly increasing
 * within this JVM. Statements of one enrolment are made one request at a time (the learning service
 * locks the enrolment), so they are in order across instances too as long as the instances' clocks
 * agree to within the time between two of her clicks.
 */
@ApplicationScoped
public class StatementQueue implements StatementOutbox {

  private static final AtomicLong LAST_POSITION = new AtomicLong();

  @PersistenceContext private EntityManager entityManager;

  protected StatementQueue() {
    // for CDI
  }

  /** For use outside a container (tests). */
  public StatementQueue(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  @Override
  @Transactional(Transactional.TxType.MANDATORY)
  public void send(Statement statement) {
    entityManager.persist(new QueuedStatement(statement, nextPosition(), now()));
  }

  /** The statements of a registration still waiting, in queue order (refused ones left out). */
  public List<Statement> waitingFor(UUID registration) {
    return entityManager
        .createQuery(
            "select q from QueuedStatement q where q.registration = :r and q.refusedReason is null"
                + " order by q.position, q.statementId",
            QueuedStatement.class)
        .setParameter("r", registration.toString())
        .getResultList()
        .stream()
        .map(QueuedStatement::statement)
        .toList();
  }

  /** The oldest waiting rows, at most {@code limit}. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public List<QueuedStatement> oldest(int limit) {
    return entityManager
        .createQuery(
            "select q from QueuedStatement q where q.refusedReason is null"
                + " order by q.position, q.statementId",
            QueuedStatement.class)
        .setMaxResults(limit)
        .getResultList();
  }

  /**
   * Rows the LRS has accepted, deleted one by one by primary key: a record lock each. One {@code
   * delete … where statement_id in (…)} may be run as a scan of this small table, which on
   * MySQL/MariaDB locks every row and gap it passes, and learners' transactions inserting their
   * statements into those gaps then deadlocked with it (bench/run-learners.sh, 50 learners).
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void delivered(List<UUID> statementIds) {
    var delete =
        entityManager.createQuery("delete from QueuedStatement q where q.statementId = :id");
    for (var id : statementIds) {
      delete.setParameter("id", id.toString()).executeUpdate();
    }
  }

  /** A row the LRS refused: kept with the reason, no longer delivered. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void refused(UUID statementId, String reason) {
    var row = entityManager.find(QueuedStatement.class, statementId.toString());
    if (row != null) {
      row.refuse(reason);
    }
  }

  /** Rows waiting (refused ones not counted). */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public long backlog() {
    return entityManager
        .createQuery(
            "select count(q) from QueuedStatement q where q.refusedReason is null", Long.class)
        .getSingleResult();
  }

  /** What the queue holds now: rows waiting, rows the LRS refused, when the oldest waiting came. */
  public record Backlog(long waiting, long refused, Instant oldestWaitingSince) {}

  /** Counts the queue for readiness. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Backlog count() {
    long waiting =
        entityManager
            .createQuery(
                "select count(q) from QueuedStatement q where q.refusedReason is null", Long.class)
            .getSingleResult();
    long refused =
        entityManager
            .createQuery(
                "select count(q) from QueuedStatement q where q.refusedReason is not null",
                Long.class)
            .getSingleResult();
    var oldest =
        entityManager
            .createQuery(
                "select q.queuedAt from QueuedStatement q where q.refusedReason is null"
                    + " order by q.position",
                Instant.class)
            .setMaxResults(1)
            .getResultList();
    return new Backlog(waiting, refused, oldest.isEmpty() ? null : oldest.get(0));
  }

  /**
   * Takes or renews the delivery lease for {@code holder} until {@code now + ttlMillis}; true when
   * this holder has it. Another holder's lease is taken only once expired, so one instance at a
   * time delivers.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public boolean holdLease(String holder, long nowMillis, long ttlMillis) {
    return entityManager
            .createNativeQuery(
                "update statement_queue_lease set holder = ?, expires_at_millis = ?"
                    + " where lease_name = 'delivery' and (holder = ? or holder is null"
                    + " or expires_at_millis < ?)")
            .setParameter(1, holder)
            .setParameter(2, nowMillis + ttlMillis)
            .setParameter(3, holder)
            .setParameter(4, nowMillis)
            .executeUpdate()
        == 1;
  }

  static long nextPosition() {
    var micros = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
    return LAST_POSITION.updateAndGet(last -> Math.max(last + 1, micros));
  }

  private static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MICROS);
  }
}
