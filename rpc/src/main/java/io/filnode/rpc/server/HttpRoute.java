package io.filnode.rpc.server;

/**
 * An extra HTTP GET endpoint (e.g. {@code /debug/metrics}), served without authentication as Lotus
 * serves its debug endpoints. Runs on a worker thread.
 */
@FunctionalInterface
public interface HttpRoute {
  /** The response to a GET. */
  Response get();

  /** A complete response. */
  record Response(int status, String contentType, byte[] body) {
    public Response {
      body = body.clone();
    }

    @Override
    public byte[] body() {
      return body.clone();
    }
  }
}
