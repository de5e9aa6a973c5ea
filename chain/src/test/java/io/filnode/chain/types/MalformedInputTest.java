package io.filnode.chain.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.filnode.chain.address.Address;
import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cid.Hex;
import io.filnode.chain.testing.RandomChainValues;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Feeds each CBOR-decoded chain type 100,000 mutated encodings (bit flips, truncations, splices,
 * forged length heads, deep nesting). Only {@link CborException} may escape, and no decode may
 * allocate more than a small multiple of its input: a forged length must never size a buffer.
 */
class MalformedInputTest {
  private static final int INPUTS_PER_TYPE = 100_000;

  /** Object overhead per input byte (records, lists, exception text) plus a fixed allowance. */
  private static final long BYTES_PER_INPUT_BYTE = 64;

  private static final long FIXED_ALLOWANCE = 64 * 1024;

  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  private record Target(
      String name,
      Function<RandomChainValues, CborEncodable> seed,
      CborReader.Decoder<?> decoder) {}

  private static final List<Target> TARGETS =
      List.of(
          new Target("Message", RandomChainValues::message, UnsignedMessage::decode),
          new Target("SignedMessage", RandomChainValues::signedMessage, SignedMessage::decode),
          new Target("BlockHeader", RandomChainValues::blockHeader, BlockHeader::decode),
          new Target("MessageReceipt", RandomChainValues::receipt, MessageReceipt::decode),
          new Target("MsgMeta", RandomChainValues::msgMeta, MsgMeta::decode),
          new Target("BlockMsg", RandomChainValues::blockMsg, BlockMsg::decode),
          new Target(
              "Address",
              r -> w -> r.address().encode(w),
              (CborReader.Decoder<Address>) Address::decode),
          new Target("any DAG-CBOR", RandomChainValues::blockMsg, CborReader::readRawValue));

  @TestFactory
  List<DynamicTest> onlyTheCodecsExceptionEscapes() {
    return TARGETS.stream().map(t -> DynamicTest.dynamicTest(t.name(), () -> fuzz(t))).toList();
  }

  private static void fuzz(Target t) {
    Random rnd = new Random(t.name().hashCode());
    RandomChainValues values = new RandomChainValues(rnd.nextLong());
    byte[][] seeds = new byte[32][];
    for (int i = 0; i < seeds.length; i++) {
      seeds[i] = t.seed().apply(values).toCbor();
    }
    THREADS.setThreadAllocatedMemoryEnabled(true);
    long tid = Thread.currentThread().getId();
    int rejected = 0;
    for (int i = 0; i < INPUTS_PER_TYPE; i++) {
      byte[] input = mutate(seeds[rnd.nextInt(seeds.length)], rnd);
      boolean ok;
      try {
        CborReader.decodeWhole(input, t.name(), t.decoder());
        ok = true;
      } catch (CborException e) {
        ok = false;
        assertThat(e.getMessage()).startsWith("decoding " + t.name());
      } catch (RuntimeException | StackOverflowError e) {
        throw new AssertionError(
            "decoding " + t.name() + " of " + Hex.encode(input) + " threw " + e, e);
      }
      if (!ok) {
        rejected++;
      }
      // first runs of a code path allocate for class loading and linkage: measure a repeat
      if (i % 16 == 0 || input.length < 64) {
        long allocated = allocationOf(t, input, tid);
        if (allocated > FIXED_ALLOWANCE + BYTES_PER_INPUT_BYTE * input.length
            && allocationOf(t, input, tid)
                > FIXED_ALLOWANCE + BYTES_PER_INPUT_BYTE * input.length) {
          fail(
              "decoding %s of %d bytes allocated %d bytes: %s",
              t.name(), input.length, allocated, Hex.encode(input));
        }
      }
    }
    // the mutations must actually reach the error paths
    assertThat(rejected).isGreaterThan(INPUTS_PER_TYPE / 2);
  }

  private static long allocationOf(Target t, byte[] input, long tid) {
    long before = THREADS.getThreadAllocatedBytes(tid);
    try {
      CborReader.decodeWhole(input, t.name(), t.decoder());
    } catch (CborException e) {
      // expected for most inputs
    }
    return THREADS.getThreadAllocatedBytes(tid) - before;
  }

  private static final byte[][] FORGED_HEADS = {
    {(byte) 0x9b, (byte) 0x80, 0, 0, 0, 0, 0, 0, 0}, // array of 2^63
    {(byte) 0x9b, 0x7f, -1, -1, -1, -1, -1, -1, -1},
    {(byte) 0x5b, 0, 0, 0, 0, 0x7f, -1, -1, -1}, // bytes of 2^31-1
    {(byte) 0x7a, 0x7f, -1, -1, -1}, // text of 2^31-1
    {(byte) 0xbb, 0, 0, 0, 1, 0, 0, 0, 0}, // map of 2^32
    {(byte) 0x9a, 0, 0x20, 0, 0}, // array of 2 Mi
    {(byte) 0x59, -1, -1}, // bytes of 65535
  };

  static byte[] mutate(byte[] seed, Random rnd) {
    byte[] b = seed.clone();
    switch (rnd.nextInt(7)) {
      case 0: // bit flips
        for (int k = 1 + rnd.nextInt(4); k > 0; k--) {
          int p = rnd.nextInt(b.length);
          b[p] ^= (byte) (1 << rnd.nextInt(8));
        }
        return b;
      case 1: // truncation
        return Arrays.copyOf(b, rnd.nextInt(b.length));
      case 2: // random byte values
        for (int k = 1 + rnd.nextInt(3); k > 0; k--) {
          b[rnd.nextInt(b.length)] = (byte) rnd.nextInt(256);
        }
        return b;
      case 3: // a forged length head spliced in
        {
          byte[] head = FORGED_HEADS[rnd.nextInt(FORGED_HEADS.length)];
          int p = rnd.nextInt(b.length);
          byte[] out = new byte[b.length + head.length];
          System.arraycopy(b, 0, out, 0, p);
          System.arraycopy(head, 0, out, p, head.length);
          System.arraycopy(b, p, out, p + head.length, b.length - p);
          return out;
        }
      case 4: // deep nesting in front
        {
          int depth = 50 + rnd.nextInt(300);
          byte[] out = new byte[depth + b.length];
          Arrays.fill(out, 0, depth, (byte) 0x81);
          System.arraycopy(b, 0, out, depth, b.length);
          return out;
        }
      case 5: // deletion or duplication of a slice
        {
          int p = rnd.nextInt(b.length);
          int n = 1 + rnd.nextInt(Math.min(16, b.length - p));
          if (rnd.nextBoolean()) {
            byte[] out = new byte[b.length - n];
            System.arraycopy(b, 0, out, 0, p);
            System.arraycopy(b, p + n, out, p, b.length - p - n);
            return out;
          }
          byte[] out = new byte[b.length + n];
          System.arraycopy(b, 0, out, 0, p + n);
          System.arraycopy(b, p, out, p + n, b.length - p);
          return out;
        }
      default: // trailing garbage
        {
          byte[] out = Arrays.copyOf(b, b.length + 1 + rnd.nextInt(8));
          return out;
        }
    }
  }
}
