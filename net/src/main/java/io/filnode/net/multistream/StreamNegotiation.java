package io.filnode.net.multistream;

import io.filnode.net.host.Stream;
import io.filnode.net.host.StreamException;
import io.filnode.net.wire.DecodeException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * multistream-select on a muxed stream, built on the stream's length-prefixed reads and writes (a
 * multistream line is exactly such a message). Bytes that follow the agreement stay in the stream.
 */
public final class StreamNegotiation {
  private StreamNegotiation() {}

  private static byte[] line(String s) {
    return (s + "\n").getBytes(StandardCharsets.UTF_8);
  }

  private static CompletableFuture<String> readLine(Stream s) {
    return s.readMessage(Multistream.MAX_LINE)
        .thenApply(
            b -> {
              if (b == null) {
                throw new CompletionException(
                    new StreamException("stream closed during protocol negotiation"));
              }
              try {
                return Multistream.parseLine(b);
              } catch (DecodeException e) {
                throw new CompletionException(e);
              }
            });
  }

  /** Initiator: proposes {@code protocols} in order; completes with the agreed one. */
  public static CompletableFuture<String> select(Stream s, List<String> protocols) {
    if (protocols.isEmpty()) {
      return CompletableFuture.failedFuture(new IllegalArgumentException("no protocols"));
    }
    s.writeMessage(line(Multistream.PROTOCOL_ID));
    s.writeMessage(line(protocols.get(0)));
    return readLine(s)
        .thenCompose(
            header -> {
              if (!Multistream.PROTOCOL_ID.equals(header)) {
                throw new CompletionException(
                    new DecodeException("peer does not speak " + Multistream.PROTOCOL_ID));
              }
              return awaitAnswer(s, protocols, 0);
            });
  }

  private static CompletableFuture<String> awaitAnswer(Stream s, List<String> protocols, int i) {
    return readLine(s)
        .thenCompose(
            answer -> {
              if (answer.equals(protocols.get(i))) {
                return CompletableFuture.completedFuture(answer);
              }
              if (!Multistream.NA.equals(answer)) {
                throw new CompletionException(
                    new DecodeException("unexpected multistream answer '" + answer + "'"));
              }
              if (i + 1 >= protocols.size()) {
                throw new CompletionException(
                    new StreamException("peer supports none of " + protocols));
              }
              s.writeMessage(line(protocols.get(i + 1)));
              return awaitAnswer(s, protocols, i + 1);
            });
  }

  /**
   * Responder: answers proposals until one is {@code supported}; {@code all} lists the protocols
   * for {@code ls}.
   */
  public static CompletableFuture<String> handle(
      Stream s, Predicate<String> supported, Supplier<List<String>> all) {
    s.writeMessage(line(Multistream.PROTOCOL_ID));
    return readLine(s)
        .thenCompose(
            header -> {
              if (!Multistream.PROTOCOL_ID.equals(header)) {
                throw new CompletionException(
                    new DecodeException("peer does not speak " + Multistream.PROTOCOL_ID));
              }
              return awaitProposal(s, supported, all, 0);
            });
  }

  private static CompletableFuture<String> awaitProposal(
      Stream s, Predicate<String> supported, Supplier<List<String>> all, int attempts) {
    if (attempts >= Multistream.MAX_ATTEMPTS) {
      return CompletableFuture.failedFuture(new DecodeException("too many protocol proposals"));
    }
    return readLine(s)
        .thenCompose(
            p -> {
              if (Multistream.LS.equals(p)) {
                s.writeMessage(Multistream.lsResponse(all.get()));
              } else if (supported.test(p)) {
                s.writeMessage(line(p));
                return CompletableFuture.completedFuture(p);
              } else {
                s.writeMessage(line(Multistream.NA));
              }
              return awaitProposal(s, supported, all, attempts + 1);
            });
  }
}
