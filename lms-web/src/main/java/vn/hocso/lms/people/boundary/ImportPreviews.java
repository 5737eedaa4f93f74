package vn.hocso.lms.people.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import vn.hocso.lms.people.control.ImportPreview;

/**
 * The API's checked imports waiting for their commit, as the import page keeps its preview in the
 * view: in memory, for {@value #KEPT_MINUTES} minutes, each only for the account that checked it;
 * at most {@value #MOST_PER_ACCOUNT} per account (her oldest goes first, so one busy script cannot
 * push out another officer's check) and {@value #MOST} in all (the oldest goes first). A restart
 * forgets them; the client then checks the file again, which is what a stale preview needs anyway.
 */
@ApplicationScoped
public class ImportPreviews {

  static final int KEPT_MINUTES = 30;
  static final int MOST = 60;
  static final int MOST_PER_ACCOUNT = 3;

  private final Clock clock;
  private final Map<String, Kept> kept = new LinkedHashMap<>();
  private final Map<String, Kept> taken = new LinkedHashMap<>();

  public ImportPreviews() {
    this(Clock.systemUTC());
  }

  ImportPreviews(Clock clock) {
    this.clock = clock;
  }

  private record Kept(String username, ImportPreview preview, Instant until) {}

  /** Keeps the preview for her; returns its id (random, unguessable). */
  public synchronized String keep(String username, ImportPreview preview) {
    forgetExpired();
    var hers =
        kept.entrySet().stream()
            .filter(entry -> entry.getValue().username().equals(username))
            .map(Map.Entry::getKey)
            .toList(); // oldest first: insertion order
    for (int i = 0; i <= hers.size() - MOST_PER_ACCOUNT; i++) {
      kept.remove(hers.get(i));
    }
    while (kept.size() >= MOST) {
      kept.remove(kept.keySet().iterator().next());
    }
    var id = UUID.randomUUID().toString();
    kept.put(
        id, new Kept(username, preview, clock.instant().plus(Duration.ofMinutes(KEPT_MINUTES))));
    return id;
  }

  /** Her preview of that id; another account's or an expired one is not found. */
  public synchronized Optional<ImportPreview> find(String id, String username) {
    forgetExpired();
    var entry = kept.get(id);
    return entry != null && entry.username().equals(username)
        ? Optional.of(entry.preview())
        : Optional.empty();
  }

  /**
   * Takes her preview of that id away, so that a second commit of it (a client retrying after a
   * timeout) finds nothing instead of adding every row again; {@link #putBack} if the commit fails.
   */
  public synchronized Optional<ImportPreview> take(String id, String username) {
    var found = find(id, username);
    if (found.isPresent()) {
      taken.put(id, kept.remove(id));
    }
    return found;
  }

  /** A taken preview whose commit failed is kept again, as before. */
  public synchronized void putBack(String id) {
    var entry = taken.remove(id);
    if (entry != null) {
      kept.put(id, entry);
    }
  }

  /** A taken preview whose commit succeeded is gone for good. */
  public synchronized void done(String id) {
    taken.remove(id);
  }

  public synchronized void forget(String id) {
    kept.remove(id);
  }

  private void forgetExpired() {
    var now = clock.instant();
    kept.values().removeIf(entry -> entry.until().isBefore(now));
  }
}
