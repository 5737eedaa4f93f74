package vn.hocso.content.catalogue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.logging.Logger;
import vn.hocso.content.course.domain.CourseVersion;
import vn.hocso.content.course.domain.VersionStatus;

/**
 * Searches the catalogue of published courses. Keeps one {@link CatalogueIndex} in memory and
 * rebuilds it when what is published has changed: before each search it asks the database for a
 * fingerprint of the published versions (their number, and the sum and maximum of their ids), one
 * cheap aggregate query. Publishing a course or a new version of one changes the fingerprint, so
 * the index follows every publication, from this application or any other node, without an event
 * that some code path could forget to send.
 */
@ApplicationScoped
public class CatalogueSearch {

  private static final Logger LOG = Logger.getLogger(CatalogueSearch.class.getName());

  @PersistenceContext private EntityManager entityManager;

  private volatile Snapshot snapshot;

  /** The index and the fingerprint of the published versions it was built from. */
  private record Snapshot(Fingerprint fingerprint, CatalogueIndex index) {}

  private record Fingerprint(long count, long idSum, long maxId) {}

  protected CatalogueSearch() {
    // for CDI
  }

  /** For use outside a container (tests, tools). */
  public CatalogueSearch(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  /** One page of the published courses matching the query, best first. */
  public CataloguePage search(CatalogueQuery query) {
    return index().search(query);
  }

  /** The index of what is published now, rebuilt if publications changed since the last one. */
  public CatalogueIndex index() {
    var now = fingerprint();
    var current = snapshot;
    if (current != null && current.fingerprint().equals(now)) {
      return current.index();
    }
    synchronized (this) {
      current = snapshot;
      if (current == null || !current.fingerprint().equals(now)) {
        long started = System.nanoTime();
        current = new Snapshot(now, build());
        snapshot = current;
        long millis = (System.nanoTime() - started) / 1_000_000;
        var size = current.index().size();
        LOG.info(() -> "Catalogue search index built: " + size + " courses in " + millis + " ms");
      }
      return current.index();
    }
  }

  /** Forgets the index; the next search builds a new one. */
  public void refresh() {
    snapshot = null;
  }

  private Fingerprint fingerprint() {
    var row =
        entityManager
            .createQuery(
                "select count(v), sum(v.id), max(v.id) from CourseVersion v"
                    + " where v.status = :published",
                Object[].class)
            .setParameter("published", VersionStatus.PUBLISHED)
            .getSingleResult();
    return new Fingerprint(number(row[0]), number(row[1]), number(row[2]));
  }

  private static long number(Object value) {
    return value == null ? 0 : ((Number) value).longValue();
  }

  private CatalogueIndex build() {
    var published =
        entityManager
            .createQuery(
                "select v from CourseVersion v where v.status = :published", CourseVersion.class)
            .setParameter("published", VersionStatus.PUBLISHED)
            // a few queries for the whole catalogue instead of several per course
            .setHint("eclipselink.batch.type", "IN")
            .setHint("eclipselink.batch", "v.tags")
            .setHint("eclipselink.batch", "v.modules")
            .setHint("eclipselink.batch", "v.modules.lessons")
            .setHint("eclipselink.batch", "v.modules.lessons.blocks")
            .setHint("eclipselink.batch", "v.modules.quiz")
            .getResultList();
    return CatalogueIndex.of(published);
  }
}
