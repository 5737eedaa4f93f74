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

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private UnitKind kind;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "parent_id")
  private OrgUnit parent;

  @Column(name = "valid_from", nullable = false)
  private LocalDate validFrom;

  @Column(name = "valid_to")
  private LocalDate validTo;

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
  }

  private static void requireOfficialCode(UnitKind kind, String code) {
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
}
