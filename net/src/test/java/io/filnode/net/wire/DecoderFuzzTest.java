package io.filnode.net.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.filnode.net.host.IdentifyInfo;
import io.filnode.net.identity.Ed25519Keys;
import io.filnode.net.multiaddr.Multiaddr;
import io.filnode.net.multistream.Multistream;
import io.filnode.net.mux.MplexFrame;
import io.filnode.net.mux.YamuxFrame;
import io.filnode.net.noise.NoisePayload;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Feeds 100,000 mutated inputs to each decoder of untrusted bytes: only {@link DecodeException} may
 * escape, and no call allocates much more than its input (a decoder that trusted a length header
 * would allocate up to gigabytes).
 */
class DecoderFuzzTest {
  private static final int ROUNDS = 100_000;
  private static final int WARM_UP = 5_000;
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  @FunctionalInterface
  interface Decoder {
    void decode(byte[] input) throws DecodeException;
  }

  private static byte[] mutate(Random r, byte[] seed) {
    byte[] b;
    switch (r.nextInt(4)) {
      case 0 -> b = java.util.Arrays.copyOf(seed, r.nextInt(seed.length + 1)); // truncate
      case 1 -> {
        b = java.util.Arrays.copyOf(seed, seed.length + r.nextInt(16)); // extend
        for (int i = seed.length; i < b.length; i++) {
          b[i] = (byte) r.nextInt();
        }
      }
      case 2 -> {
        b = new byte[r.nextInt(64)]; // noise
        r.nextBytes(b);
      }
      default -> b = seed.clone();
    }
    int flips = 1 + r.nextInt(4);
    for (int i = 0; i < flips && b.length > 0; i++) {
      int pos = r.nextInt(b.length);
      b[pos] = r.nextBoolean() ? (byte) r.nextInt() : (byte) (b[pos] ^ (1 << r.nextInt(8)));
    }
    return b;
  }

  private static int run(List<byte[]> seeds, Decoder d) {
    warmUpKeyFactories();
    Random r = new Random(42);
    long tid = Thread.currentThread().getId();
    int rejected = 0;
    for (int i = 0; i < ROUNDS; i++) {
      byte[] in = mutate(r, seeds.get(r.nextInt(seeds.size())));
      long before = THREADS.getThreadAllocatedBytes(tid);
      try {
        d.decode(in);
      } catch (DecodeException e) {
        rejected++;
      }
      long allocated = THREADS.getThreadAllocatedBytes(tid) - before;
      if (i < WARM_UP) {
        continue; // first calls load classes and bootstrap string concatenation
      }
      assertThat(allocated)
          .as("bytes allocated decoding %d input bytes", in.length)
          .isLessThan(64 * 1024 + 32L * in.length);
    }
    return rejected;
  }

  /** The JDK loads its RSA and EC providers (megabytes) on first use: not the decoder's doing. */
  private static void warmUpKeyFactories() {
    for (int type = 0; type < 4; type++) {
      try {
        io.filnode.net.identity.KeyCodec.decodePublic(new byte[] {8, (byte) type, 18, 1, 0});
      } catch (DecodeException e) {
        // expected: the point is the class loading
      }
    }
  }

  private static byte[] bytes(ByteBuf b) {
    byte[] out = new byte[b.readableBytes()];
    b.readBytes(out);
    b.release();
    return out;
  }

  @Test
  void varint() {
    int rejected =
        run(
            List.of(Varint.encode(0), Varint.encode(300), Varint.encode(Long.MAX_VALUE)),
            in -> {
              Varint.read(in, new int[] {0});
              Varint.tryRead(Unpooled.wrappedBuffer(in));
            });
    assertThat(rejected).isPositive();
  }

  @Test
  void multistreamLines() {
    ByteBuf b = Unpooled.buffer();
    Multistream.writeLine(b, Multistream.PROTOCOL_ID);
    Multistream.writeLine(b, "/yamux/1.0.0");
    int rejected =
        run(
            List.of(bytes(b)),
            in -> {
              ByteBuf buf = Unpooled.wrappedBuffer(in);
              while (Multistream.tryReadLine(buf) != null) {
                // keep reading
              }
            });
    assertThat(rejected).isPositive();
  }

  @Test
  void yamuxHeaders() {
    ByteBuf b = Unpooled.buffer();
    new YamuxFrame(YamuxFrame.DATA, YamuxFrame.SYN, 3, 5).encodeHeader(b);
    b.writeBytes(new byte[] {1, 2, 3, 4, 5});
    new YamuxFrame(YamuxFrame.WINDOW_UPDATE, YamuxFrame.ACK, 2, 1 << 18).encodeHeader(b);
    int rejected =
        run(
            List.of(bytes(b)),
            in -> {
              ByteBuf buf = Unpooled.wrappedBuffer(in);
              while (buf.readableBytes() >= YamuxFrame.HEADER_BYTES) {
                YamuxFrame f = YamuxFrame.decodeHeader(buf);
                if (f.type() == YamuxFrame.DATA) {
                  buf.skipBytes((int) Math.min(buf.readableBytes(), f.length()));
                }
              }
            });
    assertThat(rejected).isPositive();
  }

  @Test
  void mplexFrames() {
    ByteBuf b = Unpooled.buffer();
    new MplexFrame(7, MplexFrame.NEW_STREAM, 1).encodeHeader(b);
    b.writeByte('7');
    new MplexFrame(7, MplexFrame.MESSAGE_INITIATOR, 3).encodeHeader(b);
    b.writeBytes(new byte[] {1, 2, 3});
    int rejected =
        run(
            List.of(bytes(b)),
            in -> {
              ByteBuf buf = Unpooled.wrappedBuffer(in);
              MplexFrame f;
              while ((f = MplexFrame.tryDecodeHeader(buf)) != null) {
                buf.skipBytes(Math.min(buf.readableBytes(), f.length()));
              }
            });
    assertThat(rejected).isPositive();
  }

  @Test
  void noisePayloads() {
    var key = Ed25519Keys.generate(new java.security.SecureRandom());
    byte[] p =
        new NoisePayload(key.publicKey().bytes(), new byte[64], List.of("/yamux/1.0.0")).encode();
    int rejected = run(List.of(p), NoisePayload::decode);
    assertThat(rejected).isPositive();
  }

  @Test
  void identifyMessages() throws Exception {
    var key = Ed25519Keys.generate(new java.security.SecureRandom());
    byte[] m =
        new IdentifyInfo(
                "ipfs/0.1.0",
                "filnode/0.1.0",
                key.publicKey(),
                List.of(Multiaddr.fromString("/ip4/127.0.0.1/tcp/4001")),
                Multiaddr.fromString("/ip6/::1/tcp/1"),
                List.of("/ipfs/id/1.0.0", "/ipfs/ping/1.0.0"))
            .encode();
    int rejected = run(List.of(m), IdentifyInfo::decode);
    assertThat(rejected).isPositive();
  }
}
