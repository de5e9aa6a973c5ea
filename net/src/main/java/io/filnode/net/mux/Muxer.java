package io.filnode.net.mux;

import java.util.concurrent.CompletableFuture;

/** A stream multiplexer on a secured channel (yamux or mplex). */
public interface Muxer {
  /** Opens an outbound stream (not yet negotiated). */
  CompletableFuture<MuxedStream> openStream();

  /** The protocol id, e.g. {@code /yamux/1.0.0}. */
  String protocolId();
}
