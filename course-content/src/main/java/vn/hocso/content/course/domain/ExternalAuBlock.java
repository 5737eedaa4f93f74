package vn.hocso.content.course.domain;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * An external assignable unit (cmi5, section 13.1.4 "AU Metadata"): content that lives on another
 * server and reports to our LRS itself once launched. We keep what a later launcher needs: the
 * publisher's AU id (cmi5 §9.4: statements about the AU use it as the activity id), the launch
 * address (https only: the platform is served over https, so a browser would block a plain http
 * frame or mix), the launch method, what moves the learner on and the mastery score.
 */
@Entity
@DiscriminatorValue("EXTERNAL_AU")
public class ExternalAuBlock extends ContentBlock {

  /** cmi5 §13.1.4 launchMethod. */
  public enum LaunchMethod {
    ANY_WINDOW("AnyWindow"),
    OWN_WINDOW("OwnWindow");

    private final String cmi5;

    LaunchMethod(String cmi5) {
      this.cmi5 = cmi5;
    }

    /** The value as cmi5.xml spells it. */
    public String cmi5() {
      return cmi5;
    }

    public static LaunchMethod ofCmi5(String value) {
      for (var method : values()) {
        if (method.cmi5.equals(value)) {
          return method;
        }
      }
      throw new IllegalArgumentException("Not a cmi5 launchMethod: " + value);
    }
  }

  /** cmi5 §13.1.4 moveOn: what the AU must report before the learner counts as done with it. */
  public enum MoveOn {
    NOT_APPLICABLE("NotApplicable"),
    PASSED("Passed"),
    COMPLETED("Completed"),
    COMPLETED_AND_PASSED("CompletedAndPassed"),
    COMPLETED_OR_PASSED("CompletedOrPassed");

    private final String cmi5;

    MoveOn(String cmi5) {
      this.cmi5 = cmi5;
    }

    public String cmi5() {
      return cmi5;
    }

    public static MoveOn ofCmi5(String value) {
      for (var moveOn : values()) {
        if (moveOn.cmi5.equals(value)) {
          return moveOn;
        }
      }
      throw new IllegalArgumentException("Not a cmi5 moveOn: " + value);
    }
  }

  @Column(name = "au_id", length = 2000)
  private String auId;

  @Column(name = "url", length = 2000)
  private String url;

  @Enumerated(EnumType.STRING)
  @Column(name = "launch_method", length = 16)
  private LaunchMethod launchMethod;

  @Enumerated(EnumType.STRING)
  @Column(name = "move_on", length = 24)
  private MoveOn moveOn;

  @Column(name = "mastery_score", precision = 6, scale = 5)
  private BigDecimal masteryScore;

  @Column(name = "launch_parameters", length = 2000)
  private String launchParameters;

  protected ExternalAuBlock() {
    // for JPA
  }

  /**
   * @param auId the publisher's IRI for the AU
   * @param url where it is launched, https
   * @param masteryScore 0 to 1, or null when the AU has none
   * @param launchParameters passed to the AU unchanged at launch, or null
   */
  public ExternalAuBlock(
      String auId,
      String url,
      LaunchMethod launchMethod,
      MoveOn moveOn,
      BigDecimal masteryScore,
      String launchParameters) {
    this.auId = Text.absoluteIri(auId, "An assignable unit's id");
    this.url = Text.httpsLink(url, "An assignable unit's address");
    this.launchMethod = Objects.requireNonNull(launchMethod, "An AU has a launch method");
    this.moveOn = Objects.requireNonNull(moveOn, "An AU has a moveOn rule");
    if (masteryScore != null
        && (masteryScore.signum() < 0 || masteryScore.compareTo(BigDecimal.ONE) > 0)) {
      throw new IllegalArgumentException("A mastery score is between 0 and 1, not " + masteryScore);
    }
    if (masteryScore != null && masteryScore.stripTrailingZeros().scale() > 4) {
      // cmi5 §13.1.4: "up to 4 decimal places of precision"
      throw new IllegalArgumentException("A mastery score has at most 4 decimals");
    }
    this.masteryScore = masteryScore == null ? null : masteryScore.stripTrailingZeros();
    this.launchParameters = Text.optional(launchParameters, 2000, "An AU's launch parameters");
  }

  @Override
  ContentBlock copy() {
    return new ExternalAuBlock(auId, url, launchMethod, moveOn, masteryScore, launchParameters);
  }

  public String auId() {
    return auId;
  }

  public String url() {
    return url;
  }

  public LaunchMethod launchMethod() {
    return launchMethod;
  }

  public MoveOn moveOn() {
    return moveOn;
  }

  /** 0 to 1, or null. */
  public BigDecimal masteryScore() {
    return masteryScore;
  }

  public String launchParameters() {
    return launchParameters;
  }
}
