package vn.hocso.xapi.client;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import vn.hocso.xapi.client.model.Actor;
import vn.hocso.xapi.client.model.Timestamps;
import vn.hocso.xapi.client.model.Verb;
import vn.hocso.xapi.client.model.XapiJson;

/**
 * The filters of a statements query (xAPI 2.0 Part 3 §2.1.3). Build one with {@link #builder()}; an
 * empty query asks for every statement, newest first. ({@code attachments=true}, which needs a
 * multipart answer, is not offered yet.)
 */
public final class StatementQuery {

  /** How statements come back (xAPI 2.0 Part 3 §2.1.3, {@code format}). */
  public enum Format {
    /** Actors, verbs and activities by their identifiers only. */
    IDS,
    /** As stored. */
    EXACT,
    /** Language maps reduced to the languages asked for in Accept-Language. */
    CANONICAL
  }

  private final Map<String, String> parameters;

  private StatementQuery(Map<String, String> parameters) {
    this.parameters = Map.copyOf(parameters);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The query parameters, unencoded, in a stable order. */
  public Map<String, String> parameters() {
    return new java.util.TreeMap<>(parameters);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof StatementQuery query && query.parameters.equals(parameters);
  }

  @Override
  public int hashCode() {
    return parameters.hashCode();
  }

  @Override
  public String toString() {
    return "StatementQuery" + parameters();
  }

  /** Builds a {@link StatementQuery}. */
  public static final class Builder {
    private final Map<String, String> parameters = new LinkedHashMap<>();

    private Builder() {}

    /** Statements whose actor (or, with {@link #relatedAgents}, any agent) is this one. */
    public Builder agent(Actor agent) {
      if (agent.identifier().isEmpty()) {
        throw new IllegalArgumentException("The agent filter needs an identified Agent or Group");
      }
      parameters.put("agent", XapiJson.write(agent).toString());
      return this;
    }

    public Builder verb(String verbId) {
      parameters.put("verb", verbId);
      return this;
    }

    public Builder verb(Verb verb) {
      return verb(verb.id());
    }

    /** Statements whose object (or, with {@link #relatedActivities}, any activity) is this one. */
    public Builder activity(String activityId) {
      parameters.put("activity", activityId);
      return this;
    }

    public Builder registration(UUID registration) {
      parameters.put("registration", registration.toString());
      return this;
    }

    public Builder relatedActivities(boolean related) {
      parameters.put("related_activities", Boolean.toString(related));
      return this;
    }

    public Builder relatedAgents(boolean related) {
      parameters.put("related_agents", Boolean.toString(related));
      return this;
    }

    /** Only statements stored after this instant. */
    public Builder since(Instant since) {
      parameters.put("since", Timestamps.format(since));
      return this;
    }

    /** Only statements stored at or before this instant. */
    public Builder until(Instant until) {
      parameters.put("until", Timestamps.format(until));
      return this;
    }

    /** Statements per page; 0 lets the LRS choose its maximum. */
    public Builder limit(int limit) {
      if (limit < 0) {
        throw new IllegalArgumentException("limit must be 0 or more");
      }
      parameters.put("limit", Integer.toString(limit));
      return this;
    }

    public Builder format(Format format) {
      parameters.put("format", format.name().toLowerCase(java.util.Locale.ROOT));
      return this;
    }

    /** Oldest first when true; the spec's default is newest first. */
    public Builder ascending(boolean ascending) {
      parameters.put("ascending", Boolean.toString(ascending));
      return this;
    }

    public StatementQuery build() {
      return new StatementQuery(parameters);
    }
  }
}
