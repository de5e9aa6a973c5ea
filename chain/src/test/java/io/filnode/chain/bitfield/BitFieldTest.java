package io.filnode.chain.bitfield;

import static io.filnode.chain.bitfield.ReferenceRlePlus.bits;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Known encodings and behaviours, ported from go-bitfield v0.2.4's tests (bitfield_test.go,
 * rle/rleplus_test.go, rle/bits_test.go, rle/runs_test.go, rle/internal/rleplus/rleplus_test.go)
 * with their expected values, plus the inputs its decoder accepts or rejects.
 */
class BitFieldTest {
  private static final long MAX_UINT64 = -1L;

  private static BitField decode(byte[] b) throws BitFieldException {
    return BitField.decode(b);
  }

  private static long[] range(long fromInclusive, long toExclusive) {
    return LongStream.range(fromInclusive, toExclusive).toArray();
  }

  private static long[] concat(long[]... parts) {
    return Arrays.stream(parts).flatMapToLong(Arrays::stream).toArray();
  }

  private static long[] bitsOf(BitField f) throws BitFieldException {
    return f.all(1_000_000);
  }

  // rle/rleplus_test.go TestDecode: the Rust reference encoding with the version prefix added
  @Test
  void referenceEncodingOfKnownSet() throws BitFieldException {
    long[] set = concat(new long[] {0, 2, 4, 5, 6}, range(11, 28));
    byte[] expected = {124, 71, 34, 2};

    assertThat(BitField.of(set).encode()).isEqualTo(expected);
    assertThat(bitsOf(decode(expected))).containsExactly(set);
  }

  // rle/internal/rleplus/rleplus_test.go "Encode": the same set written out bit by bit
  @Test
  void knownSetBitByBit() {
    byte[] expected =
        bits("00 1 1 1 1 1 011100 010010 00 10001000"); // version, first, 1,1,1,1, 3, 4, 17
    assertThat(BitField.of(concat(new long[] {0, 2, 4, 5, 6}, range(11, 28))).encode())
        .isEqualTo(expected);
  }

  // rle/internal/rleplus/rleplus_test.go "Encode for some big numbers": {2^63 .. 2^63+1023}
  @Test
  void bigNumbers() throws BitFieldException {
    long[] set = range(Long.MIN_VALUE, Long.MIN_VALUE + 1024);
    byte[] expected =
        HexFormat.of().parseHex("00101010101010101030004004"); // 0x00, 0x10 x8, 0x30, 0x00...

    assertThat(BitField.of(set).encode()).isEqualTo(expected);
    BitField f = decode(expected);
    assertThat(f.count()).isEqualTo(1024);
    assertThat(f.first()).hasValue(Long.MIN_VALUE);
    assertThat(f.last()).hasValue(Long.MIN_VALUE + 1023);
    assertThat(f.isSet(Long.MIN_VALUE + 5)).isTrue();
    assertThat(f.isSet(Long.MAX_VALUE)).isFalse();
  }

  // rle/rleplus_test.go TestGolden / TestGoldenLoop
  @Test
  void goldenRoundTrip() throws IOException, BitFieldException {
    byte[] golden = golden();
    BitField f = decode(golden);

    assertThat(f.encode()).isEqualTo(golden);
    ReferenceRlePlus.Result ref = ReferenceRlePlus.read(golden);
    assertThat(ref.ok()).isTrue();
    assertThat(ref.canonical()).isTrue();
    assertThat(f.runs()).isEqualTo(ref.runs());
    assertThat(f.count()).isPositive().isLessThanOrEqualTo(10_000);
    assertThat(f.last().getAsLong()).isLessThan(1 << 20);
  }

  static byte[] golden() throws IOException {
    try (InputStream in = BitFieldTest.class.getResourceAsStream("golden-rle.hex")) {
      String hex =
          new String(in.readAllBytes(), StandardCharsets.US_ASCII)
              .lines()
              .filter(l -> !l.startsWith("#"))
              .collect(Collectors.joining());
      return HexFormat.of().parseHex(hex);
    }
  }

  // rle/bits_test.go TestAll8bit: many short and long runs survive a round trip
  @Test
  void all8bitRuns() throws BitFieldException {
    List<Long> lengths = new ArrayList<>();
    for (long k = 1; k < 64; k++) {
      for (int i = 1; i < 7; i++) {
        for (int j = 0; j < i; j++) {
          lengths.add(1L);
        }
        lengths.add(k);
      }
    }
    for (long i = 3; i < 256; i++) {
      lengths.add(i);
    }
    List<Run> runs = new ArrayList<>();
    for (int i = 0; i < lengths.size(); i++) {
      runs.add(new Run(i % 2 == 0, lengths.get(i)));
    }
    BitField f = BitField.fromRuns(runs);

    List<Long> expected = new ArrayList<>();
    long at = 0;
    for (Run r : runs) {
      for (long b = at; b < at + r.length() && r.value(); b++) {
        expected.add(b);
      }
      at += r.length();
    }
    BitField back = decode(f.encode());
    assertThat(back.stream().boxed().toList()).isEqualTo(expected);
    // the last of the 1954 runs is unset: the canonical form drops it
    assertThat(runs.get(runs.size() - 1).value()).isFalse();
    assertThat(back.runs()).isEqualTo(runs.subList(0, runs.size() - 1));
  }

