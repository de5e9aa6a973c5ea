package io.filnode.chain.bitfield;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.NavigableSet;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/** Properties of BitField against java.util models and the plain reference reader. */
class BitFieldPropertiesTest {

  /** Small dense values, values around 2^63 and values just below 2^64 - 1 (unsigned order). */
  @Provide
  Arbitrary<long[]> sets() {
    Arbitrary<Long> value =
        Arbitraries.frequencyOf(
            List.of(
                Tuple.of(6, Arbitraries.longs().between(0, 300)),
                Tuple.of(1, Arbitraries.longs().between(Long.MAX_VALUE - 40, Long.MAX_VALUE)),
                Tuple.of(1, Arbitraries.longs().between(Long.MIN_VALUE, Long.MIN_VALUE + 40)),
                Tuple.of(1, Arbitraries.longs().between(-60, -2))));
    return value.list().ofMaxSize(120).map(l -> l.stream().mapToLong(Long::longValue).toArray());
  }

  @Provide
  Arbitrary<long[]> smallSets() {
    return Arbitraries.longs()
        .between(0, 200)
        .list()
        .ofMaxSize(150)
        .map(l -> l.stream().mapToLong(Long::longValue).toArray());
  }

  private static NavigableSet<Long> model(long[] bits) {
    NavigableSet<Long> s = new TreeSet<>(Long::compareUnsigned);
    for (long b : bits) {
      s.add(b);
    }
    return s;
  }

  private static List<Long> list(BitField f) {
    return f.stream().boxed().toList();
  }

  @Property
  void decodeOfEncodeIsIdentity(@ForAll("sets") long[] bits) throws BitFieldException {
    BitField f = BitField.of(bits);
    byte[] enc = f.encode();
    BitField back = BitField.decode(enc);

    assertThat(back).isEqualTo(f);
    assertThat(list(back)).containsExactlyElementsOf(model(bits));
    ReferenceRlePlus.Result ref = ReferenceRlePlus.read(enc);
    assertThat(ref.ok()).isTrue();
    assertThat(ref.canonical()).isTrue();
    assertThat(BitField.fromRuns(ref.runs())).isEqualTo(f);
  }

  @Property
  void setOperationsMatchTreeSet(@ForAll("sets") long[] a, @ForAll("sets") long[] b) {
    BitField fa = BitField.of(a);
    BitField fb = BitField.of(b);

    NavigableSet<Long> union = model(a);
    union.addAll(model(b));
    NavigableSet<Long> inter = model(a);
    inter.retainAll(model(b));
    NavigableSet<Long> diff = model(a);
    diff.removeAll(model(b));

    assertThat(list(fa.union(fb))).containsExactlyElementsOf(union);
    assertThat(list(fa.intersect(fb))).containsExactlyElementsOf(inter);
    assertThat(list(fa.subtract(fb))).containsExactlyElementsOf(diff);
    assertThat(fa.union(fb)).isEqualTo(BitField.fromSet(union));
    assertThat(fa.intersect(fb)).isEqualTo(BitField.fromSet(inter));
    assertThat(fa.subtract(fb)).isEqualTo(BitField.fromSet(diff));
  }

  @Property
  void queriesMatchBitSet(@ForAll("smallSets") long[] bits, @ForAll @IntRange(max = 210) int probe)
      throws BitFieldException {
    BitSet model = new BitSet();
    for (long b : bits) {
      model.set((int) b);
    }
    BitField f = BitField.of(bits);

    assertThat(f.count()).isEqualTo(model.cardinality());
    assertThat(f.isSet(probe)).isEqualTo(model.get(probe));
    assertThat(f.isEmpty()).isEqualTo(model.isEmpty());
    if (!model.isEmpty()) {
      assertThat(f.first()).hasValue(model.nextSetBit(0));
      assertThat(f.last()).hasValue(model.length() - 1);
    }
    assertThat(f.all(model.cardinality())).containsExactly(model.stream().asLongStream().toArray());
    List<Long> seen = new ArrayList<>();
    f.forEach(seen::add);
    assertThat(seen).isEqualTo(list(f));
  }

  @Property
  void unionIntersectSubtractMatchBitSet(
      @ForAll("smallSets") long[] a, @ForAll("smallSets") long[] b) {
    BitSet ma = bitSet(a);
    BitSet mb = bitSet(b);
    BitSet or = (BitSet) ma.clone();
    or.or(mb);
    BitSet and = (BitSet) ma.clone();
    and.and(mb);
    BitSet andNot = (BitSet) ma.clone();
    andNot.andNot(mb);

    assertThat(BitField.of(a).union(BitField.of(b))).isEqualTo(fromBitSet(or));
    assertThat(BitField.of(a).intersect(BitField.of(b))).isEqualTo(fromBitSet(and));
    assertThat(BitField.of(a).subtract(BitField.of(b))).isEqualTo(fromBitSet(andNot));
  }

