package io.filnode.chain.hamt;

import java.util.Objects;

/**
 * The parameters a HAMT is built with. They are not stored in the HAMT: a reader must use the same
 * ones as the writer.
 *
 * @param bitWidth bits of the key hash consumed per level, 1–8 (Filecoin uses 5)
 * @param version the serialized form of pointers
 * @param hasher the key hash (SHA-256 for Filecoin)
 */
public record HamtOptions(int bitWidth, HamtVersion version, KeyHasher hasher) {
  /** The bit width of every Filecoin HAMT unless an actor says otherwise. */
  public static final int DEFAULT_BIT_WIDTH = 5;

  public HamtOptions {
    if (bitWidth < 1 || bitWidth > 8) {
      throw new IllegalArgumentException("HAMT bit width must be 1–8, got " + bitWidth);
    }
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(hasher, "hasher");
  }

  /** go-hamt-ipld v2 form with SHA-256 keys. */
  public static HamtOptions v2(int bitWidth) {
    return new HamtOptions(bitWidth, HamtVersion.V2, KeyHasher.SHA256);
  }

  /** go-hamt-ipld v3 form with SHA-256 keys. */
  public static HamtOptions v3(int bitWidth) {
    return new HamtOptions(bitWidth, HamtVersion.V3, KeyHasher.SHA256);
  }

  /** The same options with another key hash (tests use identity hashes to force collisions). */
  public HamtOptions withHasher(KeyHasher other) {
    return new HamtOptions(bitWidth, version, other);
  }
}