  // rle/rleplus_test.go TestEncodeConsecutiveFails
  @Test
  void consecutiveRunsWithSameValueFail() {
    assertThatThrownBy(() -> BitField.fromRuns(List.of(new Run(true, 5), new Run(true, 8))))
        .isInstanceOf(BitFieldException.class)
        .hasMessageContaining("same value");
  }

  // bitfield_test.go TestBitfieldJson: the runs of {1, 5, 6, 7, 10, 11, 12, 15}
  @Test
  void runsOfKnownSet() {
    assertThat(BitField.of(1, 5, 6, 7, 10, 11, 12, 15).runs())
        .containsExactly(
            new Run(false, 1),
            new Run(true, 1),
            new Run(false, 3),
            new Run(true, 3),
            new Run(false, 2),
            new Run(true, 3),
            new Run(false, 2),
            new Run(true, 1));
  }

  // rle/bits_test.go TestRunsFromBits
  @Test
  void runsFromBits() {
    assertThat(BitField.of(1, 2, 3, 6, 7, 8).runs())
        .containsExactly(new Run(false, 1), new Run(true, 3), new Run(false, 2), new Run(true, 3));
  }

  // bitfield_test.go TestUninitializedBitField: empty encodes to no bytes at all
  @Test
  void emptyEncodesToNothing() throws BitFieldException {
    assertThat(BitField.empty().encode()).isEmpty();
    assertThat(BitField.of().encode()).isEmpty();
    assertThat(decode(new byte[0])).isEqualTo(BitField.empty());
    assertThat(BitField.empty().isEmpty()).isTrue();
    assertThat(BitField.empty().first()).isEmpty();
    assertThat(BitField.empty().last()).isEmpty();
    assertThat(BitField.empty().count()).isZero();
    assertThat(BitField.empty().runs()).isEmpty();
  }

  // bitfield_test.go TestBitfieldOrDifferentLenZeroSuffix
  @Test
  void unionOfZeroRunsIsEmpty() throws BitFieldException {
    BitField a = BitField.fromRuns(List.of(new Run(false, 5)));
    BitField b = BitField.fromRuns(List.of(new Run(false, 8)));
    assertThat(a.union(b).encode()).isEmpty();
    assertThat(a.union(b).count()).isZero();
  }

  // bitfield_test.go TestBitfieldSubDifferentLenZeroSuffix
  @Test
  void subtractWithLongerZeroSuffixIsEmpty() throws BitFieldException {
    BitField a = BitField.fromRuns(List.of(new Run(true, 5), new Run(false, 5)));
    BitField b = BitField.fromRuns(List.of(new Run(true, 5), new Run(false, 8)));
    assertThat(a.subtract(b).encode()).isEmpty();
  }

  // bitfield_test.go TestBitfieldSubtractLargeElement
  @Test
  void subtractLargeElement() throws BitFieldException {
    BitField a = BitField.of(1, 2, MAX_UINT64 - 1);
    BitField diff = a.subtract(BitField.of(1));
    assertThat(bitsOf(diff)).containsExactly(2, MAX_UINT64 - 1);
    assertThat(decode(a.encode())).isEqualTo(a); // the largest index still decodes
  }

  // bitfield_test.go TestBitfieldSubtractMore (specs-actors' BitFieldUnion of differences)
  @Test
  void subtractMore() {
    BitField have = BitField.of(5, 6, 8, 10, 11, 13, 14, 17);
    BitField u =
        BitField.multiMerge(
            List.of(
                BitField.of(5, 6).subtract(have),
                BitField.of(8, 10).subtract(have),
                BitField.of(11, 13).subtract(have),
                BitField.of(14, 17).subtract(have)));
    assertThat(u.count()).isZero();
  }

