package vn.hocso.xapi.client.model;

import java.util.List;
import java.util.UUID;

/**
 * The circumstances (xAPI 2.0 Part 2 §2.4.6). For Học Số: the enrolment as {@code registration}
 * (cmi5: one registration per enrolment), the course structure in {@code contextActivities}, the
 * session id in {@code extensions}. Absent values are null; the two 2.0 lists are never null and
 * are written only when not empty.
 */
public record Context(
    UUID registration,
    Actor instructor,
    Group team,
    ContextActivities contextActivities,
    String revision,
    String platform,
    String language,
    StatementRef statement,
    Extensions extensions,
    List<ContextAgent> contextAgents,
    List<ContextGroup> contextGroups) {

  private static final String SECTION = "xAPI 2.0 Part 2 §2.4.6";

  public Context {
    Rules.languageTag(language, "language", SECTION);
    contextAgents = contextAgents == null ? List.of() : List.copyOf(contextAgents);
    contextGroups = contextGroups == null ? List.of() : List.copyOf(contextGroups);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from this context. */
  public Builder toBuilder() {
    return new Builder()
        .registration(registration)
        .instructor(instructor)
        .team(team)
        .contextActivities(contextActivities)
        .revision(revision)
        .platform(platform)
        .language(language)
        .statement(statement)
        .extensions(extensions)
        .contextAgents(contextAgents)
        .contextGroups(contextGroups);
  }

  /** Builds a {@link Context}; validation happens in {@link #build()}. */
  public static final class Builder {
    private UUID registration;
    private Actor instructor;
    private Group team;
    private ContextActivities contextActivities;
    private String revision;
    private String platform;
    private String language;
    private StatementRef statement;
    private Extensions extensions;
    private List<ContextAgent> contextAgents;
    private List<ContextGroup> contextGroups;

    private Builder() {}

    public Builder registration(UUID registration) {
      this.registration = registration;
      return this;
    }

    public Builder instructor(Actor instructor) {
      this.instructor = instructor;
      return this;
    }

    public Builder team(Group team) {
      this.team = team;
      return this;
    }

    public Builder contextActivities(ContextActivities contextActivities) {
      this.contextActivities = contextActivities;
      return this;
    }

    public Builder revision(String revision) {
      this.revision = revision;
      return this;
    }

    public Builder platform(String platform) {
      this.platform = platform;
      return this;
    }

    public Builder language(String language) {
      this.language = language;
      return this;
    }

    public Builder statement(StatementRef statement) {
      this.statement = statement;
      return this;
    }

    public Builder extensions(Extensions extensions) {
      this.extensions = extensions;
      return this;
    }

    public Builder contextAgents(List<ContextAgent> contextAgents) {
      this.contextAgents = contextAgents;
      return this;
    }

    public Builder contextGroups(List<ContextGroup> contextGroups) {
      this.contextGroups = contextGroups;
      return this;
    }

    public Context build() {
      return new Context(
          registration,
          instructor,
          team,
          contextActivities,
          revision,
          platform,
          language,
          statement,
          extensions,
          contextAgents,
          contextGroups);
    }
  }
}
