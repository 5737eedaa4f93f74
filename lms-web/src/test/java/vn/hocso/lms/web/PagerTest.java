package vn.hocso.lms.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PagerTest {

  /** 25 numbered rows, counting how often they are read. */
  static final class Rows implements Pager.Source<Integer> {
    final List<Integer> rows = new ArrayList<>(IntStream.rangeClosed(1, 25).boxed().toList());
    int reads;

    @Override
    public long count() {
      return rows.size();
    }

    @Override
    public List<Integer> page(int first, int max) {
      reads++;
      return rows.subList(Math.min(first, rows.size()), Math.min(first + max, rows.size()));
    }
  }

  @Test
  void walksThePagesAndKnowsWhereItIs() {
    var rows = new Rows();
    var pager = new Pager<>(10, rows);
    assertThat(pager.getShown()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    assertThat(pager.getNumber()).isEqualTo(1);
    assertThat(pager.isHasPrevious()).isFalse();
    assertThat(pager.isHasNext()).isTrue();

    pager.next();
    pager.next();
    assertThat(pager.getShown()).containsExactly(21, 22, 23, 24, 25);
    assertThat(pager.getNumber()).isEqualTo(3);
    assertThat(pager.isHasNext()).isFalse();
    assertThat(pager.getTotal()).isEqualTo(25);

    pager.previous();
    assertThat(pager.getShown().get(0)).isEqualTo(11);
    pager.reset();
    pager.previous();
    assertThat(pager.getNumber()).isEqualTo(1);
  }

  @Test
  void readsOncePerRequestAndAgainAfterARefresh() {
    var rows = new Rows();
    var pager = new Pager<>(10, rows);
    pager.getShown();
    pager.getTotal();
    pager.isHasNext();
    assertThat(rows.reads).isEqualTo(1);

    rows.rows.remove(0);
    assertThat(pager.getTotal()).isEqualTo(25);
    pager.refresh();
    assertThat(pager.getTotal()).isEqualTo(24);
    assertThat(pager.getShown().get(0)).isEqualTo(2);
  }

  @Test
  void aLastFullPageHasNoNext() {
    var rows = new Rows();
    rows.rows.subList(20, 25).clear();
    var pager = new Pager<>(10, rows);
    pager.next();
    assertThat(pager.isHasNext()).isFalse();
    assertThatThrownBy(() -> new Pager<>(0, rows)).isInstanceOf(IllegalArgumentException.class);
  }
}
