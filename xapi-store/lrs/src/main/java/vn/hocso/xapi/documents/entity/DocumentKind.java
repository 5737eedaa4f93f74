package vn.hocso.xapi.documents.entity;

/** The three document resources, and the name of the parameter that names one document. */
public enum DocumentKind {
  /** xAPI 2.0 Part 3 §2.3. */
  STATE("stateId"),
  /** xAPI 2.0 Part 3 §2.7. */
  ACTIVITY_PROFILE("profileId"),
  /** xAPI 2.0 Part 3 §2.6. */
  AGENT_PROFILE("profileId");

  private final String idParameter;

  DocumentKind(String idParameter) {
    this.idParameter = idParameter;
  }

  public String idParameter() {
    return idParameter;
  }

  public boolean isProfile() {
    return this != STATE;
  }
}
