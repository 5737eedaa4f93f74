package vn.hocso.xapi.client.model;

/** The verbs Học Số sends: the cmi5 defined verbs (cmi5 §9.3) and ADL verbs it needs. */
public final class Verbs {

  private static final String ADL = "http://adlnet.gov/expapi/verbs/";

  public static final Verb LAUNCHED = Verb.of(ADL + "launched", "en-US", "launched");
  public static final Verb INITIALIZED = Verb.of(ADL + "initialized", "en-US", "initialized");
  public static final Verb COMPLETED = Verb.of(ADL + "completed", "en-US", "completed");
  public static final Verb PASSED = Verb.of(ADL + "passed", "en-US", "passed");
  public static final Verb FAILED = Verb.of(ADL + "failed", "en-US", "failed");
  public static final Verb ABANDONED =
      Verb.of("https://w3id.org/xapi/adl/verbs/abandoned", "en-US", "abandoned");
  public static final Verb WAIVED =
      Verb.of("https://w3id.org/xapi/adl/verbs/waived", "en-US", "waived");
  public static final Verb TERMINATED = Verb.of(ADL + "terminated", "en-US", "terminated");
  public static final Verb SATISFIED =
      Verb.of("https://w3id.org/xapi/adl/verbs/satisfied", "en-US", "satisfied");
  public static final Verb ANSWERED = Verb.of(ADL + "answered", "en-US", "answered");
  public static final Verb EXPERIENCED = Verb.of(ADL + "experienced", "en-US", "experienced");

  /** Voids the statement a StatementRef points at (xAPI 2.0 Part 2 §2.3.2). */
  public static final Verb VOIDED = Verb.of(ADL + "voided", "en-US", "voided");

  private Verbs() {}
}
