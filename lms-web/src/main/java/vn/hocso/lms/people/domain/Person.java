package vn.hocso.lms.people.domain;

import jakarta.persistence.CascadeType;
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
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import vn.hocso.content.search.FoldedText;
import vn.hocso.lms.units.domain.OrgUnit;
import vn.hocso.lms.units.domain.UnitRuleException;

/**
 * A woman the platform knows: member, learner, officer or trainer (or several). Personal data is
 * kept to the minimum (Decree 13/2023, Law 91/2025): name, birth year, optionally a phone number
 * and, flagged as sensitive, ethnicity. Learning records name her only by an opaque account.
 */
@Entity
@Table(name = "person")
public class Person {

  /** Vietnamese mobile numbers: 0 or +84 followed by 9 digits. */
  private static final Pattern PHONE = Pattern.compile("(0|\\+84)[0-9]{9}");

  @Id
  @TableGenerator(
      name = "person_ids",
      table = "id_sequence",
      pkColumnName = "sequence_name",
      valueColumnName = "next_value",
      pkColumnValue = "person",
      allocationSize = 100)
  @GeneratedValue(strategy = GenerationType.TABLE, generator = "person_ids")
  private Long id;

  @Column(name = "full_name", nullable = false)
  private String fullName;

  /** The name folded for search: no diacritics, lower case. */
  @Column(name = "search_name")
  private String searchName;

  @Column(name = "birth_year")
  private Integer birthYear;

  @Column(name = "phone")
  private String phone;

  /** Sensitive personal data (Decree 13/2023 Art. 2.4): shown and exported only with reason. */
  @Column(name = "ethnicity")
  private String ethnicity;

  @Column(name = "is_member", nullable = false)
  private boolean member;

  @Column(name = "is_trainer", nullable = false)
  private boolean trainer;

  @Enumerated(EnumType.STRING)
  @Column(name = "staff_employment")
  private StaffEmployment staffEmployment;

  @Column(name = "staff_position")
  private String staffPosition;

