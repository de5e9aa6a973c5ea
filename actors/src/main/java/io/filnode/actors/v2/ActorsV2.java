package io.filnode.actors.v2;

import io.filnode.actors.runtime.ActorCode;
import io.filnode.actors.v2.power.PowerActor;
import io.filnode.actors.v2.reward.RewardActor;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.state.ActorKind;
import io.filnode.chain.state.BuiltinActors;
import java.util.Map;
import java.util.TreeMap;

/**
 * The specs-actors v2 built-in actors by code CID: the one table the VM's registry reads. Each
 * actor adds its line here.
 */
public final class ActorsV2 {
  private ActorsV2() {}

  /** Every v2 actor, keyed by its code CID. */
  public static Map<Cid, ActorCode> all() {
    Map<Cid, ActorCode> actors = new TreeMap<>();
    actors.put(BuiltinActors.codeCid(ActorKind.REWARD, 2), new RewardActor());
    actors.put(BuiltinActors.codeCid(ActorKind.STORAGE_POWER, 2), new PowerActor());
    return actors;
  }
}
