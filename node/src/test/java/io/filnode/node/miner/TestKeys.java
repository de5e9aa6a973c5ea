package io.filnode.node.miner;

import io.filnode.chain.address.Address;
import io.filnode.chain.crypto.CryptoException;
import io.filnode.chain.crypto.Signer;
import io.filnode.chain.types.Signature;
import io.filnode.chain.types.SignatureType;
import java.util.HashMap;
import java.util.Map;

/** Fixed test keys and a signer over them (the wallet's role in the node). */
final class TestKeys implements BlockSigner {
  private final Map<Address, byte[]> keys = new HashMap<>();
  private final Map<Address, SignatureType> types = new HashMap<>();

  /** A valid private key (little endian, below the BLS group order) from a seed byte. */
  static byte[] privateKey(int seed) {
    byte[] k = new byte[32];
    for (int i = 0; i < 31; i++) {
      k[i] = (byte) (seed * 31 + i + 1);
    }
    k[31] = 0x10;
    return k;
  }

  Address add(SignatureType type, int seed) {
    byte[] key = privateKey(seed);
    try {
      Address a = Signer.address(type, key);
      keys.put(a, key);
      types.put(a, type);
      return a;
    } catch (CryptoException e) {
      throw new IllegalStateException(e);
    }
  }

  byte[] key(Address a) {
    return keys.get(a).clone();
  }

  @Override
  public Signature sign(Address worker, byte[] data) throws Exception {
    byte[] key = keys.get(worker);
    if (key == null) {
      throw new IllegalArgumentException("no key for " + worker);
    }
    return Signer.sign(types.get(worker), key, data);
  }
}
