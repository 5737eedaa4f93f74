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
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import vn.hocso.content.search.FoldedText;

/**
 * A unit of the Union (đơn vị Hội). Units are effective-dated: a closed unit keeps its row so
 * history still rolls up. Official codes are strings with their leading zeros.
 */
@Entity
@Table(name = "org_unit")
public class OrgUnit {

  private static final Pattern PROVINCE_CODE = Pattern.compile("\\d{2}");
  private static final Pattern COMMUNE_CODE = Pattern.compile("\\d{5}");

  @Id
  @TableGenerator(
      name = "org_unit_ids",
      table = "id_sequence",
      pkColumnName = "sequence_name",
      valueColumnName = "next_value",
      pkColumnValue = "org_unit",
      allocationSize = 100)
  @GeneratedValue(strategy = GenerationType.TABLE, generator = "org_unit_ids")
  private Long id;

  @Column(unique = true)
  private String code;

  @Column(nullable = false)
  private String name;

  /** The name folded for search: "ha noi" finds "Hà Nội". */
  @Column(name = "search_name")
  private String searchName;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private UnitKind kind;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "parent_id")
  private OrgUnit parent;

  @Column(name = "valid_from", nullable = false)
  private LocalDate validFrom;

  /** The first day the unit no longer exists (exclusive), or null while it is open. */
  @Column(name = "valid_to")
  private LocalDate validTo;

  @Enumerated(EnumType.STRING)
  @Column(name = "closed_reason")
  private ClosureReason closedReason;

  @Version private long revision;

  protected OrgUnit() {
    // for JPA
  }

  private OrgUnit(String code, String name, UnitKind kind, OrgUnit parent, LocalDate validFrom) {
    this.kind = Objects.requireNonNull(kind, "A unit has a kind");
    if (parent == null ? kind != UnitKind.CENTRAL : !kind.mayBeChildOf(parent.kind)) {
      throw new IllegalArgumentException(
          "A unit of kind "
              + kind
              + " cannot sit below "
              + (parent == null ? "nothing" : parent.kind));
    }
    requireOfficialCode(kind, code);
    rename(name);
    this.code = code;
    this.parent = parent;
    this.validFrom = Objects.requireNonNull(validFrom, "A unit has a date it began");
  }

  /** The root of the tree: the Central Union. */
  public static OrgUnit central(String name, LocalDate validFrom) {
    return new OrgUnit(null, name, UnitKind.CENTRAL, null, validFrom);
  }

  /** A unit below this one; provinces and communes carry their official code. */
  public OrgUnit addChild(String code, String name, UnitKind kind, LocalDate validFrom) {
    if (validTo != null) {
      throw new IllegalStateException("A closed unit takes no new sub-units: " + this.name);
    }
    return new OrgUnit(code, name, kind, this, validFrom);
  }

  public void rename(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("A unit needs a name");
    }
    if (name.length() > 255) {
      throw new IllegalArgumentException("A unit name has at most 255 characters");
    }
    this.name = name.strip();
    this.searchName = FoldedText.fold(this.name);
  }

  /** Whether the unit exists on that day. */
  public boolean isOpenOn(LocalDate day) {
    return !day.isBefore(validFrom) && (validTo == null || day.isBefore(validTo));
  }

  /** Whether this unit is the given one or lies anywhere below it. */
  public boolean isWithin(OrgUnit ancestor) {
    for (OrgUnit unit = this; unit != null; unit = unit.parent) {
      if (unit == ancestor || (unit.id != null && unit.id.equals(ancestor.id))) {
        return true;
      }
    }
    return false;
  }

  /** Puts the unit below another from that day on; its sub-units and people come with it. */
  public void moveUnder(OrgUnit newParent, LocalDate on) {
    requireOpenOn(on);
    newParent.requireOpenOn(on);
    if (!kind.mayBeChildOf(newParent.kind)) {
      throw new UnitRuleException(
          "Không thể đặt " + name + " dưới " + newParent.name + ": sai cấp đơn vị",
          "A " + kind + " cannot sit below a " + newParent.kind);
    }
    if (newParent.isWithin(this)) {
      throw new UnitRuleException(
          "Không thể đặt " + name + " dưới chính nó hoặc đơn vị cấp dưới của nó",
          "A unit cannot move below itself or one of its own sub-units");
    }
    parent = newParent;
  }

  /** Ends the unit's life: from that day on it no longer exists. Its row stays for history. */
  public void close(LocalDate on, ClosureReason reason) {
    requireOpenOn(on);
    if (!on.isAfter(validFrom)) {
      throw new UnitRuleException(
          name + " không thể giải thể vào ngày nó được thành lập",
          "A unit cannot close on or before the day it began");
    }
    validTo = on;
    closedReason = Objects.requireNonNull(reason, "A closure has a reason");
  }

  void requireOpenOn(LocalDate day) {
    if (!isOpenOn(day)) {
      throw new UnitRuleException(
          name + " không hoạt động vào ngày " + day, "The unit " + name + " is not open on " + day);
    }
  }

  private static void requireOfficialCode(UnitKind kind, String code) {
    if ((kind == UnitKind.ORGANISATION || kind == UnitKind.ORGANISATION_BASE) && code != null) {
      // An official code would make it look like a province or commune of the territorial tree.
      throw new IllegalArgumentException(
          "A non-territorial organisation has no official code, not: " + code);
    }
    if ((kind == UnitKind.BRANCH || kind == UnitKind.GROUP) && code != null) {
      // Branches and groups have no official code; one would be taken from the codes' namespace
      // (codes are never reused) and could be mistaken for a commune's.
      throw new UnitRuleException(
          "Chi hội và tổ phụ nữ không có mã đơn vị hành chính; để trống ô mã.",
          "A branch or group has no official code, not: " + code);
    }
    var pattern =
        switch (kind) {
          case PROVINCE -> PROVINCE_CODE;
          case COMMUNE -> COMMUNE_CODE;
          default -> null;
        };
    if (pattern != null && (code == null || !pattern.matcher(code).matches())) {
      throw new IllegalArgumentException(
          "A "
              + kind.name().toLowerCase()
              + " needs its official code ("
              + (kind == UnitKind.PROVINCE ? "2" : "5")
              + " digits), not: "
              + code);
    }
  }

  public Long id() {
    return id;
  }

  public Optional<String> code() {
    return Optional.ofNullable(code);
  }

  public String name() {
    return name;
  }

  public UnitKind kind() {
    return kind;
  }

  public Optional<OrgUnit> parent() {
    return Optional.ofNullable(parent);
  }

  public LocalDate validFrom() {
    return validFrom;
  }

  public boolean isOpen() {
    return validTo == null;
  }

  public Optional<LocalDate> validTo() {
    return Optional.ofNullable(validTo);
  }

  public Optional<ClosureReason> closedReason() {
    return Optional.ofNullable(closedReason);
  }

  @Override
  public String toString() {
    return kind + " " + (code == null ? "" : code + " ") + name;
  }
}
