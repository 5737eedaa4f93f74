package vn.hocso.xapi.statements.entity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IndexKeysTest {

  @Test
  void anIriKeyIsTheSameRememberedOrNot() {
    var iri = "http://adlnet.gov/expapi/verbs/experienced";
    var first = IndexKeys.ofIri(iri);
    assertThat(IndexKeys.ofIri(iri)).isEqualTo(first).isEqualTo(IndexKeys.sha256("iri\n" + iri));
  }

  @Test
  void aLongIriIsHashedButNotRemembered() {
    var longIri = "https://example.org/" + "a".repeat(IndexKeys.IRI_LENGTH_REMEMBERED);
    int before = IndexKeys.remembered();
    var key = IndexKeys.ofIri(longIri);
    assertThat(key).isEqualTo(IndexKeys.sha256("iri\n" + longIri));
    assertThat(IndexKeys.remembered()).isLessThanOrEqualTo(before);
  }
}
