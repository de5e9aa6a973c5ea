package io.filnode.net.mux;

/** What a muxer tells its owner: a stream the remote opened. */
public interface StreamFactory {
  void inbound(MuxedStream stream);
}
