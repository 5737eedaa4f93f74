package vn.hocso.lms.authoring.control;

import vn.hocso.lms.accounts.domain.Account;
import vn.hocso.lms.accounts.domain.Role;

/**
 * Who asks the authoring service: her account and whether she writes courses (trainer) or may
 * change any course (central admin).
 */
public record Caller(long accountId, boolean trainer, boolean centralAdmin) {

  public static Caller of(Account account) {
    var roles = account.grants().stream().map(g -> g.role()).toList();
    return new Caller(
        account.id(), roles.contains(Role.TRAINER), roles.contains(Role.CENTRAL_ADMIN));
  }

  /** Trainers and central admins write courses. */
  public boolean mayAuthor() {
    return trainer || centralAdmin;
  }
}
