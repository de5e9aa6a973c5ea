package io.filnode.node.config;

/**
 * Where the JSON-RPC API listens, parsed from Lotus's multiaddr form ({@code
 * /ip4/127.0.0.1/tcp/1234/http}) or from {@code HOST:PORT} ({@code [::1]:1234} for IPv6).
 *
 * @param host the host or IP literal, without brackets
 * @param port the TCP port, 0 for any free one
 */
public record ListenAddress(String host, int port) {

  public ListenAddress {
    if (host == null || host.isEmpty()) {
      throw new IllegalArgumentException("empty host");
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
  }

  /** Parses either form; the message of the exception says what is wrong with {@code text}. */
  public static ListenAddress parse(String text) {
    return text.startsWith("/") ? parseMultiaddr(text) : parseHostPort(text);
  }

  private static ListenAddress parseMultiaddr(String text) {
    // /ip4|ip6|dns|dns4|dns6/HOST/tcp/PORT[/http]: the only shapes an HTTP listener can take
    String[] p = text.split("/", -1);
    boolean shape =
        (p.length == 5 || (p.length == 6 && p[5].equals("http")))
            && p[1].matches("ip4|ip6|dns|dns4|dns6")
            && p[3].equals("tcp");
    if (!shape) {
      throw new IllegalArgumentException(
          "'" + text + "': expected /ip4|ip6|dns/HOST/tcp/PORT[/http] or HOST:PORT");
    }
    return new ListenAddress(p[2], port(text, p[4]));
  }

  private static ListenAddress parseHostPort(String text) {
    int colon = text.lastIndexOf(':');
    if (colon <= 0) {
      throw new IllegalArgumentException("'" + text + "': expected HOST:PORT or a multiaddr");
    }
    String host = text.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    return new ListenAddress(host, port(text, text.substring(colon + 1)));
  }

  private static int port(String text, String port) {
    int n;
    try {
      n = Integer.parseInt(port);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + text + "': the port is not a number", e);
    }
    if (n < 0 || n > 65535) {
      throw new IllegalArgumentException("'" + text + "': port out of range");
    }
    return n;
  }

  /** Lotus's form: {@code /ip4|ip6|dns/HOST/tcp/PORT/http}. */
  public String toMultiaddr() {
    String proto = host.contains(":") ? "ip6" : host.matches("[0-9.]+") ? "ip4" : "dns";
    return "/" + proto + "/" + host + "/tcp/" + port + "/http";
  }
}
