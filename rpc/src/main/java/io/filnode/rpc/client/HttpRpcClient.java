package io.filnode.rpc.client;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.filnode.rpc.RpcException;
import io.filnode.rpc.json.LotusJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** {@link RpcClient} over HTTP POST; one request per call, connections kept alive. */
public final class HttpRpcClient implements RpcClient {
  private final URI endpoint;
  private final String token;
  private final ClientCodec codec;
  private final Duration timeout;
  private final HttpClient http;
  private final AtomicLong nextId = new AtomicLong();

  private HttpRpcClient(URI endpoint, String token, ObjectMapper mapper, Duration timeout) {
    this.endpoint = endpoint;
    this.token = token;
    this.codec = new ClientCodec(mapper);
    this.timeout = timeout;
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
  }

  /** A client of {@code endpoint} ({@code http://host:port/rpc/v1}); {@code token} may be null. */
  public static HttpRpcClient connect(URI endpoint, String token) {
    return connect(endpoint, token, LotusJson.objectMapper(), Duration.ofSeconds(60));
  }

  public static HttpRpcClient connect(
      URI endpoint, String token, ObjectMapper mapper, Duration timeout) {
    return new HttpRpcClient(endpoint, token, mapper, timeout);
  }

  @Override
  public <T> T call(String method, JavaType type, Object... params)
      throws RpcException, IOException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(endpoint)
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofByteArray(
                    codec.request(nextId.incrementAndGet(), method, params)));
    if (token != null && !token.isEmpty()) {
      b.header("Authorization", "Bearer " + token);
    }
    HttpResponse<byte[]> r;
    try {
      r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted calling " + method, e);
    }
    if (r.statusCode() == 401) {
      throw new IOException("401 unauthorized calling " + method + ": the API token is not valid");
    }
    JsonNode body;
    try {
      body = codec.mapper().readTree(r.body());
    } catch (IOException e) {
      throw new IOException("HTTP " + r.statusCode() + " with a body that is not JSON-RPC", e);
    }
    if (body == null || body.isMissingNode()) {
      throw new IOException("HTTP " + r.statusCode() + " with no JSON-RPC response");
    }
    return codec.result(body, type);
  }

  @Override
  public void close() {
    // java.net.http.HttpClient has no close before Java 21; its connections idle out
  }
}
