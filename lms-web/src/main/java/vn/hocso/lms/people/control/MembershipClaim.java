package vn.hocso.lms.people.control;

import java.time.LocalDate;

/** A woman who registered herself saying she is a member, waiting for an officer's answer. */
public record MembershipClaim(
    long personId, String fullName, Integer birthYear, String unitName, LocalDate claimedOn) {}
