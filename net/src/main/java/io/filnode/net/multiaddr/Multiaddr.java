package io.filnode.net.multiaddr;

import io.filnode.net.identity.PeerId;
import io.filnode.net.wire.DecodeException;
import io.filnode.net.wire.Varint;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A multiaddr (ip4, ip6, tcp, dns, dns4, dns6, p2p) as a list of components, convertible between
 * the text form {@code /ip4/127.0.0.1/tcp/4001/p2p/12D3…} and the binary form.
 */
public final class Multiaddr {
  /** Longest binary multiaddr accepted from the network. */
  public static final int MAX_BYTES = 1024;

  private static final int MAX_DNS_NAME = 255;

  /** One protocol and its binary value. */
  public record Component(Protocol protocol, byte[] value) {
    public Component {
      value = value.clone();
    }

    @Override
    public byte[] value() {
      return value.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Component c && protocol == c.protocol && Arrays.equals(value, c.value);
    }

    @Override
    public int hashCode() {
      return protocol.hashCode() * 31 + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
      return "/" + protocol.protocolName() + "/" + Multiaddr.valueText(protocol, value);
    }
  }

  private final List<Component> components;

  private Multiaddr(List<Component> components) {
    this.components = List.copyOf(components);
  }

  public static Multiaddr of(List<Component> components) {
    return new Multiaddr(components);
  }

  public List<Component> components() {
    return components;
  }