  // rle/runs_test.go TestOrRuns, both orders
  @Test
  void orRuns() throws BitFieldException {
    BitField a = BitField.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 11, 12, 13, 14);
    BitField b = BitField.of(0, 1, 2, 3, 9, 10, 16, 17, 18, 50, 51, 70);
    long[] expected = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 16, 17, 18, 50, 51, 70};
    assertThat(bitsOf(a.union(b))).containsExactly(expected);
    assertThat(bitsOf(b.union(a))).containsExactly(expected);
  }

  // the examples in bitfield.go's documentation of Merge, Intersect, Subtract, Cut and Slice
  @Test
  void documentedExamples() throws BitFieldException {
    BitField a = BitField.of(1, 2, 4); // 0 1 1 0 1
    BitField b = BitField.of(0, 1, 3); // 1 1 0 1 0
    assertThat(bitsOf(a.union(b))).containsExactly(0, 1, 2, 3, 4);
    assertThat(bitsOf(a.intersect(b))).containsExactly(1);
    assertThat(bitsOf(a.subtract(b))).containsExactly(2, 4);

    // a: 0 1 0 1 1 1, b: 0 1 1 0 0 0 -> 0 1 1 1
    assertThat(bitsOf(BitField.of(1, 3, 4, 5).cut(BitField.of(1, 2)))).containsExactly(1, 2, 3);

    // 1 0 1 1 0 1 1, Slice(2, 2) -> 0 0 0 1 0 1 0
    assertThat(bitsOf(BitField.of(0, 2, 3, 5, 6).slice(2, 2))).containsExactly(3, 5);
  }

  // bitfield_test.go TestBitfieldCutSame
  @Test
  void cutBySelfIsEmpty() {
    BitField a = BitField.of(concat(range(0, 40), range(55, 90), new long[] {99}));
    assertThat(a.cut(a).isEmpty()).isTrue();
  }

  // bitfield_test.go TestBitfieldSliceSmall: every (start, count) within the set
  @Test
  void sliceSmall() throws BitFieldException {
    long[] vals = {1, 5, 6, 7, 10, 11, 12, 15};
    BitField f = BitField.of(vals);
    for (int i = 0; i < vals.length; i++) {
      for (int j = 0; j < vals.length - i; j++) {
        assertThat(bitsOf(f.slice(i, j)))
            .as("slice(%d, %d)", i, j)
            .containsExactly(Arrays.copyOfRange(vals, i, i + j));
      }
    }
  }

  @Test
  void sliceNeedsEnoughBitsUnlessCountIsZero() throws BitFieldException {
    BitField f = BitField.of(1, 5, 6);
    assertThat(f.slice(3, 0).isEmpty()).isTrue();
    assertThat(f.slice(100, 0).isEmpty()).isTrue(); // go-bitfield does not complain either
    assertThat(bitsOf(f.slice(2, 1))).containsExactly(6);
    assertThatThrownBy(() -> f.slice(2, 2)).isInstanceOf(BitFieldException.class);
    assertThatThrownBy(() -> f.slice(4, 1)).isInstanceOf(BitFieldException.class);
    assertThatThrownBy(() -> f.slice(1, MAX_UINT64)).isInstanceOf(BitFieldException.class);
  }

  // bitfield_test.go TestBitfieldAllMap: All(max) fails beyond max
  @Test
  void allRespectsMax() throws BitFieldException {
    BitField f = BitField.of(3, 4, 9);
    assertThat(f.all(3)).containsExactly(3, 4, 9);
    assertThatThrownBy(() -> f.all(2)).isInstanceOf(BitFieldException.class);
    assertThatThrownBy(() -> f.all(0)).isInstanceOf(BitFieldException.class);
    assertThatThrownBy(() -> BitField.of(0, 1).union(hugeRun()).all(MAX_UINT64))
        .isInstanceOf(BitFieldException.class);
  }

  private static BitField hugeRun() {
    try {
      return BitField.fromRuns(List.of(new Run(true, MAX_UINT64)));
    } catch (BitFieldException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void firstLastIsSet() {
    BitField f = BitField.of(7, 3, 3, 12, 11);
    assertThat(f.first()).hasValue(3);
    assertThat(f.last()).hasValue(12);
    assertThat(f.isSet(3)).isTrue();
    assertThat(f.isSet(4)).isFalse();
    assertThat(f.isSet(11)).isTrue();
    assertThat(f.isSet(13)).isFalse();
    assertThat(f.isSet(MAX_UINT64)).isFalse();
    assertThat(f.toString()).isEqualTo("{3, 7, 11-12}");
  }

  @Test
  void bitBeyondRangeIsRejected() {
    assertThatThrownBy(() -> BitField.of(1, MAX_UINT64))
        .isInstanceOf(IllegalArgumentException.class);
  }

  // ---- inputs go-bitfield's decoder rejects ----

  @Test
  void rejectsTrailingZeroByte() {
    assertRejected(new byte[] {0}, "trailing zero");
    assertRejected(new byte[] {0x0C, 0}, "trailing zero");
  }

  @ParameterizedTest
  @ValueSource(ints = {0x01, 0x02, 0x03, 0x0D, 0xFF})
  void rejectsWrongVersion(int first) {
    assertRejected(new byte[] {(byte) first}, "version");
  }

  @Test
  void rejectsNonMinimalVarint() {
    // a run written as varint 0x81 0x00: the zero final byte is not minimal
    assertRejected(bits("00 1 00 10000001 00000000 1"), "not minimally");
  }

  @Test
  void rejectsVarintLongerThan64Bits() {
    assertRejected(bits("00 1 00" + " 11111111".repeat(10) + " 1"), "too long");
    assertRejected(bits("00 1 00" + " 11111111".repeat(9) + " 01000000"), "too long");
  }

  // rle/internal/rleplus/rleplus_test.go wrote {2^64 - 1} as these bytes; the lazy decoder refuses
  // them because the field would be 2^64 bits long
  @Test
  void rejectsTotalLengthBeyondUint64() {
    assertRejected(HexFormat.of().parseHex("e0ffffffffffffffff3f20"), "overflow");
  }

  @Test
  void rejectsMoreThanMaxEncodedSize() throws BitFieldException {
    byte[] ok = new byte[BitField.MAX_ENCODED_SIZE];
    Arrays.fill(ok, (byte) 0xFF);
    ok[0] = (byte) 0xFC; // version 00, first run set, then runs of 1 all the way
    BitField f = decode(ok);
    assertThat(f.count()).isEqualTo(4L * BitField.MAX_ENCODED_SIZE - 1); // every other bit
    assertThat(f.encode()).isEqualTo(ok);

    byte[] tooLong = Arrays.copyOf(ok, BitField.MAX_ENCODED_SIZE + 1);
    tooLong[tooLong.length - 1] = 1;
    assertRejected(tooLong, "exceeds");
  }

  private static void assertRejected(byte[] in, String reason) {
    assertThatThrownBy(() -> BitField.decode(in))
        .isInstanceOf(BitFieldException.class)
        .hasMessageContaining(reason);
    assertThat(ReferenceRlePlus.read(in).ok()).isFalse();
  }

  // ---- non-canonical inputs go-bitfield's decoder accepts; encoding always writes canonically ---

  @Test
  void acceptsRunOfOneInShortForm() throws BitFieldException {
    assertAcceptedNonCanonical(bits("00 1 01 1000"), BitField.of(0));
  }

  @Test
  void acceptsShortRunAsVarint() throws BitFieldException {
    assertAcceptedNonCanonical(bits("00 1 00 10100000"), BitField.of(0, 1, 2, 3, 4));
  }

  @Test
  void acceptsExplicitTerminatorAndIgnoresWhatFollows() throws BitFieldException {
    assertAcceptedNonCanonical(bits("00 1 1 01 0000 1111 1111"), BitField.of(0));
    assertAcceptedNonCanonical(bits("00 1 1 00 00000000 1"), BitField.of(0));
  }

  @Test
  void acceptsTrailingRunOfZeros() throws BitFieldException {
    assertAcceptedNonCanonical(bits("00 1 1 1"), BitField.of(0));
    assertAcceptedNonCanonical(bits("00 0 01 1100"), BitField.empty());
    assertAcceptedNonCanonical(new byte[] {0x04}, BitField.empty()); // first bit set, no runs
  }

  @Test
  void acceptsTruncatedBlockPaddedWithZeros() throws BitFieldException {
    // the stream ends inside a short block; the missing length bits read as 0 -> run of 1
    assertAcceptedNonCanonical(bits("00 0 1 01 1"), BitField.of(1));
  }

  @Test
  void acceptsLongestRuns() throws BitFieldException {
    // a run of 2^64 - 1 set bits: the largest field there is
    BitField all = decode(bits("00 1 00" + " 11111111".repeat(9) + " 10000000"));
    assertThat(all.count()).isEqualTo(MAX_UINT64);
    assertThat(all.first()).hasValue(0);
    assertThat(all.last()).hasValue(MAX_UINT64 - 1);
    assertThat(all.isSet(MAX_UINT64 - 1)).isTrue();
    assertThat(all.isSet(MAX_UINT64)).isFalse();
    assertThat(decode(all.encode())).isEqualTo(all);
    assertThat(all.subtract(BitField.of(0)).first()).hasValue(1);
    assertThat(all.cut(BitField.of(0)).last()).hasValue(MAX_UINT64 - 2);

    // 2^64 - 1 unset bits and nothing else: valid, and empty
    assertAcceptedNonCanonical(
        bits("00 0 00" + " 11111111".repeat(9) + " 10000000"), BitField.empty());
  }

  private static void assertAcceptedNonCanonical(byte[] in, BitField expected)
      throws BitFieldException {
    BitField f = decode(in);
    assertThat(f).isEqualTo(expected);
    assertThat(f.encode()).isNotEqualTo(in).isEqualTo(expected.encode());
    assertThat(ReferenceRlePlus.read(in).canonical()).isFalse();
  }
}
