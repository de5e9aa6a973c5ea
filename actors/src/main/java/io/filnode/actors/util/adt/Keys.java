package io.filnode.actors.util.adt;

import io.filnode.chain.address.Address;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.cid.Varint;
import java.nio.charset.StandardCharsets;

/** HAMT keys as go-state-types {@code abi}: AddrKey, UIntKey, IntKey, CidKey, StringKey. */
public final class Keys {
  private Keys() {}

  /** abi.AddrKey: the address's byte form. */
  public static byte[] address(Address address) {
    return address.bytes();
  }

  /** abi.UIntKey: the unsigned varint of {@code value}. */
  public static byte[] uint(long value) {
    return Varint.encode(value);
  }

  /** abi.IntKey: Go's signed (zig-zag) varint of {@code value}. */
  public static byte[] signed(long value) {
    return Varint.encode((value << 1) ^ (value >> 63));
  }

  /** abi.CidKey: the CID's byte form. */
  public static byte[] cid(Cid cid) {
    return cid.bytes();
  }

  public static byte[] string(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
