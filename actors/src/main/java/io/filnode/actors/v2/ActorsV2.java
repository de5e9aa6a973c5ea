package io.filnode.actors.v2;

import io.filnode.actors.runtime.ActorCode;
import io.filnode.actors.v2.multisig.MultisigActor;
import io.filnode.actors.v2.paych.PaychActor;
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
    actors.put(BuiltinActors.codeCid(ActorKind.MULTISIG, 2), new MultisigActor());
    actors.put(BuiltinActors.codeCid(ActorKind.PAYMENT_CHANNEL, 2), new PaychActor());
    return actors;
  }
}
