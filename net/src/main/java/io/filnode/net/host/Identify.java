package io.filnode.net.host;

import io.filnode.net.wire.DecodeException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * identify ({@code /ipfs/id/1.0.0}): the responder writes one length-prefixed {@link IdentifyInfo}
 * and closes; {@code /ipfs/id/push/1.0.0} carries the same message the other way.
 */
final class Identify {
  static final String PROTOCOL = "/ipfs/id/1.0.0";
  static final String PUSH = "/ipfs/id/push/1.0.0";
  static final String PROTOCOL_VERSION = "ipfs/0.1.0";

  private Identify() {}

  static void register(Host host) {
    host.setStreamHandler(
        PROTOCOL,
        s -> {
          Connection c = s.connection();
          IdentifyInfo info =
              new IdentifyInfo(
                  PROTOCOL_VERSION,
                  host.config().agentVersion(),
                  host.config().key().publicKey(),
                  host.listenAddrs(),
                  c.remoteAddr(),
                  host.protocols());
          s.writeMessage(info.encode()).whenComplete((v, e) -> s.close());
        });
    host.setStreamHandler(
        PUSH,
        s ->
            s.readMessage(IdentifyInfo.MAX_BYTES)
                .whenComplete(
                    (b, e) -> {
                      s.close();
                      if (b != null && s.connection() instanceof ConnectionImpl c) {
                        try {
                          c.identifyPushed(IdentifyInfo.decode(b));
                        } catch (DecodeException ex) {
                          s.reset(); // a malformed push changes nothing
                        }
                      }
                    }));
  }

  static CompletableFuture<IdentifyInfo> request(Connection c) {
    return c.newStream(List.of(PROTOCOL))
        .thenCompose(
            s ->
                s.readMessage(IdentifyInfo.MAX_BYTES)
                    .thenApply(
                        b -> {
                          s.close();
                          try {
                            if (b == null) {
                              throw new DecodeException("identify stream closed without a message");
                            }
                            IdentifyInfo info = IdentifyInfo.decode(b);
                            if (info.publicKey() != null
                                && !info.publicKey().peerId().equals(c.remotePeer())) {
                              throw new DecodeException("identify key does not match the peer");
                            }
                            return info;
                          } catch (DecodeException e) {
                            throw new CompletionException(e);
                          }
                        }));
  }
}
