package vn.hocso.lms.privacy.control;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Everything the platform holds about one person, as she may download it. */
public record PersonalDataExport(
    long personId,
    String fullName,
    Integer birthYear,
    String phone,
    String ethnicity,
    boolean member,
    boolean trainer,
    String staffEmployment,
    String staffPosition,
    String xapiAccount,
    List<MembershipLine> memberships,
    List<ConsentLine> consents,
    List<String> usernames,
    Instant exportedAt) {

  /** One stretch of membership in a unit. */
  public record MembershipLine(String unit, String unitCode, LocalDate from, LocalDate to) {}

  /** One consent, in force or withdrawn. */
  public record ConsentLine(
      String purpose, String textVersion, Instant givenAt, Instant withdrawnAt) {}
}
