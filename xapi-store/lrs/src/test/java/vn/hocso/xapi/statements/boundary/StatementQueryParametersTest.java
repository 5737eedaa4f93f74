package vn.hocso.xapi.statements.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.hocso.xapi.platform.InvalidRequestException;
import vn.hocso.xapi.statements.entity.IndexKeys;
import vn.hocso.xapi.statements.entity.StatementQuery;
import vn.hocso.xapi.statements.entity.Timestamps;
import vn.hocso.xapi.version.XapiVersion;

/** Parsing the statements query (xAPI 2.0 Part 3 §2.1.3) and its more tokens. */
class StatementQueryParametersTest {

  static StatementQueryParameters parse(Map<String, String> values) {
    var multi = new java.util.LinkedHashMap<String, List<String>>();
    values.forEach((key, value) -> multi.put(key, List.of(value)));
    return StatementQueryParameters.parse(multi, XapiVersion.V2_0_0, 1_000, Optional.empty());
  }

  static InvalidRequestException rejection(Map<String, String> values) {
    return catchThrowableOfType(InvalidRequestException.class, () -> parse(values));
  }

  @Test
  void defaultsToNewestFirstWithTheServerLimit() {
    var query = parse(Map.of()).query();

    assertThat(query.ascending()).isFalse();
    assertThat(query.limit()).isEqualTo(StatementQueryParameters.MAX_LIMIT);
    assertThat(query.boundMicros()).isEqualTo(1_000);
  }

  @Test
  void readsEveryFilter() {
    var query =
        parse(
                Map.of(
                    "agent", "{\"mbox\":\"mailto:lan@example.vn\"}",
                    "verb", "http://adlnet.gov/expapi/verbs/completed",
                    "activity", "https://hocso.vn/c/1",
                    "registration", "B3A1A4F6-1B2C-4D5E-8F90-123456789ABC",
                    "since", "2026-01-01T00:00:00Z",
                    "until", "2026-01-02T07:00:00+07:00",
                    "limit", "10",
                    "ascending", "true",
                    "related_agents", "true"))
            .query();

    assertThat(query.agentKey())
        .isEqualTo(
            IndexKeys.ofAgent(StatementServiceJson.object("{\"mbox\":\"mailto:lan@example.vn\"}")));
    assertThat(query.verbKey())
        .contains(IndexKeys.ofIri("http://adlnet.gov/expapi/verbs/completed"));
    assertThat(query.activityKey()).contains(IndexKeys.ofIri("https://hocso.vn/c/1"));
    assertThat(query.registration()).contains("b3a1a4f6-1b2c-4d5e-8f90-123456789abc");
    assertThat(query.sinceMicros().getAsLong())
        .isEqualTo(Timestamps.parseMicros("2026-01-01T00:00:00Z"));
    assertThat(query.untilMicros().getAsLong())
        .isEqualTo(Timestamps.parseMicros("2026-01-02T00:00:00Z"));
    assertThat(query.limit()).isEqualTo(10);
    assertThat(query.ascending()).isTrue();
    assertThat(query.relatedAgents()).isTrue();
    assertThat(query.relatedActivities()).isFalse();
  }

  @Test
  void limitZeroMeansTheServerMaximum() {
    assertThat(parse(Map.of("limit", "0")).query().limit())
        .isEqualTo(StatementQueryParameters.MAX_LIMIT);
    assertThat(parse(Map.of("limit", "100000")).query().limit())
        .isEqualTo(StatementQueryParameters.MAX_LIMIT);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "limit|-1|limit-non-negative",
        "limit|ten|limit-is-integer",
        "ascending|yes|is-boolean",
        "related_activities|1|is-boolean",
        "since|yesterday|timestamp-is-iso-8601",
        "until|2026-13-01T00:00:00Z|timestamp-is-iso-8601",
        "registration|abc|is-uuid",
        "verb|completed|is-iri",
        "activity|lesson one|is-iri",
        "format|full|format-known",
        "agent|lan|is-json",
        "agent|{\"name\":\"Lan\"}|agent-has-one-ifi",
        "colour|red|parameter-known"
      })
  void rejectsABadParameterNamingIt(String name, String value, String rule) {
    var rejection = rejection(Map.of(name, value));

    assertThat(rejection.field()).startsWith(name);
    assertThat(rejection.rule()).isEqualTo(rule);
  }

  @Test
  void rejectsARepeatedParameter() {
    var rejection =
        catchThrowableOfType(
            InvalidRequestException.class,
            () ->
                StatementQueryParameters.parse(
                    Map.of("verb", List.of("https://a.vn/1", "https://a.vn/2")),
                    XapiVersion.V2_0_0,
                    1,
                    Optional.empty()));

    assertThat(rejection.rule()).isEqualTo("parameter-single");
  }

  @Test
  void aMoreTokenContinuesTheSameQueryWithinTheSameBound() {
    var first = parse(Map.of("verb", "https://a.vn/v", "limit", "2", "ascending", "true"));
    var token =
        first.moreToken(new StatementQuery.Position(500, "9e13cefd-53d3-4eac-b5ed-2cf6693903bb"));

    var next =
        StatementQueryParameters.continuing(token, XapiVersion.V2_0_0, Optional.empty()).query();

    assertThat(next.verbKey()).isEqualTo(first.query().verbKey());
    assertThat(next.limit()).isEqualTo(2);
    assertThat(next.ascending()).isTrue();
    assertThat(next.boundMicros()).isEqualTo(1_000);
    assertThat(next.after())
        .contains(new StatementQuery.Position(500, "9e13cefd-53d3-4eac-b5ed-2cf6693903bb"));
  }

  @Test
  void rejectsAForgedMoreToken() {
    var rejection =
        catchThrowableOfType(
            InvalidRequestException.class,
            () ->
                StatementQueryParameters.continuing(
                    "bm90IGEgdG9rZW4", XapiVersion.V2_0_0, Optional.empty()));

    assertThat(rejection.field()).isEqualTo("more");
    assertThat(rejection.rule()).isEqualTo("more-token-valid");
  }

  /** Reads JSON for expectations. */
  static final class StatementServiceJson {
    static jakarta.json.JsonObject object(String text) {
      try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(text))) {
        return reader.readObject();
      }
    }
  }
}
