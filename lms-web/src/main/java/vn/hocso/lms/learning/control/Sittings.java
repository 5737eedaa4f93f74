package vn.hocso.lms.learning.control;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.SessionScoped;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import vn.hocso.lms.learning.domain.Sitting;

/**
 * The sittings of one login session, one per course she opened. When the session ends (she logs
 * out, or it times out) each gets its {@code terminated} statement. A session lost with a crashed
 * server sends none: cmi5 readers treat a sitting without terminated as abandoned.
 */
@SessionScoped
public class Sittings implements Serializable {

  private static final long serialVersionUID = 1L;

  private static final Logger LOG = Logger.getLogger(Sittings.class.getName());

  @Inject transient Learning learning;

  private final Map<Long, Sitting> byCourse = new HashMap<>();

  synchronized Sitting get(long courseId) {
    return byCourse.get(courseId);
  }

  synchronized void put(long courseId, Sitting sitting) {
    byCourse.put(courseId, sitting);
  }

  @PreDestroy
  void sessionEnds() {
    ArrayList<Sitting> open;
    synchronized (this) {
      open = new ArrayList<>(byCourse.values());
      byCourse.clear();
    }
    if (open.isEmpty() || learning == null) {
      return;
    }
    try {
      learning.terminate(open);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Could not queue terminated statements: " + e, e);
    }
  }
}
