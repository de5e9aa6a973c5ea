package io.filnode.chain.address;

/** The network prefix of an address string: {@code f} on mainnet, {@code t} on test networks. */
public enum Network {
  MAINNET('f'),
  TESTNET('t');

  private final char prefix;

  Network(char prefix) {
    this.prefix = prefix;
  }

  public char prefix() {
    return prefix;
  }
}
