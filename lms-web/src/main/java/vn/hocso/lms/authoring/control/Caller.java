package vn.hocso.lms.authoring.control;

import vn.hocso.lms.accounts.domain.Account;
import vn.hocso.lms.accounts.domain.Role;

/**
 * Who asks the authoring service: her account and whether she writes courses (trainer) or may
 * change any course (central admin); and, when she saves from a page, the course revision that page
 * showed her ({@link #seeing}), so the service can refuse to overwrite what someone else saved
 * meanwhile.
 */
public record Caller(long accountId, boolean trainer, boolean centralAdmin, Long seenRevision) {

  public Caller(long accountId, boolean trainer, boolean centralAdmin) {
    this(accountId, trainer, centralAdmin, null);
  }

  public static Caller of(Account account) {
    var roles = account.grants().stream().map(g -> g.role()).toList();
    return new Caller(
        account.id(), roles.contains(Role.TRAINER), roles.contains(Role.CENTRAL_ADMIN));
  }

  /** The same caller, saving changes to a course as she saw it at {@code revision}. */
  public Caller seeing(long revision) {
    return new Caller(accountId, trainer, centralAdmin, revision);
  }

  /** Trainers and central admins write courses. */
  public boolean mayAuthor() {
    return trainer || centralAdmin;
  }

  /** Central admins review what trainers submit (and may publish or return it). */
  public boolean mayReview() {
    return centralAdmin;
  }
}
