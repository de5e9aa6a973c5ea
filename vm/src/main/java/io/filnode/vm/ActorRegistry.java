package io.filnode.vm;

import io.filnode.actors.runtime.ActorCode;
import io.filnode.actors.v2.ActorsV2;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.state.ActorKind;
import io.filnode.chain.state.BuiltinActors;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The actors the VM can run, by code CID, Lotus's {@code ActorRegistry}: each entry carries the
 * actors version it belongs to (checked against the network version, as Lotus's {@code
 * ActorsVersionPredicate}) or none (the chaos actor, which Lotus registers without a predicate).
 */
public final class ActorRegistry {
  /** One registered actor. {@code actorsVersion} is -1 for an actor allowed at every version. */
  public record Entry(ActorCode code, int actorsVersion, boolean singleton) {}

  private static final Set<ActorKind> SINGLETONS =
      EnumSet.of(
          ActorKind.SYSTEM,
          ActorKind.INIT,
          ActorKind.CRON,
          ActorKind.STORAGE_POWER,
          ActorKind.STORAGE_MARKET,
          ActorKind.REWARD,
          ActorKind.VERIFIED_REGISTRY);

  private final Map<Cid, Entry> actors = new HashMap<>();

  private ActorRegistry() {}

  /** The specs-actors v2 actors of {@link ActorsV2#all()}. */
  public static ActorRegistry builtin() {
    ActorRegistry r = new ActorRegistry();
    for (Map.Entry<Cid, ActorCode> e : ActorsV2.all().entrySet()) {
      ActorKind kind =
          BuiltinActors.lookup(e.getKey())
              .orElseThrow(() -> new IllegalStateException("unknown code " + e.getKey()))
              .kind();
      r.actors.put(e.getKey(), new Entry(e.getValue(), 2, SINGLETONS.contains(kind)));
    }
    return r;
  }

  /** Adds the test-only chaos actor (code {@code fil/1/chaos}), as Lotus's conformance driver. */
  public ActorRegistry withChaos(ActorCode chaos) {
    return register(BuiltinActors.codeCid(ActorKind.CHAOS, 0), chaos, -1, false);
  }

  /**
   * Registers {@code actor} under {@code code} for actors version {@code actorsVersion} (-1: any),
   * replacing what was there.
   */
  public ActorRegistry register(Cid code, ActorCode actor, int actorsVersion, boolean singleton) {
    actors.put(code, new Entry(actor, actorsVersion, singleton));
    return this;
  }

  /** The entry for {@code code}, or null. */
  public Entry get(Cid code) {
    return actors.get(code);
  }

  /**
   * The actors version Lotus's {@code actors.VersionForNetwork} gives network version {@code nv}.
   */
  public static int actorsVersionFor(int nv) {
    if (nv <= 3) {
      return 0;
    }
    if (nv <= 9) {
      return 2;
    }
    if (nv <= 11) {
      return 3;
    }
    return nv == 12 ? 4 : 5;
  }

  /** Whether {@code e} may run at network version {@code nv}. */
  public static boolean allowed(Entry e, int nv) {
    return e.actorsVersion() < 0 || e.actorsVersion() == actorsVersionFor(nv);
  }
}
