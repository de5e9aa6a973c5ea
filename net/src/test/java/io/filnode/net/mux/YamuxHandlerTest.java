package io.filnode.net.mux;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** yamux session behaviour on an embedded channel, with the clocks under the test's control. */
class YamuxHandlerTest {
  private static final YamuxConfig CONFIG =
      new YamuxConfig(Duration.ofSeconds(30), Duration.ofSeconds(10), 16 << 20);

  private final AtomicLong nanos = new AtomicLong();
  private final List<MuxedStream> inbound = new ArrayList<>();

  private EmbeddedChannel channel() {
    EmbeddedChannel ch = new EmbeddedChannel();
    ch.freezeTime();
    ch.pipeline().addLast(new YamuxHandler(null, true, inbound::add, CONFIG, nanos::get));
    ch.runPendingTasks();
    return ch;
  }

  /** Moves the channel's clock on; scheduled tasks may queue more tasks, which run too. */
  private static void tick(EmbeddedChannel ch, long seconds) {
    ch.advanceTimeBy(seconds, TimeUnit.SECONDS);
    ch.runPendingTasks();
    ch.runPendingTasks();
  }

  private static List<YamuxFrame> outbound(EmbeddedChannel ch) throws Exception {
    List<YamuxFrame> out = new ArrayList<>();
    ByteBuf b;
    while ((b = ch.readOutbound()) != null) {
      while (b.isReadable()) {
        YamuxFrame f = YamuxFrame.decodeHeader(b);
        if (f.type() == YamuxFrame.DATA) {
          b.skipBytes((int) f.length());
        }
        out.add(f);
      }
      b.release();
    }
    return out;
  }

  private static ByteBuf frame(int type, int flags, int id, long length, int payload) {
    ByteBuf b = Unpooled.buffer();
    new YamuxFrame(type, flags, id, length).encodeHeader(b);
    b.writeZero(payload);
    return b;
  }

  private static YamuxFrame onlyPingSyn(List<YamuxFrame> frames) {
    List<YamuxFrame> pings =
        frames.stream()
            .filter(f -> f.type() == YamuxFrame.PING && f.flags() == YamuxFrame.SYN)
            .toList();
    assertThat(pings).hasSize(1);
    return pings.get(0);
  }

  @Test
  void answersPingsAndSendsItsOwn() throws Exception {
    EmbeddedChannel ch = channel();
    onlyPingSyn(outbound(ch)); // the first round-trip measurement
    ch.writeInbound(frame(YamuxFrame.PING, YamuxFrame.SYN, 0, 77, 0));
    assertThat(outbound(ch))
        .containsExactly(new YamuxFrame(YamuxFrame.PING, YamuxFrame.ACK, 0, 77));
    ch.finishAndReleaseAll();
  }

  @Test
  void keepAlivePingsAndClosesWhenOneGoesUnanswered() throws Exception {
    EmbeddedChannel ch = channel();
    YamuxFrame first = onlyPingSyn(outbound(ch));
    nanos.addAndGet(2_000_000);
    ch.writeInbound(frame(YamuxFrame.PING, YamuxFrame.ACK, 0, first.length(), 0));

    // answered pings never close the connection, however long it lives
    for (int i = 0; i < 3; i++) {
      tick(ch, 30);
      YamuxFrame ping = onlyPingSyn(outbound(ch));
      ch.writeInbound(frame(YamuxFrame.PING, YamuxFrame.ACK, 0, ping.length(), 0));
      tick(ch, 10);
      assertThat(ch.isOpen()).isTrue();
    }

    // the next keep-alive ping goes unanswered
    tick(ch, 20);
    onlyPingSyn(outbound(ch));
    tick(ch, 9);
    assertThat(ch.isOpen()).isTrue();
    tick(ch, 2);
    assertThat(ch.isOpen()).isFalse();
    ch.finishAndReleaseAll();
  }

