package io.filnode.net.kad;

import io.filnode.net.identity.PeerId;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A Kademlia routing table: k-buckets indexed by the length of the prefix shared with our own key,
 * where keys are SHA-256 of peer ID bytes and distance is their XOR. A full bucket keeps its peers
 * (they are proven) and turns newcomers away; peers leave when queries to them fail. Thread-safe.
 */
public final class RoutingTable {
  private final PeerId self;
  private final byte[] selfKey;
  private final int k;
  private final List<LinkedHashSet<PeerId>> buckets = new ArrayList<>();

  public RoutingTable(PeerId self, int k) {
    this.self = self;
    this.selfKey = key(self.bytes());
    this.k = k;
    for (int i = 0; i <= 256; i++) {
      buckets.add(new LinkedHashSet<>());
    }
  }

  /** The Kademlia key of arbitrary bytes: SHA-256. */
  public static byte[] key(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from the JDK", e);
    }
  }

  /** Leading bits two keys share. */
  static int commonPrefixLength(byte[] a, byte[] b) {
    for (int i = 0; i < a.length; i++) {
      int x = (a[i] ^ b[i]) & 0xFF;
      if (x != 0) {
        return i * 8 + Integer.numberOfLeadingZeros(x) - 24;
      }
    }
    return a.length * 8;
  }

  static byte[] xor(byte[] a, byte[] b) {
    byte[] out = new byte[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = (byte) (a[i] ^ b[i]);
    }
    return out;
  }

  /** Adds (or refreshes) {@code p}; false when its bucket is full or it is ourselves. */
  public synchronized boolean add(PeerId p) {
    if (p.equals(self)) {
      return false;
    }
    LinkedHashSet<PeerId> b = buckets.get(commonPrefixLength(selfKey, key(p.bytes())));
    if (b.remove(p)) {
      b.add(p); // most recently seen last
      return true;
    }
    if (b.size() >= k) {
      return false;
    }
    b.add(p);
    return true;
  }

  public synchronized void remove(PeerId p) {
    buckets.get(commonPrefixLength(selfKey, key(p.bytes()))).remove(p);
  }

  public synchronized boolean contains(PeerId p) {
    return buckets.get(commonPrefixLength(selfKey, key(p.bytes()))).contains(p);
  }

  public synchronized int size() {
    return buckets.stream().mapToInt(Set::size).sum();
  }

  public synchronized List<PeerId> peers() {
    List<PeerId> out = new ArrayList<>();
    buckets.forEach(out::addAll);
    return out;
  }

  /** Up to {@code n} peers closest to the Kademlia key {@code target}, nearest first. */
  public List<PeerId> closest(byte[] target, int n) {
    List<PeerId> all = peers();
    return sortByDistance(all, target).subList(0, Math.min(n, all.size()));
  }

  /** {@code peers} sorted by XOR distance of their keys to {@code target}. */
  public static List<PeerId> sortByDistance(List<PeerId> peers, byte[] target) {
    List<PeerId> out = new ArrayList<>(peers);
    out.sort(
        Comparator.comparing((PeerId p) -> xor(key(p.bytes()), target), Arrays::compareUnsigned));
    return out;
  }
}
