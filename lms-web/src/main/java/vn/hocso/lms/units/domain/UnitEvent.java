package vn.hocso.lms.units.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/** One line of a unit's history. Never changed once written. */
@Entity
@Table(name = "unit_event")
public class UnitEvent {

  @Id
  @TableGenerator(
      name = "unit_event_ids",
      table = "id_sequence",
      pkColumnName = "sequence_name",
      valueColumnName = "next_value",
      pkColumnValue = "unit_event",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.TABLE, generator = "unit_event_ids")
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "unit_id")
  private OrgUnit unit;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private UnitEventKind kind;

  @Column(name = "effective_on", nullable = false)
  private LocalDate effectiveOn;

  @Column(name = "old_value")
  private String oldValue;

  @Column(name = "new_value")
  private String newValue;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "related_unit_id")
  private OrgUnit relatedUnit;

  @Column(name = "recorded_at", nullable = false)
  private Instant recordedAt;

  protected UnitEvent() {
    // for JPA
  }

  UnitEvent(
      OrgUnit unit,
      UnitEventKind kind,
      LocalDate effectiveOn,
      String oldValue,
      String newValue,
      OrgUnit relatedUnit) {
    this.unit = Objects.requireNonNull(unit);
    this.kind = Objects.requireNonNull(kind);
    this.effectiveOn = Objects.requireNonNull(effectiveOn);
    this.oldValue = oldValue;
    this.newValue = newValue;
    this.relatedUnit = relatedUnit;
    this.recordedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
  }

  public static UnitEvent of(OrgUnit unit, UnitEventKind kind, LocalDate on) {
    return new UnitEvent(unit, kind, on, null, null, null);
  }

  public static UnitEvent change(
      OrgUnit unit, UnitEventKind kind, LocalDate on, String oldValue, String newValue) {
    return new UnitEvent(unit, kind, on, oldValue, newValue, null);
  }

  public static UnitEvent relating(
      OrgUnit unit, UnitEventKind kind, LocalDate on, OrgUnit relatedUnit) {
    return new UnitEvent(unit, kind, on, null, null, Objects.requireNonNull(relatedUnit));
  }

  public OrgUnit unit() {
    return unit;
  }

  public UnitEventKind kind() {
    return kind;
  }

  public LocalDate effectiveOn() {
    return effectiveOn;
  }

  public Optional<String> oldValue() {
    return Optional.ofNullable(oldValue);
  }

  public Optional<String> newValue() {
    return Optional.ofNullable(newValue);
  }

  public Optional<OrgUnit> relatedUnit() {
    return Optional.ofNullable(relatedUnit);
  }
}
