package io.filnode.vm.stmgr;

import io.filnode.actors.runtime.DomainSeparationTag;
import io.filnode.chain.crypto.Blake2b;
import java.nio.ByteBuffer;

/**
 * Lotus's {@code store.DrawRandomness}: BLAKE2b-256 over the domain-separation tag (int64, big
 * endian), the BLAKE2b-256 of the randomness base, the round (int64, big endian) and the entropy.
 * Tickets, election proofs and all actor randomness are drawn this way.
 */
public final class DrawRandomness {
  private DrawRandomness() {}

  /** Draws 32 bytes of randomness from {@code base} for {@code tag} at {@code round}. */
  public static byte[] draw(byte[] base, DomainSeparationTag tag, long round, byte[] entropy) {
    return draw(base, tag.value(), round, entropy);
  }

  /**
   * As {@link #draw(byte[], DomainSeparationTag, long, byte[])}, with the tag's number. A null
   * {@code entropy} is none, as Go's nil (the miner actor draws its PoSt chain commit so).
   */
  public static byte[] draw(byte[] base, long tag, long round, byte[] entropy) {
    if (entropy == null) {
      entropy = new byte[0];
    }
    byte[] digest = Blake2b.sum256(base);
    ByteBuffer buf = ByteBuffer.allocate(8 + digest.length + 8 + entropy.length);
    buf.putLong(tag).put(digest).putLong(round).put(entropy);
    return Blake2b.sum256(buf.array());
  }
}
