package vn.hocso.lms.learning.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import vn.hocso.xapi.client.model.Statement;

/**
 * The statements this instance last knew to be in the LRS, per registration: what it read from the
 * LRS plus what it delivered since. Only a fallback for when the LRS does not answer, so that the
 * progress a learner sees never goes backwards during an outage (the LRS stays the source of truth:
 * every successful read replaces the entry). Bounded; the least recently used registrations are
 * forgotten first.
 */
@ApplicationScoped
public class DeliveredStatements {

  /**
   * A finished course with retries is some 45 statements, answers with their definitions: about 100
   * KB a registration. A thousand keeps the fallback to ~100 MB of a 1 GB platform.
   */
  private static final int MAX_REGISTRATIONS = 1_000;

  private final Map<UUID, List<Statement>> byRegistration =
      new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, List<Statement>> eldest) {
          return size() > MAX_REGISTRATIONS;
        }
      };

  /** What the LRS answered for a registration, in full. */
  public synchronized void replace(UUID registration, List<Statement> statements) {
    byRegistration.put(registration, List.copyOf(statements));
  }

  /** Statements the LRS has just accepted; added to registrations already known. */
  public synchronized void remember(Collection<Statement> statements) {
    for (var statement : statements) {
      var registration = statement.context() == null ? null : statement.context().registration();
      if (registration == null) {
        continue;
      }
      var known = byRegistration.get(registration);
      if (known != null) {
        var more = new ArrayList<>(known);
        more.add(statement);
        byRegistration.put(registration, List.copyOf(more));
      }
    }
  }

  public synchronized Optional<List<Statement>> of(UUID registration) {
    return Optional.ofNullable(byRegistration.get(registration));
  }
}
