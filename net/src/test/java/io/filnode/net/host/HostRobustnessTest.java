package io.filnode.net.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.filnode.net.identity.Ed25519Keys;
import io.filnode.net.multiaddr.Multiaddr;
import io.filnode.net.mux.MplexFrame;
import io.filnode.net.mux.MplexHandler;
import io.filnode.net.mux.YamuxFrame;
import io.filnode.net.mux.YamuxHandler;
import io.filnode.net.wire.DecodeException;
import io.filnode.net.wire.Varint;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.DataInputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A running host fed broken bytes over real TCP connections: each fault costs the stream or the
 * connection it hit, and a well-behaved connection to the same host keeps working.
 */
class HostRobustnessTest {
  private static final String HOLD = "/test/hold/1.0.0";
  private static final byte[] PING_BYTES = new byte[32];

  static {
    new SecureRandom().nextBytes(PING_BYTES);
  }

  private Host server;
  private Host client;
  private Multiaddr addr;
  private Connection good;
  private final CompletableFuture<Stream> held = new CompletableFuture<>();

  @BeforeEach
  void start() throws Exception {
    server = new Host(HostConfig.defaults(Ed25519Keys.generate(new SecureRandom())));
    client = new Host(HostConfig.defaults(Ed25519Keys.generate(new SecureRandom())));
    server.setStreamHandler(HOLD, held::complete); // keeps the stream and reads nothing
    addr = server.listen(Multiaddr.fromString("/ip4/127.0.0.1/tcp/0")).get(5, TimeUnit.SECONDS);
    good = client.dial(addr.withPeerId(server.peerId())).get(10, TimeUnit.SECONDS);
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  /** The well-behaved connection still carries a ping round trip. */
  private void goodConnectionWorks() throws Exception {
    assertThat(client.ping(good).get(10, TimeUnit.SECONDS)).isPositive();
    assertThat(good.isOpen()).isTrue();
  }

  private Connection serverSideOf(RawPeer raw) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      for (Connection c : server.connections()) {
        if (c.remotePeer().equals(raw.peerId())) {
          return c;
        }
      }
      Thread.sleep(10);
    }
    throw new AssertionError("the server never registered the raw peer's connection");
  }

  // ---- yamux ----

  private static byte[] yamux(int type, int flags, int id, long length, byte[] payload) {
    ByteBuf b = Unpooled.buffer();
    new YamuxFrame(type, flags, id, length).encodeHeader(b);
    b.writeBytes(payload);
    return bytes(b);
  }

  private static byte[] yamuxData(int flags, int id, byte[] payload) {
    return yamux(YamuxFrame.DATA, flags, id, payload.length, payload);
  }

  /** The yamux frames in {@code bytes} (data frames with their payloads skipped). */
  private static List<YamuxFrame> yamuxFrames(byte[] bytes) {
    List<YamuxFrame> out = new ArrayList<>();
    ByteBuf b = Unpooled.wrappedBuffer(bytes);
    while (b.readableBytes() >= YamuxFrame.HEADER_BYTES) {
      int start = b.readerIndex();
      YamuxFrame f =
          new YamuxFrame(
              b.getUnsignedByte(start + 1),
              b.getUnsignedShort(start + 2),
              b.getInt(start + 4),
              b.getUnsignedInt(start + 8));
      if (f.type() == YamuxFrame.DATA && b.readableBytes() < 12 + f.length()) {
        break;
      }
      b.skipBytes(12 + (f.type() == YamuxFrame.DATA ? (int) f.length() : 0));
      out.add(f);
    }
    return out;
  }

  /** The payload bytes of all yamux data frames of stream {@code id}, in order. */
  private static byte[] yamuxStreamData(byte[] bytes, int id) {
    ByteBuf b = Unpooled.wrappedBuffer(bytes);
    ByteBuf out = Unpooled.buffer();
    while (b.readableBytes() >= 12) {
      int type = b.getUnsignedByte(b.readerIndex() + 1);
      int sid = b.getInt(b.readerIndex() + 4);
      long len = b.getUnsignedInt(b.readerIndex() + 8);
      if (type != YamuxFrame.DATA) {
        b.skipBytes(12);
        continue;
      }
      if (b.readableBytes() < 12 + len) {
        break;
      }
      b.skipBytes(12);
      if (sid == id) {
        out.writeBytes(b, (int) len);
      } else {
        b.skipBytes((int) len);
      }
    }
    return bytes(out);
  }

  private static boolean hasGoAway(byte[] received, int code) {
    return yamuxFrames(received).stream()
        .anyMatch(f -> f.type() == YamuxFrame.GO_AWAY && f.length() == code);
  }

  @Test
  void yamuxFrameLargerThanTheWindowClosesOnlyThatConnection() throws Exception {
    try (RawPeer raw = RawPeer.connect(addr, YamuxHandler.PROTOCOL_ID)) {
      // a data frame header announcing 1 MiB on a new stream: more than the 256 KiB window
      raw.send(yamux(YamuxFrame.DATA, YamuxFrame.SYN, 1, 1 << 20, new byte[100]));
      assertThat(raw.awaitClosed()).isTrue();
      assertThat(hasGoAway(raw.received(), 1)).isTrue();
    }
    goodConnectionWorks();
  }

  @Test
  void yamuxDataBeyondTheReceiveWindowClosesTheConnection() throws Exception {
    try (RawPeer raw = RawPeer.connect(addr, YamuxHandler.PROTOCOL_ID)) {
      raw.send(yamuxData(YamuxFrame.SYN, 1, RawPeer.lines("/multistream/1.0.0", HOLD)));
      Stream s = held.get(10, TimeUnit.SECONDS); // nobody reads it: the window only shrinks
      byte[] chunk = new byte[64 * 1024];
      for (int i = 0; i < 3; i++) {
        raw.send(yamuxData(0, 1, chunk));
      }
      assertThat(raw.isOpen()).isTrue(); // 192 KiB and the negotiation: still within 256 KiB
      raw.send(yamuxData(0, 1, chunk)); // now past it
      assertThat(raw.awaitClosed()).isTrue();
      assertThat(hasGoAway(raw.received(), 1)).isTrue();
      assertThat(s.closeFuture()).succeedsWithin(10, TimeUnit.SECONDS);
    }
    goodConnectionWorks();
  }

  @Test
  void yamuxFrameTruncatedByEofFailsItsStreamAndOnlyThatConnection() throws Exception {
    try (RawPeer raw = RawPeer.connect(addr, YamuxHandler.PROTOCOL_ID)) {
      raw.send(yamuxData(YamuxFrame.SYN, 1, RawPeer.lines("/multistream/1.0.0", HOLD)));
      Stream s = held.get(10, TimeUnit.SECONDS);
      CompletableFuture<byte[]> read = s.readExactly(1000);
      // a header for 1,000 bytes, 10 of them, then the peer goes away
      raw.send(yamux(YamuxFrame.DATA, 0, 1, 1000, new byte[10]));
      raw.close();
      assertThatThrownBy(() -> read.get(10, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(StreamException.class);
    }
    goodConnectionWorks();
  }

  @Test
  void yamuxMalformedStreamNegotiationResetsOnlyThatStream() throws Exception {
    try (RawPeer raw = RawPeer.connect(addr, YamuxHandler.PROTOCOL_ID)) {
      // a multistream "line" whose varint length runs over 1 KiB
      raw.send(yamuxData(YamuxFrame.SYN, 1, new byte[] {(byte) 0xff, (byte) 0xff, 0x7f, 1, 2}));
      assertThat(
              raw.awaitReceived(
                  r ->
                      yamuxFrames(r).stream()
                          .anyMatch(f -> f.streamId() == 1 && (f.flags() & YamuxFrame.RST) != 0)))
          .isTrue();
      // the same connection still serves a new stream: ping echoes 32 bytes
      raw.send(
          yamuxData(
              YamuxFrame.SYN,
              3,
              concat(RawPeer.lines("/multistream/1.0.0", Ping.PROTOCOL), PING_BYTES)));
      assertThat(raw.awaitReceived(r -> endsWith(yamuxStreamData(r, 3), PING_BYTES))).isTrue();
      assertThat(raw.isOpen()).isTrue();
      assertThat(serverSideOf(raw).isOpen()).isTrue();
    }
    goodConnectionWorks();
  }

  @Test
  void yamuxGoAwayStopsNewStreamsButNotTheConnection() throws Exception {
    try (RawPeer raw = RawPeer.connect(addr, YamuxHandler.PROTOCOL_ID)) {
      Connection c = serverSideOf(raw);
      raw.send(yamux(YamuxFrame.GO_AWAY, 0, 0, 0, new byte[0])); // normal termination
      // a yamux ping behind it: once answered, the go-away has been processed
      raw.send(yamux(YamuxFrame.PING, YamuxFrame.SYN, 0, 4242, new byte[0]));
      assertThat(
              raw.awaitReceived(
                  r ->
                      yamuxFrames(r).stream()
                          .anyMatch(f -> f.type() == YamuxFrame.PING && f.length() == 4242)))
          .isTrue();
      // the host opens no more streams to it...
      assertThat(c.newStream(List.of(Ping.PROTOCOL)).handle((s, e) -> e).get(10, TimeUnit.SECONDS))
          .hasRootCauseInstanceOf(StreamException.class);
      // ...but still serves streams the peer opens
      raw.send(
          yamuxData(
              YamuxFrame.SYN,
              1,
              concat(RawPeer.lines("/multistream/1.0.0", Ping.PROTOCOL), PING_BYTES)));
      assertThat(raw.awaitReceived(r -> endsWith(yamuxStreamData(r, 1), PING_BYTES))).isTrue();
      assertThat(c.isOpen()).isTrue();
    }
    goodConnectionWorks();
  }

  @Test
  void yamuxGoAwayWithAnErrorCodeClosesTheConnection() throws Exception {
    try (RawPeer raw = RawPeer.connect(addr, YamuxHandler.PROTOCOL_ID)) {
      Connection c = serverSideOf(raw);
      raw.send(yamux(YamuxFrame.GO_AWAY, 0, 0, 1, new byte[0])); // protocol error
      assertThat(c.closeFuture()).succeedsWithin(10, TimeUnit.SECONDS);
      assertThat(raw.awaitClosed()).isTrue();
    }
    goodConnectionWorks();
  }

  // ---- mplex ----

  private static byte[] mplex(long id, int flag, byte[] payload) {
    ByteBuf b = Unpooled.buffer();
    new MplexFrame(id, flag, payload.length).encodeHeader(b);
    b.writeBytes(payload);
    return bytes(b);
  }

  /** (stream id, flag, payload) of each complete mplex frame in {@code bytes}. */
  private static List<Object[]> mplexFrames(byte[] bytes) {
    List<Object[]> out = new ArrayList<>();
    ByteBuf b = Unpooled.wrappedBuffer(bytes);
    try {
      while (true) {
        long h = Varint.tryRead(b);
        if (h == Varint.INCOMPLETE) {
          return out;
        }
        long len = Varint.tryRead(b);
        if (len == Varint.INCOMPLETE || b.readableBytes() < len) {
          return out;
        }
        byte[] payload = new byte[(int) len];
        b.readBytes(payload);
        out.add(new Object[] {h >>> 3, (int) (h & 7), payload});
      }
    } catch (DecodeException e) {
      throw new AssertionError("the host sent a malformed mplex frame", e);
    }
  }

  private static byte[] mplexStreamData(byte[] bytes, long id, int flag) {
    ByteBuf out = Unpooled.buffer();
    for (Object[] f : mplexFrames(bytes)) {
      if ((long) f[0] == id && (int) f[1] == flag) {
        out.writeBytes((byte[]) f[2]);
      }
    }
    return bytes(out);
  }

  @Test
  void mplexOversizedFrameClosesOnlyThatConnection() throws Exception {
    try (RawPeer raw = RawPeer.connect(addr, MplexHandler.PROTOCOL_ID)) {
      raw.send(mplex(0, MplexFrame.NEW_STREAM, new byte[0]));
      ByteBuf b = Unpooled.buffer();
      Varint.write(b, (0L << 3) | MplexFrame.MESSAGE_INITIATOR);
      Varint.write(b, MplexFrame.MAX_PAYLOAD + 1); // 1 MiB + 1: refused from the header alone
      b.writeBytes(new byte[100]);
      raw.send(bytes(b));
      assertThat(raw.awaitClosed()).isTrue();
    }
    goodConnectionWorks();
  }

  @Test
  void mplexFrameTruncatedByEofFailsItsStreamAndOnlyThatConnection() throws Exception {
    try (RawPeer raw = RawPeer.connect(addr, MplexHandler.PROTOCOL_ID)) {
      raw.send(mplex(0, MplexFrame.NEW_STREAM, new byte[0]));
      raw.send(mplex(0, MplexFrame.MESSAGE_INITIATOR, RawPeer.lines("/multistream/1.0.0", HOLD)));
      Stream s = held.get(10, TimeUnit.SECONDS);
      CompletableFuture<byte[]> read = s.readExactly(1000);
      ByteBuf b = Unpooled.buffer();
      Varint.write(b, (0L << 3) | MplexFrame.MESSAGE_INITIATOR);
      Varint.write(b, 1000);
      b.writeBytes(new byte[10]);
      raw.send(bytes(b));
      raw.close();
      assertThatThrownBy(() -> read.get(10, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(StreamException.class);
    }
    goodConnectionWorks();
  }

  @Test
  void mplexMalformedStreamNegotiationResetsOnlyThatStream() throws Exception {
    try (RawPeer raw = RawPeer.connect(addr, MplexHandler.PROTOCOL_ID)) {
      raw.send(mplex(5, MplexFrame.NEW_STREAM, new byte[0]));
      raw.send(
          mplex(5, MplexFrame.MESSAGE_INITIATOR, new byte[] {(byte) 0xff, (byte) 0xff, 0x7f, 1}));
      assertThat(
              raw.awaitReceived(
                  r ->
                      mplexFrames(r).stream()
                          .anyMatch(
                              f -> (long) f[0] == 5 && (int) f[1] == MplexFrame.RESET_RECEIVER)))
          .isTrue();
      raw.send(mplex(6, MplexFrame.NEW_STREAM, new byte[0]));
      raw.send(
          mplex(
              6,
              MplexFrame.MESSAGE_INITIATOR,
              concat(RawPeer.lines("/multistream/1.0.0", Ping.PROTOCOL), PING_BYTES)));
      assertThat(
              raw.awaitReceived(
                  r -> endsWith(mplexStreamData(r, 6, MplexFrame.MESSAGE_RECEIVER), PING_BYTES)))
          .isTrue();
      assertThat(raw.isOpen()).isTrue();
      assertThat(serverSideOf(raw).isOpen()).isTrue();
    }
    goodConnectionWorks();
  }

  // ---- before the muxer: multistream and Noise ----

  private Socket rawSocket() throws Exception {
    var hp = addr.tcpHostPort();
    Socket s = new Socket(hp.host(), hp.port());
    s.setSoTimeout(10_000);
    return s;
  }

  /** Reads until the host closes the socket; true when it did (false: it stayed open 10 s). */
  private static boolean closedByHost(Socket s) throws Exception {
    try {
      while (s.getInputStream().read() >= 0) {}
      return true;
    } catch (java.net.SocketTimeoutException e) {
      return false;
    } catch (java.net.SocketException e) {
      return true; // reset
    }
  }

  @Test
  void malformedMultistreamLineClosesOnlyThatConnection() throws Exception {
    try (Socket s = rawSocket()) {
      OutputStream out = s.getOutputStream();
      out.write(RawPeer.lines("/multistream/1.0.0"));
      out.write(new byte[] {5, '/', 'n', 'o', 'i', 's'}); // 5 bytes that do not end in \n
      out.flush();
      assertThat(closedByHost(s)).isTrue();
    }
    goodConnectionWorks();
  }

  @Test
  void failedNoiseHandshakeClosesOnlyThatConnection() throws Exception {
    try (Socket s = rawSocket()) {
      OutputStream out = s.getOutputStream();
      DataInputStream in = new DataInputStream(s.getInputStream());
      out.write(RawPeer.lines("/multistream/1.0.0", ConnectionImpl.NOISE));
      byte[] e = new byte[32];
      new SecureRandom().nextBytes(e);
      out.write(new byte[] {0, 32});
      out.write(e); // a plausible message 1
      out.flush();
      // skip the two multistream lines, then read message 2
      byte[] expectedLines = RawPeer.lines("/multistream/1.0.0", ConnectionImpl.NOISE);
      in.readFully(new byte[expectedLines.length]);
      byte[] msg2 = new byte[in.readUnsignedShort()];
      in.readFully(msg2);
      // message 3 of random bytes: its encrypted static key fails authentication
      byte[] msg3 = new byte[96];
      new SecureRandom().nextBytes(msg3);
      out.write(new byte[] {0, 96});
      out.write(msg3);
      out.flush();
      assertThat(closedByHost(s)).isTrue();
    }
    goodConnectionWorks();
  }

  // ---- helpers ----

  private static byte[] bytes(ByteBuf b) {
    byte[] out = new byte[b.readableBytes()];
    b.readBytes(out);
    b.release();
    return out;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private static boolean endsWith(byte[] data, byte[] suffix) {
    return data.length >= suffix.length
        && Arrays.equals(
            Arrays.copyOfRange(data, data.length - suffix.length, data.length), suffix);
  }
}