  @Test
  void pingReportsTheRoundTripOrFailsOnTimeout() throws Exception {
    EmbeddedChannel ch = channel();
    YamuxHandler h = ch.pipeline().get(YamuxHandler.class);
    outbound(ch);
    CompletableFuture<Duration> rtt = h.ping();
    ch.runPendingTasks();
    YamuxFrame ping = onlyPingSyn(outbound(ch));
    nanos.addAndGet(3_000_000);
    ch.writeInbound(frame(YamuxFrame.PING, YamuxFrame.ACK, 0, ping.length(), 0));
    assertThat(rtt).isCompletedWithValue(Duration.ofMillis(3));

    CompletableFuture<Duration> lost = h.ping();
    ch.runPendingTasks();
    tick(ch, 11);
    assertThat(lost).isCompletedExceptionally();
    assertThat(ch.isOpen()).isFalse();
    ch.finishAndReleaseAll();
  }

  /** Delivers {@code n} bytes on remote stream 2 and reads them all; returns the window update. */
  private long readAndGetUpdate(EmbeddedChannel ch, boolean open, int n) throws Exception {
    ch.writeInbound(frame(YamuxFrame.DATA, open ? YamuxFrame.SYN : 0, 2, n, n));
    MuxedStream s = inbound.get(0);
    int got = 0;
    while (got < n) {
      ByteBuf b = s.read().getNow(null);
      got += b.readableBytes();
      b.release();
    }
    return outbound(ch).stream()
        .filter(f -> f.type() == YamuxFrame.WINDOW_UPDATE && f.flags() == 0)
        .mapToLong(YamuxFrame::length)
        .sum();
  }

  @Test
  void windowGrowsWhenTheReaderKeepsUpAndNotOtherwise() throws Exception {
    EmbeddedChannel ch = channel();
    YamuxFrame ping = onlyPingSyn(outbound(ch));
    nanos.addAndGet(1_000_000); // a 1 ms round trip
    ch.writeInbound(frame(YamuxFrame.PING, YamuxFrame.ACK, 0, ping.length(), 0));
    int half = YamuxHandler.INITIAL_WINDOW / 2;

    // half the window read within four round trips: the window doubles to 512 KiB
    nanos.addAndGet(1_000_000);
    assertThat(readAndGetUpdate(ch, true, half)).isEqualTo(half + YamuxHandler.INITIAL_WINDOW);

    // a slow reader (40 round trips for half a window) gets its bytes back, no more
    nanos.addAndGet(40_000_000);
    assertThat(readAndGetUpdate(ch, false, YamuxHandler.INITIAL_WINDOW))
        .isEqualTo(YamuxHandler.INITIAL_WINDOW);
    ch.finishAndReleaseAll();
  }

  @Test
  void dataBeyondTheReceiveWindowIsAProtocolError() throws Exception {
    EmbeddedChannel ch = channel();
    outbound(ch);
    int w = YamuxHandler.INITIAL_WINDOW;
    ch.writeInbound(frame(YamuxFrame.DATA, YamuxFrame.SYN, 2, w - 10, w - 10)); // unread
    assertThat(ch.isOpen()).isTrue();
    ch.writeInbound(frame(YamuxFrame.DATA, 0, 2, 11, 11));
    assertThat(ch.isOpen()).isFalse();
    assertThat(outbound(ch)).contains(new YamuxFrame(YamuxFrame.GO_AWAY, 0, 0, 1));
    ch.finishAndReleaseAll();
  }

  @Test
  void goAwayStopsNewStreamsAndAnErrorGoAwayClosesTheSession() throws Exception {
    EmbeddedChannel ch = channel();
    YamuxHandler h = ch.pipeline().get(YamuxHandler.class);
    CompletableFuture<MuxedStream> before = h.openStream();
    ch.runPendingTasks();
    assertThat(before).isCompleted();
    ch.writeInbound(frame(YamuxFrame.GO_AWAY, 0, 0, 0, 0));
    CompletableFuture<MuxedStream> after = h.openStream();
    ch.runPendingTasks();
    assertThat(after).isCompletedExceptionally();
    assertThat(ch.isOpen()).isTrue();
    ch.writeInbound(frame(YamuxFrame.GO_AWAY, 0, 0, 2, 0)); // internal error
    assertThat(ch.isOpen()).isFalse();
    ch.finishAndReleaseAll();
  }
}
