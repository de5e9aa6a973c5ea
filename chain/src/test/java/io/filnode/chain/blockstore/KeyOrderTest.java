package io.filnode.chain.blockstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class KeyOrderTest {
  /**
   * Keys from a three-letter alphabet with a shared prefix, of lengths around the eight-byte
   * window, so that ties, prefixes of other keys and equal keys are common.
   */
  @Provide
  Arbitrary<List<byte[]>> keys() {
    Arbitrary<byte[]> tail =
        Arbitraries.integers()
            .between(0, 2)
            .map(i -> (byte) (i == 2 ? 0xFF : i))
            .list()
            .ofMaxSize(14)
            .map(
                l -> {
                  byte[] k = new byte[3 + l.size()];
                  k[0] = 1;
                  k[1] = 0x71;
                  k[2] = (byte) 0xA0;
                  for (int i = 0; i < l.size(); i++) {
                    k[3 + i] = l.get(i);
                  }
                  return k;
                });
    return tail.list().ofMaxSize(300);
  }

  @Property(tries = 300)
  void ordersAsAComparatorSortDoes(@ForAll("keys") List<byte[]> keys) {
    List<byte[]> expected = new ArrayList<>(keys);
    expected.sort(Arrays::compareUnsigned);
    List<byte[]> actual = new ArrayList<>();
    int[] order = KeyOrder.sorted(keys);
    for (int i : order) {
      actual.add(keys.get(i));
    }
    assertThat(actual).containsExactlyElementsOf(expected);
    assertThat(Arrays.stream(order).sorted().toArray())
        .isEqualTo(java.util.stream.IntStream.range(0, keys.size()).toArray());
  }

  @Property(tries = 100)
  void ordersRandomKeysOfAnyLength(@ForAll List<byte[]> keys) {
    List<byte[]> expected = new ArrayList<>(keys);
    expected.sort(Arrays::compareUnsigned);
    List<byte[]> actual = new ArrayList<>();
    for (int i : KeyOrder.sorted(keys)) {
      actual.add(keys.get(i));
    }
    assertThat(actual).containsExactlyElementsOf(expected);
  }
}
