package io.filnode.net.multiaddr;

/** The multiaddr protocols filnode understands, with their multicodec codes and value sizes. */
public enum Protocol {
  IP4(4, "ip4", 4),
  TCP(6, "tcp", 2),
  IP6(41, "ip6", 16),
  DNS(53, "dns", -1),
  DNS4(54, "dns4", -1),
  DNS6(55, "dns6", -1),
  P2P(421, "p2p", -1);

  private final int code;
  private final String name;
  private final int size;

  Protocol(int code, String name, int size) {
    this.code = code;
    this.name = name;
    this.size = size;
  }

  public int code() {
    return code;
  }

  public String protocolName() {
    return name;
  }

  /** Value size in bytes, or -1 when the value is length-prefixed. */
  public int size() {
    return size;
  }

  static Protocol byCode(long code) {
    for (Protocol p : values()) {
      if (p.code == code) {
        return p;
      }
    }
    return null;
  }

  static Protocol byName(String name) {
    for (Protocol p : values()) {
      if (p.name.equals(name)) {
        return p;
      }
    }
    // "ipfs" is the old name of p2p
    return "ipfs".equals(name) ? P2P : null;
  }
}
