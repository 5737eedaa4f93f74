package vn.hocso.lms.coverage.dashboard.domain;

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
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import vn.hocso.lms.units.domain.OrgUnit;
import vn.hocso.lms.units.domain.UnitRuleException;

/**
 * How many Union staff (cán bộ Hội) a unit means to train in one calendar year (chỉ tiêu đào tạo
 * cán bộ). One per unit and year; the figure is a whole number from 0 to {@link #MAX_STAFF}, the
 * year within {@link #FIRST_YEAR}–{@link #LAST_YEAR}, and a closed unit takes no new target.
 */
@Entity
@Table(name = "cov_staff_target")
public class StaffTrainingTarget {

  public static final int FIRST_YEAR = 2025;
  public static final int LAST_YEAR = 2100;

  /** More than the Union's whole staff: a larger figure is a typing mistake. */
  public static final int MAX_STAFF = 500_000;

  @Id
  @TableGenerator(
      name = "cov_staff_target_ids",
      table = "id_sequence",
      pkColumnName = "sequence_name",
      valueColumnName = "next_value",
      pkColumnValue = "cov_staff_target",
      allocationSize = 10)
  @GeneratedValue(strategy = GenerationType.TABLE, generator = "cov_staff_target_ids")
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "unit_id", updatable = false)
  private OrgUnit unit;

  @Column(name = "target_year", nullable = false, updatable = false)
  private int year;

  @Column(name = "staff_to_train", nullable = false)
  private int staffToTrain;

  /** The username of the officer who last set it. */
  @Column(name = "set_by", nullable = false)
  private String setBy;

  @Column(name = "set_at", nullable = false)
  private Instant setAt;

  @Version private long revision;

  protected StaffTrainingTarget() {
    // for JPA
  }

  public StaffTrainingTarget(
      OrgUnit unit, int year, int staffToTrain, String setBy, Instant setAt) {
    this.unit = Objects.requireNonNull(unit, "unit");
    if (!unit.isOpen()) {
      throw new UnitRuleException(
          unit.name() + " đã ngừng hoạt động, không đặt chỉ tiêu được",
          "A closed unit takes no target");
    }
    if (year < FIRST_YEAR || year > LAST_YEAR) {
      throw new UnitRuleException(
          "Năm của chỉ tiêu phải từ " + FIRST_YEAR + " đến " + LAST_YEAR,
          "The target's year must lie within " + FIRST_YEAR + "–" + LAST_YEAR);
    }
    this.year = year;
    changeTo(staffToTrain, setBy, setAt);
  }

  /** Sets a new figure, remembering who set it and when. */
  public void changeTo(int staffToTrain, String setBy, Instant setAt) {
    if (staffToTrain < 0 || staffToTrain > MAX_STAFF) {
      throw new UnitRuleException(
          "Chỉ tiêu phải là số từ 0 đến " + MAX_STAFF,
          "The target must be a number from 0 to " + MAX_STAFF);
    }
    if (setBy == null || setBy.isBlank()) {
      throw new IllegalArgumentException("A target is set by someone");
    }
    this.staffToTrain = staffToTrain;
    this.setBy = setBy;
    this.setAt = Objects.requireNonNull(setAt, "setAt");
  }

  public Long id() {
    return id;
  }

  public OrgUnit unit() {
    return unit;
  }

  public int year() {
    return year;
  }

  public int staffToTrain() {
    return staffToTrain;
  }

  public String setBy() {
    return setBy;
  }

  public Instant setAt() {
    return setAt;
  }
}
