package io.filnode.node.cli;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.filnode.node.daemon.NodeRepo;
import io.filnode.rpc.RpcException;
import io.filnode.rpc.client.HttpRpcClient;
import io.filnode.rpc.client.WsRpcClient;
import io.filnode.rpc.json.LotusJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * How a client command reaches the daemon, as {@code lotus} does: the repo's {@code api} and {@code
 * token} files, or {@code --api} and {@code --token}. Mixed into every command that calls the API.
 */
final class ApiOptions {
  static final ObjectMapper JSON =
      LotusJson.objectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @Option(
      names = "--repo",
      paramLabel = "DIR",
      description = "the daemon's repo (default: ~/.filnode)")
  Path repo;

  @Option(
      names = "--api",
      paramLabel = "ADDR",
      description = "the API: a multiaddr (/ip4/127.0.0.1/tcp/1234/http), HOST:PORT or a URL")
  String api;

  @Option(names = "--token", paramLabel = "JWT", description = "the API token")
  String token;

  /** A client of the daemon's v1 API. */
  HttpRpcClient connect() throws IOException {
    return connect(Duration.ofMinutes(5));
  }

  /** A client of the daemon's v1 API whose calls give up after {@code timeout}. */
  HttpRpcClient connect(Duration timeout) throws IOException {
    return HttpRpcClient.connect(endpoint(address()), token(), LotusJson.objectMapper(), timeout);
  }

  /** A WebSocket client of the daemon's v1 API, for channel methods (ChainExport, …). */
  WsRpcClient connectWebSocket() throws IOException {
    URI http = endpoint(address());
    URI ws = URI.create(http.toString().replaceFirst("^http", "ws"));
    return WsRpcClient.connect(ws, token(), LotusJson.objectMapper(), Duration.ofMinutes(5));
  }

  private String address() throws IOException {
    if (api != null) {
      return api;
    }
    NodeRepo r = NodeRepo.at(repo);
    if (!Files.exists(r.apiFile())) {
      throw new IllegalArgumentException(
          "no API address: " + r.apiFile() + " is missing (is the daemon running?); pass --api");
    }
    return r.readApi();
  }

  private String token() throws IOException {
    NodeRepo r = NodeRepo.at(repo);
    return token == null && Files.exists(r.tokenFile()) ? r.readToken() : token;
  }

  /** The v1 URL of an API address written as a multiaddr, HOST:PORT or a URL. */
  static URI endpoint(String addr) {
    if (addr.startsWith("http://") || addr.startsWith("https://")) {
      return URI.create(addr.contains("/rpc/") ? addr : addr.replaceAll("/+$", "") + "/rpc/v1");
    }
    if (addr.startsWith("/")) {
      String[] p = addr.split("/");
      // /ip4|ip6|dns/HOST/tcp/PORT[/http]
      if (p.length < 5 || !p[3].equals("tcp")) {
        throw new IllegalArgumentException("unsupported API multiaddr " + addr);
      }
      String host = p[1].equals("ip6") ? "[" + p[2] + "]" : p[2];
      return URI.create("http://" + host + ":" + p[4] + "/rpc/v1");
    }
    return URI.create("http://" + addr + "/rpc/v1");
  }

  /** Calls a method, turning the server's error into one line for the user. */
  static <T> T call(HttpRpcClient c, String method, Class<T> type, Object... params)
      throws IOException {
    try {
      return c.call(method, type, params);
    } catch (RpcException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  static <T> T call(HttpRpcClient c, String method, JavaType type, Object... params)
      throws IOException {
    try {
      return c.call(method, type, params);
    } catch (RpcException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  /** Prints a value as indented Lotus JSON. */
  static void printJson(PrintWriter out, Object value) throws IOException {
    out.println(JSON.writeValueAsString(value instanceof JsonNode n ? n : value));
  }
}
