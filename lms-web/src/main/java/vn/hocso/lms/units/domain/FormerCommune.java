package vn.hocso.lms.units.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A commune as it was before the 2025 reorganisation, and the code of the commune it became part
 * of, so an old code (say in an imported spreadsheet) resolves to today's unit.
 */
@Entity
@Table(name = "commune_code_mapping")
public class FormerCommune {

  @Id
  @Column(name = "old_code")
  private String oldCode;

  @Column(name = "old_name", nullable = false)
  private String oldName;

  @Column(name = "old_district_name")
  private String oldDistrict;

  @Column(name = "old_province_name")
  private String oldProvince;

  @Column(name = "new_code", nullable = false)
  private String newCode;

  protected FormerCommune() {
    // for JPA
  }

  public FormerCommune(
      String oldCode, String oldName, String oldDistrict, String oldProvince, String newCode) {
    this.oldCode = oldCode;
    this.oldName = oldName;
    this.oldDistrict = oldDistrict;
    this.oldProvince = oldProvince;
    this.newCode = newCode;
  }

  public String oldCode() {
    return oldCode;
  }

  public String oldName() {
    return oldName;
  }

  /** The official code of the commune it is part of since 1 July 2025. */
  public String newCode() {
    return newCode;
  }
}
