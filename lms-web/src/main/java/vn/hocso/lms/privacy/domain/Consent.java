package vn.hocso.lms.privacy.domain;

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
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import vn.hocso.lms.people.domain.Person;

/**
 * A consent she gave, explicitly, to one purpose under one version of the text she was shown
 * (Decree 13/2023 Art. 11: silence is not consent). Withdrawing keeps the record.
 */
@Entity
@Table(name = "consent")
public class Consent {

  @Id
  @TableGenerator(
      name = "consent_ids",
      table = "id_sequence",
      pkColumnName = "sequence_name",
      valueColumnName = "next_value",
      pkColumnValue = "consent",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.TABLE, generator = "consent_ids")
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "person_id")
  private Person person;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private ConsentPurpose purpose;

  @Column(name = "text_version", nullable = false)
  private String textVersion;

  @Column(name = "given_at", nullable = false)
  private Instant givenAt;

  @Column(name = "withdrawn_at")
  private Instant withdrawnAt;

  protected Consent() {
    // for JPA
  }

  public Consent(Person person, ConsentPurpose purpose, String textVersion, Instant givenAt) {
    this.person = Objects.requireNonNull(person);
    this.purpose = Objects.requireNonNull(purpose);
    if (textVersion == null || textVersion.isBlank()) {
      throw new IllegalArgumentException("A consent names the version of the text she agreed to");
    }
    this.textVersion = textVersion.strip();
    this.givenAt = givenAt.truncatedTo(ChronoUnit.MICROS);
  }

  public void withdraw(Instant at) {
    if (withdrawnAt == null) {
      withdrawnAt = at.truncatedTo(ChronoUnit.MICROS);
    }
  }

  public boolean isInForce() {
    return withdrawnAt == null;
  }

  public ConsentPurpose purpose() {
    return purpose;
  }

  public String textVersion() {
    return textVersion;
  }

  public Instant givenAt() {
    return givenAt;
  }

  public Optional<Instant> withdrawnAt() {
    return Optional.ofNullable(withdrawnAt);
  }
}
