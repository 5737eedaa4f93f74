package vn.hocso.lms.learning.control;

/** Why the learning service will not do what a page asked; pages show {@link Reason#messageKey}. */
public class LearningRefusedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** The reasons, each with its UI string. */
  public enum Reason {
    /** The account is no one's: demo and service logins have no Person to learn as. */
    NO_PERSON("learning.noPerson"),
    NOT_ENROLLED("learning.notEnrolled"),
    NOT_PUBLISHED("learning.notPublished"),
    /** The course unlocks in sequence and something before this step is not done. */
    LOCKED("learning.locked"),
    NO_ATTEMPTS_LEFT("learning.noAttemptsLeft"),
    ALREADY_ANSWERED("learning.alreadyAnswered"),
    /**
     * A quiz page speaks for a registration, version or attempt that is no longer hers (she took
     * the course again, was moved to a later version, or finished the attempt in another tab).
     */
    STALE_QUIZ_PAGE("learning.staleQuizPage"),
    /** An officer asked to move learners to a later version, and there is none published. */
    NO_LATER_VERSION("learning.noLaterVersion"),
    /** Taking a course again needs her latest take completed. */
    NOT_COMPLETED("learning.notCompleted");

    private final String messageKey;

    Reason(String messageKey) {
      this.messageKey = messageKey;
    }

    public String messageKey() {
      return messageKey;
    }
  }

  private final Reason reason;

  public LearningRefusedException(Reason reason, String detail) {
    super(reason + ": " + detail);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
