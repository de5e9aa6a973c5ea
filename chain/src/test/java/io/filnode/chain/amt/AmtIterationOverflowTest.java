package io.filnode.chain.amt;

import static io.filnode.chain.amt.AmtVectorsTest.newStore;
import static org.assertj.core.api.Assertions.assertThat;

import io.filnode.chain.cbor.CborWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * go-amt-ipld v3's forEachAt adds a subtree's width to its offset in uint64; for a subtree that
 * ends at 2^64 the sum wraps to 0 and the subtree is skipped. Iteration must agree with Go there
 * too, while get still finds the value.
 */
class AmtIterationOverflowTest {
  @Test
  void forEachSkipsTheSubtreeWhoseEndWrapsAsGoDoes() throws Exception {
    Amt a = Amt.create(newStore(), AmtOptions.v3(1));
    byte[] v = new CborWriter().writeUint64(7).toByteArray();
    a.set(0, v);
    a.set(Long.MIN_VALUE, v); // index 2^63: the second half of a tree of height 63
    assertThat(a.get(Long.MIN_VALUE)).isEqualTo(v);
    List<Long> seen = new ArrayList<>();
    a.forEach((i, x) -> seen.add(i));
    assertThat(seen).containsExactly(0L);
  }
}
