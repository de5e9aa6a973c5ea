package io.filnode.chain.state;

import io.filnode.chain.cid.Cid;
import io.filnode.chain.cid.Multihash;
import io.filnode.chain.hamt.HamtOptions;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one table from a built-in actor's code CID to its kind and actors version. A code CID is the
 * raw-codec CID whose identity multihash holds the string {@code fil/<n>/<name>}, where {@code n}
 * is 1 for specs-actors v0 (genesis, network versions 0–3) and then 2, 3, 4 for specs-actors v2,
 * v3, v4. The chaos actor exists only as {@code fil/1/chaos} (Lotus's conformance driver).
 */
public final class BuiltinActors {
  /** The actors versions this node knows the code CIDs of. */
  public static final List<Integer> ACTORS_VERSIONS = List.of(0, 2, 3, 4);

  /** A code CID's meaning: its kind and the specs-actors version it belongs to. */
  public record Code(ActorKind kind, int actorsVersion) {}

  private static final Map<Cid, Code> BY_CID;

  static {
    Map<Cid, Code> m = new LinkedHashMap<>();
    for (int version : ACTORS_VERSIONS) {
      for (ActorKind kind : ActorKind.values()) {
        if (kind != ActorKind.CHAOS) {
          m.put(codeCid(kind, version), new Code(kind, version));
        }
      }
    }
    m.put(codeCid(ActorKind.CHAOS, 0), new Code(ActorKind.CHAOS, 0));
    BY_CID = Collections.unmodifiableMap(m);
  }

  private BuiltinActors() {}

  /** The code CID of {@code kind} in actors version {@code actorsVersion}. */
  public static Cid codeCid(ActorKind kind, int actorsVersion) {
    int n = actorsVersion == 0 ? 1 : actorsVersion;
    byte[] name = ("fil/" + n + "/" + kind.codeName()).getBytes(StandardCharsets.UTF_8);
    return Cid.v1(Cid.RAW, Multihash.IDENTITY, name);
  }

  /**
   * The HAMT parameters of actors version {@code actorsVersion}: go-hamt-ipld v2 form up to
   * specs-actors v2, v3 form from specs-actors v3; bit width 5 and SHA-256 keys throughout.
   */
  public static HamtOptions hamtOptions(int actorsVersion) {
    return actorsVersion < 3
        ? HamtOptions.v2(HamtOptions.DEFAULT_BIT_WIDTH)
        : HamtOptions.v3(HamtOptions.DEFAULT_BIT_WIDTH);
  }

  /** What {@code code} is, or empty for a code CID that is not a known built-in actor. */
  public static Optional<Code> lookup(Cid code) {
    return Optional.ofNullable(BY_CID.get(code));
  }

  /** Every known code CID with its meaning, in table order. */
  public static Map<Cid, Code> all() {
    return BY_CID;
  }
}
