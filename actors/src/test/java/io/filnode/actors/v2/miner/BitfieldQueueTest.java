package io.filnode.actors.v2.miner;

import static org.assertj.core.api.Assertions.assertThat;

import io.filnode.chain.bitfield.BitField;
import io.filnode.chain.blockstore.IpldStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Ports specs-actors miner bitfield_queue_test.go (TestBitfieldQueue). */
class BitfieldQueueTest {
  private final IpldStore store = MinerFixtures.store();

  private BitfieldQueue empty(QuantSpec quant) {
    return BitfieldQueue.load(store, MinerFixtures.emptyArray(store), quant);
  }

  private static Map<Long, BitField> contents(BitfieldQueue q) {
    Map<Long, BitField> m = new TreeMap<>();
    q.forEach(m::put);
    return m;
  }

  @Test
  void addsValuesToEmptyQueue() {
    BitfieldQueue q = empty(QuantSpec.NO_QUANTIZATION);
    q.addToQueueValues(42, List.of(1L, 2L, 3L, 4L));
    assertThat(contents(q)).containsExactly(Map.entry(42L, BitField.of(1, 2, 3, 4)));
  }

  @Test
  void quantizesAddedEpochs() {
    BitfieldQueue q = empty(new QuantSpec(5, 3));
    for (long v : new long[] {0, 2, 3, 4, 7, 8, 9}) {
      q.addToQueueValues(v, List.of(v));
    }
    assertThat(contents(q))
        .containsExactly(
            Map.entry(3L, BitField.of(0, 2, 3)),
            Map.entry(8L, BitField.of(4, 7, 8)),
            Map.entry(13L, BitField.of(9)));
  }

  @Test
  void mergesValuesWithinSameEpoch() {
    BitfieldQueue q = empty(QuantSpec.NO_QUANTIZATION);
    q.addToQueueValues(42, List.of(1L, 3L));
    q.addToQueueValues(42, List.of(2L, 4L));
    assertThat(contents(q)).containsExactly(Map.entry(42L, BitField.of(1, 2, 3, 4)));
  }

  @Test
  void popUntilFromEmptyQueueReturnsEmptyBitfield() {
    BitfieldQueue.Popped popped = empty(QuantSpec.NO_QUANTIZATION).popUntil(42);
    assertThat(popped.modified()).isFalse();
    assertThat(popped.values().isEmpty()).isTrue();
  }

  @Test
  void popUntilDoesNothingBeforeFirstValue() {
    BitfieldQueue q = empty(QuantSpec.NO_QUANTIZATION);
    q.addToQueueValues(42, List.of(1L, 3L));
    q.addToQueueValues(93, List.of(2L, 4L));
    BitfieldQueue.Popped popped = q.popUntil(41);
    assertThat(popped.modified()).isFalse();
    assertThat(popped.values().isEmpty()).isTrue();
    assertThat(contents(q)).hasSize(2);
  }

  @Test
  void popUntilPopsEntriesUpToAndIncludingUntil() {
    BitfieldQueue q = empty(QuantSpec.NO_QUANTIZATION);
    q.addToQueueValues(42, List.of(1L, 4L));
    q.addToQueueValues(93, List.of(5L, 3L));
    q.addToQueueValues(94, List.of(2L, 6L));
    q.addToQueueValues(203, List.of(7L, 8L));

    BitfieldQueue.Popped first = q.popUntil(93);
    assertThat(first.modified()).isTrue();
    assertThat(first.values()).isEqualTo(BitField.of(1, 3, 4, 5));
    assertThat(contents(q))
        .containsExactly(Map.entry(94L, BitField.of(2, 6)), Map.entry(203L, BitField.of(7, 8)));

    BitfieldQueue.Popped none = q.popUntil(100);
    assertThat(none.values()).isEqualTo(BitField.of(2, 6));
    BitfieldQueue.Popped rest = q.popUntil(300);
    assertThat(rest.values()).isEqualTo(BitField.of(7, 8));
    assertThat(contents(q)).isEmpty();
  }

  @Test
  void cutsElements() {
    BitfieldQueue q = empty(QuantSpec.NO_QUANTIZATION);
    q.addToQueueValues(42, List.of(1L, 2L, 3L, 4L, 99L));
    q.addToQueueValues(93, List.of(5L, 6L));
    q.cut(BitField.of(2, 4, 5, 6));
    // 3 shifts down to 2, 99 down to 95; the second entry empties and goes
    assertThat(contents(q)).containsExactly(Map.entry(42L, BitField.of(1, 2, 95)));
  }

  @Test
  void addsManyValuesInQuantizedOrder() {
    BitfieldQueue q = empty(new QuantSpec(5, 0));
    Map<Long, List<Long>> values = new LinkedHashMap<>();
    values.put(9L, List.of(3L));
    values.put(1L, List.of(1L));
    values.put(3L, List.of(2L));
    q.addManyToQueueValues(values);
    assertThat(contents(q))
        .containsExactly(Map.entry(5L, BitField.of(1, 2)), Map.entry(10L, BitField.of(3)));
  }
}
