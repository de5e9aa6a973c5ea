package io.filnode.node.wallet;

import io.filnode.chain.address.Address;
import io.filnode.chain.crypto.Bls;
import io.filnode.chain.crypto.CryptoException;
import io.filnode.chain.crypto.Secp256k1;
import io.filnode.chain.crypto.Signer;
import io.filnode.chain.types.Signature;
import io.filnode.chain.types.SignatureType;
import io.filnode.node.keystore.FsKeyStore;
import io.filnode.node.keystore.KeyInfo;
import io.filnode.node.keystore.KeyStoreException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The node's local wallet, as Lotus's {@code LocalWallet}: a key per address stored under {@code
 * wallet-<address>}, the default key copied under {@code default}, deleted keys moved to {@code
 * trash-<address>}. Addresses here are key addresses (f1/f3); resolving ID addresses is the
 * caller's job.
 */
public final class Wallet {
  static final String NAME_PREFIX = "wallet-";
  static final String TRASH_PREFIX = "trash-";
  static final String DEFAULT = "default";

  private final FsKeyStore keys;
  private final SecureRandom random;

  public Wallet(FsKeyStore keys, SecureRandom random) {
    this.keys = keys;
    this.random = random;
  }

  /** Makes a new key; it becomes the default when there is none. */
  public synchronized Address newKey(SignatureType type) throws WalletException {
    byte[] sk =
        switch (type) {
          case SECP256K1 -> Secp256k1.generatePrivateKey(random);
          case BLS -> Bls.generatePrivateKey(random);
        };
    return importKey(new KeyInfo(type, sk));
  }

  /** Stores a key; it becomes the default when there is none. */
  public synchronized Address importKey(KeyInfo key) throws WalletException {
    Address addr = address(key);
    try {
      keys.put(NAME_PREFIX + addr, key);
      if (!keys.has(DEFAULT)) {
        keys.put(DEFAULT, key);
      }
    } catch (KeyStoreException e) {
      throw new WalletException("saving key " + addr + ": " + e.getMessage(), e);
    }
    return addr;
  }

  /** Whether the wallet holds the key of {@code addr}. */
  public boolean has(Address addr) {
    return keys.has(NAME_PREFIX + addr);
  }

  /** The wallet's addresses, sorted by their string form as Lotus sorts them. */
  public List<Address> list() throws WalletException {
    List<Address> out = new ArrayList<>();
    try {
      for (String name : keys.list()) {
        if (name.startsWith(NAME_PREFIX)) {
          out.add(Address.parse(name.substring(NAME_PREFIX.length())));
        }
      }
    } catch (KeyStoreException | IllegalArgumentException e) {
      throw new WalletException("listing keys: " + e.getMessage(), e);
    }
    out.sort(Comparator.comparing(Address::toString));
    return out;
  }

  /** The key of {@code addr}. */
  public KeyInfo export(Address addr) throws WalletException {
    if (!has(addr)) {
      throw new WalletException("key not found for " + addr);
    }
    try {
      return keys.get(NAME_PREFIX + addr);
    } catch (KeyStoreException e) {
      throw new WalletException("reading key " + addr + ": " + e.getMessage(), e);
    }
  }

  /** Signs {@code data} with the key of {@code addr}. */
  public Signature sign(Address addr, byte[] data) throws WalletException {
    KeyInfo k = export(addr);
    try {
      return Signer.sign(k.type(), k.privateKey(), data);
    } catch (CryptoException e) {
      throw new WalletException("signing with " + addr + ": " + e.getMessage(), e);
    }
  }

  /** The default address, if one is set. */
  public Optional<Address> defaultAddress() throws WalletException {
    if (!keys.has(DEFAULT)) {
      return Optional.empty();
    }
    try {
      return Optional.of(address(keys.get(DEFAULT)));
    } catch (KeyStoreException e) {
      throw new WalletException("reading the default key: " + e.getMessage(), e);
    }
  }

  /** Makes {@code addr} the default. */
  public synchronized void setDefault(Address addr) throws WalletException {
    KeyInfo k = export(addr);
    try {
      if (keys.has(DEFAULT)) {
        keys.delete(DEFAULT);
      }
      keys.put(DEFAULT, k);
    } catch (KeyStoreException e) {
      throw new WalletException("setting the default key: " + e.getMessage(), e);
    }
  }

  /** Moves the key of {@code addr} to the trash, and unsets it as the default if it was. */
  public synchronized void delete(Address addr) throws WalletException {
    KeyInfo k = export(addr);
    Optional<Address> def = defaultAddress();
    try {
      // the keystore keeps earlier deletions of the same key as trash-…-1, -2, … (as Lotus)
      keys.put(TRASH_PREFIX + addr, k);
      keys.delete(NAME_PREFIX + addr);
      if (def.isPresent() && def.get().equals(addr)) {
        keys.delete(DEFAULT);
      }
    } catch (KeyStoreException e) {
      throw new WalletException("deleting key " + addr + ": " + e.getMessage(), e);
    }
  }

  private static Address address(KeyInfo key) throws WalletException {
    try {
      return Signer.address(key.type(), key.privateKey());
    } catch (CryptoException e) {
      throw new WalletException("invalid private key: " + e.getMessage(), e);
    }
  }
}