  /** The name of her xAPI account (homePage = the platform): random, so it reveals nothing. */
  @Column(name = "xapi_account", nullable = false, unique = true, updatable = false)
  private String xapiAccount;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "home_unit_id")
  private OrgUnit homeUnit;

  @OneToMany(mappedBy = "person", cascade = CascadeType.ALL)
  @OrderBy("validFrom")
  private List<Membership> memberships = new ArrayList<>();

  /**
   * The day she said, registering herself, that she is a Union member; null when there is no claim
   * waiting. Until an officer of her unit confirms it she counts as a non-member learner, so
   * self-registration cannot inflate a unit's membership figures.
   */
  @Column(name = "member_claimed_on")
  private LocalDate memberClaimedOn;

  /** The day her personal data was erased; null while it is kept. */
  @Column(name = "erased_on")
  private LocalDate erasedOn;

  @Version private long revision;

  /** What an erased person's name becomes: her learning records stay, without her. */
  public static final String ERASED_NAME = "(đã xóa)";

  protected Person() {
    // for JPA
  }

  public Person(String fullName, Integer birthYear, OrgUnit homeUnit, LocalDate since) {
    renameTo(fullName);
    setBirthYear(birthYear);
    this.xapiAccount = UUID.randomUUID().toString();
    if (!homeUnit.isOpenOn(since)) {
      throw new UnitRuleException(
          homeUnit.name() + " không hoạt động vào ngày " + since,
          "A person cannot join a unit that is not open on " + since);
    }
    this.homeUnit = homeUnit;
    memberships.add(new Membership(this, homeUnit, since));
  }

  public void renameTo(String fullName) {
    requireNotErased();
    if (fullName == null || fullName.isBlank()) {
      throw new IllegalArgumentException("Họ và tên không được để trống");
    }
    if (fullName.strip().length() > 255) {
      throw new IllegalArgumentException("Họ và tên dài tối đa 255 ký tự");
    }
    this.fullName = fullName.strip();
    this.searchName = FoldedText.fold(this.fullName);
  }

  public void setBirthYear(Integer birthYear) {
    requireNotErased();
    if (birthYear != null && (birthYear < 1900 || birthYear > Year.now().getValue())) {
      throw new IllegalArgumentException("Năm sinh phải từ 1900 đến năm nay");
    }
    this.birthYear = birthYear;
  }

  public void setPhone(String phone) {
    requireNotErased();
    var compact = phone == null ? "" : phone.replaceAll("[\\s.-]", "");
    if (!compact.isEmpty() && !PHONE.matcher(compact).matches()) {
      throw new IllegalArgumentException(
          "Số điện thoại phải có 10 chữ số, bắt đầu bằng 0 (hoặc +84)");
    }
    this.phone = compact.isEmpty() ? null : compact;
  }

  public void setEthnicity(String ethnicity) {
    requireNotErased();
    this.ethnicity = ethnicity == null || ethnicity.isBlank() ? null : ethnicity.strip();
  }

  public void markMember(boolean member) {
    this.member = member;
    this.memberClaimedOn = null;
  }

  /** She says she is a member; an officer of her unit confirms or declines it. */
  public void claimMembership(LocalDate on) {
    requireNotErased();
    if (!member) {
      this.memberClaimedOn = on;
    }
  }

  /** An officer confirms her claim: she is a member from now on. */
  public void confirmMembershipClaim() {
    requireClaim();
    markMember(true);
  }

  /** An officer declines her claim: she stays a learner who is not a member. */
  public void declineMembershipClaim() {
    requireClaim();
    memberClaimedOn = null;
  }

  private void requireClaim() {
    if (memberClaimedOn == null) {
      throw new IllegalStateException(fullName + " không có yêu cầu xác nhận hội viên nào");
    }
  }

  public Optional<LocalDate> memberClaimedOn() {
    return Optional.ofNullable(memberClaimedOn);
  }

  public void markTrainer(boolean trainer) {
    this.trainer = trainer;
  }

  /** Makes her a Union officer with that employment and position, or none with nulls. */
  public void employAsStaff(StaffEmployment employment, String position) {
    if (employment != null && (position == null || position.isBlank())) {
      throw new IllegalArgumentException("Cán bộ Hội cần có chức vụ");
    }
    this.staffEmployment = employment;
    this.staffPosition = employment == null ? null : position.strip();
  }

  /**
   * Moves her home to another unit from that day on; her earlier membership stays in history.
   * Moving to the unit she is in changes nothing.
   */
  public void moveTo(OrgUnit unit, LocalDate on) {
    var current = currentMembership();
    if (current.unit() == unit || (unit.id() != null && unit.id().equals(homeUnit.id()))) {
      return;
    }
    if (!on.isAfter(current.validFrom())) {
      throw new UnitRuleException(
          fullName + " chỉ có thể chuyển sinh hoạt sau ngày " + current.validFrom(),
          "A move must come after the current membership began on " + current.validFrom());
    }
    if (!unit.isOpenOn(on)) {
      throw new UnitRuleException(
          unit.name() + " không hoạt động vào ngày " + on,
          "A person cannot move to a unit that is not open on " + on);
    }
    current.endOn(on);
    memberships.add(new Membership(this, unit, on));
    homeUnit = unit;
  }

  /**
   * Erases her personal data (Law 91/2025 Art. 16): name, birth year, phone and ethnicity go. Her
   * opaque xAPI account, home unit and membership history stay, so learning records and the unit's
   * numbers remain right without saying who she was.
   */
  public void erase(LocalDate on) {
    if (erasedOn != null) {
      return;
    }
    fullName = ERASED_NAME;
    searchName = FoldedText.fold(ERASED_NAME);
    birthYear = null;
    phone = null;
    ethnicity = null;
    memberClaimedOn = null;
    staffPosition = staffPosition == null ? null : "(đã xóa)";
    erasedOn = on;
  }

  public boolean isErased() {
    return erasedOn != null;
  }

  /** Her home unit on that day, if she had one. */
  public Optional<OrgUnit> unitOn(LocalDate day) {
    return memberships.stream().filter(m -> m.covers(day)).map(Membership::unit).findFirst();
  }

  private void requireNotErased() {
    if (erasedOn != null) {
      throw new IllegalStateException("Dữ liệu cá nhân của người này đã bị xóa");
    }
  }

  private Membership currentMembership() {
    return memberships.get(memberships.size() - 1);
  }

  public Long id() {
    return id;
  }

  public String fullName() {
    return fullName;
  }

  public Optional<Integer> birthYear() {
    return Optional.ofNullable(birthYear);
  }

  public Optional<String> phone() {
    return Optional.ofNullable(phone);
  }

  public Optional<String> ethnicity() {
    return Optional.ofNullable(ethnicity);
  }

  public boolean isMember() {
    return member;
  }

  public boolean isTrainer() {
    return trainer;
  }

  public Optional<StaffEmployment> staffEmployment() {
    return Optional.ofNullable(staffEmployment);
  }

  public Optional<String> staffPosition() {
    return Optional.ofNullable(staffPosition);
  }

  public String xapiAccount() {
    return xapiAccount;
  }

  public OrgUnit homeUnit() {
    return homeUnit;
  }

  public List<Membership> memberships() {
    return List.copyOf(memberships);
  }
}
