package vn.hocso.xapi.documents.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import vn.hocso.xapi.platform.ConflictException;
import vn.hocso.xapi.platform.PreconditionFailedException;

/** ETags and the concurrency headers (xAPI 2.0 Part 3 §1.3; 1.0.3 §6.3). */
class PreconditionsTest {

  final Optional<Document> stored =
      Optional.of(Document.of("{}".getBytes(StandardCharsets.UTF_8), "application/json", 1));
  final String etag = stored.get().etag();

  @Test
  void etagIsTheSha1OfTheContentInHex() {
    assertThat(Document.etagOf("abc".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo("a9993e364706816aba3e25717850c26c9cd0d89d");
  }

  @Test
  void ifMatchWithTheCurrentQuotedEtagPasses() {
    assertThatCode(() -> Preconditions.of("\"" + etag + "\"", null).check(stored, true))
        .doesNotThrowAnyException();
  }

  @Test
  void ifMatchAcceptsAListWeakTagsAndAStar() {
    assertThatCode(
            () -> Preconditions.of("\"other\", W/\"" + etag + "\"", null).check(stored, true))
        .doesNotThrowAnyException();
    assertThatCode(() -> Preconditions.of("*", null).check(stored, true))
        .doesNotThrowAnyException();
  }

  @Test
  void ifMatchWithAnotherEtagFailsWith412() {
    assertThatThrownBy(() -> Preconditions.of("\"deadbeef\"", null).check(stored, true))
        .isInstanceOf(PreconditionFailedException.class)
        .hasFieldOrPropertyWithValue("field", "If-Match");
  }

  @Test
  void ifMatchWithoutADocumentFails() {
    assertThatThrownBy(() -> Preconditions.of("*", null).check(Optional.empty(), true))
        .isInstanceOf(PreconditionFailedException.class);
  }

  @Test
  void ifNoneMatchStarFailsWhenTheDocumentExistsAndPassesWhenNot() {
    assertThatThrownBy(() -> Preconditions.of(null, "*").check(stored, true))
        .isInstanceOf(PreconditionFailedException.class)
        .hasFieldOrPropertyWithValue("field", "If-None-Match");
    assertThatCode(() -> Preconditions.of(null, "*").check(Optional.empty(), true))
        .doesNotThrowAnyException();
  }

  @Test
  void noHeaderOnAnExistingDocumentIsAConflictWhereHeadersAreRequired() {
    assertThatThrownBy(() -> Preconditions.none().check(stored, true))
        .isInstanceOf(ConflictException.class)
        .hasFieldOrPropertyWithValue("rule", "concurrency-header-required");
  }

  @Test
  void noHeaderIsFineForANewDocumentOrWhereHeadersAreNotRequired() {
    assertThatCode(() -> Preconditions.none().check(Optional.empty(), true))
        .doesNotThrowAnyException();
    assertThatCode(() -> Preconditions.none().check(stored, false)).doesNotThrowAnyException();
  }
}
