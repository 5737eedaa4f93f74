package vn.hocso.lms.people.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;
import java.time.LocalDate;
import java.util.Optional;
import vn.hocso.lms.units.domain.OrgUnit;

/**
 * A stretch of time a person belonged to one home unit: from {@code validFrom} until before {@code
 * validTo}.
 */
@Entity
@Table(name = "person_membership")
public class Membership {

  @Id
  @TableGenerator(
      name = "person_membership_ids",
      table = "id_sequence",
      pkColumnName = "sequence_name",
      valueColumnName = "next_value",
      pkColumnValue = "person_membership",
      allocationSize = 100)
  @GeneratedValue(strategy = GenerationType.TABLE, generator = "person_membership_ids")
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "person_id")
  private Person person;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "unit_id")
  private OrgUnit unit;

  @Column(name = "valid_from", nullable = false)
  private LocalDate validFrom;

  @Column(name = "valid_to")
  private LocalDate validTo;

  protected Membership() {
    // for JPA
  }

  Membership(Person person, OrgUnit unit, LocalDate validFrom) {
    this.person = person;
    this.unit = unit;
    this.validFrom = validFrom;
  }

  void endOn(LocalDate day) {
    validTo = day;
  }

  public boolean covers(LocalDate day) {
    return !day.isBefore(validFrom) && (validTo == null || day.isBefore(validTo));
  }

  public OrgUnit unit() {
    return unit;
  }

  public LocalDate validFrom() {
    return validFrom;
  }

  public Optional<LocalDate> validTo() {
    return Optional.ofNullable(validTo);
  }
}