  private static BitSet bitSet(long[] bits) {
    BitSet s = new BitSet();
    for (long b : bits) {
      s.set((int) b);
    }
    return s;
  }

  private static BitField fromBitSet(BitSet s) {
    return BitField.of(s.stream().asLongStream().toArray());
  }

  @Property(tries = 300)
  void multiMergeIsRepeatedUnion(@ForAll("setLists") List<long[]> sets) {
    List<BitField> fields = sets.stream().map(BitField::of).toList();
    BitField expected = BitField.empty();
    for (BitField f : fields) {
      expected = expected.union(f);
    }
    assertThat(BitField.multiMerge(fields)).isEqualTo(expected);
  }

  @Provide
  Arbitrary<List<long[]>> setLists() {
    return sets().list().ofMaxSize(9);
  }

  @Property
  void cutMatchesNaiveRemoval(@ForAll("sets") long[] a, @ForAll("sets") long[] b) {
    NavigableSet<Long> cut = model(b);
    NavigableSet<Long> expected = new TreeSet<>(Long::compareUnsigned);
    for (long bit : model(a)) {
      if (!cut.contains(bit)) {
        expected.add(bit - cut.headSet(bit, false).size());
      }
    }
    assertThat(list(BitField.of(a).cut(BitField.of(b)))).containsExactlyElementsOf(expected);
  }

  @Property
  void sliceMatchesSubList(
      @ForAll("sets") long[] bits,
      @ForAll @IntRange(max = 130) int start,
      @ForAll @IntRange(max = 130) int count)
      throws BitFieldException {
    List<Long> all = new ArrayList<>(model(bits));
    BitField f = BitField.of(bits);
    if (count == 0) {
      assertThat(f.slice(start, count).isEmpty()).isTrue();
    } else if (start + count <= all.size()) {
      assertThat(list(f.slice(start, count))).isEqualTo(all.subList(start, start + count));
    } else {
      assertThatThrownBy(() -> f.slice(start, count)).isInstanceOf(BitFieldException.class);
    }
  }

  @Property
  void runsRebuildTheField(@ForAll("sets") long[] bits) throws BitFieldException {
    BitField f = BitField.of(bits);
    List<Run> runs = f.runs();
    assertThat(BitField.fromRuns(runs)).isEqualTo(f);
    for (int i = 1; i < runs.size(); i++) {
      assertThat(runs.get(i).value()).isNotEqualTo(runs.get(i - 1).value());
    }
    if (!runs.isEmpty()) {
      assertThat(runs.get(runs.size() - 1).value()).isTrue();
    }
  }

  /** Mostly well-versioned random bytes and mutated canonical encodings. */
  @Provide
  Arbitrary<byte[]> rleBytes() {
    Arbitrary<byte[]> random =
        Arbitraries.bytes()
            .array(byte[].class)
            .ofMaxSize(24)
            .map(
                b -> {
                  if (b.length > 0) {
                    b[0] &= (byte) 0xFC;
                  }
                  return b;
                });
    Arbitrary<byte[]> mutated =
        Combinators.combine(
                sets(),
                Arbitraries.integers().between(0, 400),
                Arbitraries.integers().between(0, 3))
            .as(
                (bits, where, how) -> {
                  byte[] enc = BitField.of(bits).encode();
                  return Mutations.mutate(enc, where, how);
                });
    return Arbitraries.oneOf(random, mutated);
  }

  @Property(tries = 3000)
  void decoderAgreesWithReferenceAndCanonicalFormIsUnique(@ForAll("rleBytes") byte[] in)
      throws BitFieldException {
    ReferenceRlePlus.Result ref = ReferenceRlePlus.read(in);
    BitField f;
    try {
      f = BitField.decode(in);
    } catch (BitFieldException e) {
      Statistics.collect("rejected");
      assertThat(ref.ok()).as("reference rejects too: %s", e.getMessage()).isFalse();
      return;
    }
    Statistics.collect(ref.canonical() ? "canonical" : "accepted, not canonical");
    assertThat(ref.ok()).as("reference accepts too").isTrue();
    assertThat(f).isEqualTo(BitField.fromRuns(ref.runs()));

    byte[] canonical = f.encode();
    // encode(decode(b)) == b exactly for the canonical inputs, and never longer than the input
    assertThat(Arrays.equals(canonical, in)).isEqualTo(ref.canonical());
    assertThat(canonical.length).isLessThanOrEqualTo(in.length);
    assertThat(BitField.decode(canonical)).isEqualTo(f);
  }
}
