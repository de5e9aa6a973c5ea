package io.filnode.net.host;

/**
 * Serves one protocol on inbound streams. Called on the connection's event loop once the protocol
 * is agreed; it must not block (use the stream's futures, or hand off to an executor). The handler
 * owns the stream and closes or resets it when done.
 */
@FunctionalInterface
public interface StreamHandler {
  void handle(Stream stream);
}