  /** Parses the text form. */
  public static Multiaddr fromString(String text) throws DecodeException {
    if (text.length() > 4 * MAX_BYTES || !text.startsWith("/")) {
      throw new DecodeException("a multiaddr starts with '/': " + shorten(text));
    }
    String[] parts = text.substring(1).split("/", -1);
    int n = parts.length;
    if (n > 0 && parts[n - 1].isEmpty()) {
      n--; // a trailing slash is tolerated
    }
    List<Component> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Protocol p = Protocol.byName(parts[i]);
      if (p == null) {
        throw new DecodeException("unknown multiaddr protocol '" + parts[i] + "'");
      }
      if (i + 1 >= n) {
        throw new DecodeException("multiaddr protocol " + parts[i] + " lacks a value");
      }
      out.add(new Component(p, parseValue(p, parts[++i])));
    }
    if (out.isEmpty()) {
      throw new DecodeException("empty multiaddr");
    }
    return new Multiaddr(out);
  }

  /** Parses the binary form. */
  public static Multiaddr fromBytes(byte[] bytes) throws DecodeException {
    if (bytes.length > MAX_BYTES) {
      throw new DecodeException("multiaddr longer than " + MAX_BYTES + " bytes");
    }
    int[] pos = {0};
    List<Component> out = new ArrayList<>();
    while (pos[0] < bytes.length) {
      long code = Varint.read(bytes, pos);
      Protocol p = Protocol.byCode(code);
      if (p == null) {
        throw new DecodeException("unknown multiaddr protocol code " + code);
      }
      long size = p.size() >= 0 ? p.size() : Varint.read(bytes, pos);
      if (size > bytes.length - pos[0]) {
        throw new DecodeException("truncated multiaddr " + p.protocolName() + " value");
      }
      byte[] value = Arrays.copyOfRange(bytes, pos[0], pos[0] + (int) size);
      pos[0] += (int) size;
      validate(p, value);
      out.add(new Component(p, value));
    }
    if (out.isEmpty()) {
      throw new DecodeException("empty multiaddr");
    }
    return new Multiaddr(out);
  }

  public byte[] bytes() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Component c : components) {
      out.writeBytes(Varint.encode(c.protocol().code()));
      byte[] v = c.value;
      if (c.protocol().size() < 0) {
        out.writeBytes(Varint.encode(v.length));
      }
      out.writeBytes(v);
    }
    return out.toByteArray();
  }

  /** This address followed by {@code other}'s components. */
  public Multiaddr concat(Multiaddr other) {
    List<Component> all = new ArrayList<>(components);
    all.addAll(other.components);
    return new Multiaddr(all);
  }

  /** This address with {@code /p2p/ID} appended. */
  public Multiaddr withPeerId(PeerId id) {
    List<Component> all = new ArrayList<>(components);
    all.add(new Component(Protocol.P2P, id.bytes()));
    return new Multiaddr(all);
  }

  /** The first value of {@code protocol}, or null. */
  public byte[] value(Protocol protocol) {
    for (Component c : components) {
      if (c.protocol() == protocol) {
        return c.value();
      }
    }
    return null;
  }

  /** The peer ID of a trailing {@code /p2p/ID}, or null. */
  public PeerId peerId() {
    Component last = components.get(components.size() - 1);
    if (last.protocol() != Protocol.P2P) {
      return null;
    }
    try {
      return PeerId.fromBytes(last.value);
    } catch (DecodeException e) {
      throw new IllegalStateException("p2p component validated at construction", e);
    }
  }

  /** This address without a trailing {@code /p2p/ID}. */
  public Multiaddr withoutPeerId() {
    if (components.get(components.size() - 1).protocol() != Protocol.P2P) {
      return this;
    }
    return new Multiaddr(components.subList(0, components.size() - 1));
  }

  /** The host text (IP literal or DNS name) and TCP port, or null when this is no TCP address. */
  public HostPort tcpHostPort() {
    if (components.size() < 2) {
      return null;
    }
    Component host = components.get(0);
    Component port = components.get(1);
    if (port.protocol() != Protocol.TCP || host.protocol() == Protocol.P2P) {
      return null;
    }
    return new HostPort(
        host.protocol(),
        valueText(host.protocol(), host.value),
        ((port.value[0] & 0xFF) << 8) | (port.value[1] & 0xFF));
  }

  /** A TCP endpoint named by a multiaddr. */
  public record HostPort(Protocol hostProtocol, String host, int port) {}

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    for (Component c : components) {
      sb.append(c);
    }
    return sb.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Multiaddr m && components.equals(m.components);
  }

  @Override
  public int hashCode() {
    return components.hashCode();
  }

  private static String shorten(String s) {
    return s.length() > 80 ? s.substring(0, 80) + "…" : s;
  }

  private static byte[] parseValue(Protocol p, String text) throws DecodeException {
    return switch (p) {
      case IP4 -> IpText.parseIp4(text);
      case IP6 -> IpText.parseIp6(text);
      case TCP -> {
        int port = parsePort(text);
        yield new byte[] {(byte) (port >> 8), (byte) port};
      }
      case DNS, DNS4, DNS6 -> {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        validate(p, b);
        yield b;
      }
      case P2P -> PeerId.fromString(text).bytes();
    };
  }

  private static int parsePort(String text) throws DecodeException {
    if (text.isEmpty() || text.length() > 5 || !text.chars().allMatch(Character::isDigit)) {
      throw new DecodeException("invalid TCP port '" + shorten(text) + "'");
    }
    int port = Integer.parseInt(text);
    if (port > 65535) {
      throw new DecodeException("TCP port " + port + " out of range");
    }
    return port;
  }

  private static void validate(Protocol p, byte[] value) throws DecodeException {
    switch (p) {
      case DNS, DNS4, DNS6 -> {
        if (value.length == 0 || value.length > MAX_DNS_NAME) {
          throw new DecodeException("DNS name must be 1..255 bytes");
        }
        for (byte b : value) {
          // letters, digits, '-', '.', '_' are what host names use; nothing else is taken
          boolean ok =
              (b >= 'a' && b <= 'z')
                  || (b >= 'A' && b <= 'Z')
                  || (b >= '0' && b <= '9')
                  || b == '-'
                  || b == '.'
                  || b == '_';
          if (!ok) {
            throw new DecodeException("invalid character in DNS name");
          }
        }
      }
      case P2P -> PeerId.fromBytes(value);
      case IP4, IP6, TCP -> {
        // fixed sizes, checked by the length
      }
    }
  }

  static String valueText(Protocol p, byte[] v) {
    return switch (p) {
      case IP4 -> IpText.formatIp4(v);
      case IP6 -> IpText.formatIp6(v);
      case TCP -> Integer.toString(((v[0] & 0xFF) << 8) | (v[1] & 0xFF));
      case DNS, DNS4, DNS6 -> new String(v, StandardCharsets.UTF_8);
      case P2P -> io.filnode.net.multiformats.Base58.encode(v);
    };
  }
}
