package io.filnode.actors.v2;

import io.filnode.actors.runtime.ActorCode;
import io.filnode.actors.v2.account.AccountActor;
import io.filnode.actors.v2.cron.CronActor;
import io.filnode.actors.v2.init.InitActor;
import io.filnode.actors.v2.multisig.MultisigActor;
import io.filnode.actors.v2.paych.PaychActor;
import io.filnode.actors.v2.power.PowerActor;
import io.filnode.actors.v2.reward.RewardActor;
import io.filnode.actors.v2.system.SystemActor;
import io.filnode.actors.v2.verifreg.VerifiedRegistryActor;
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
    actors.put(BuiltinActors.codeCid(ActorKind.SYSTEM, 2), new SystemActor());
    actors.put(BuiltinActors.codeCid(ActorKind.ACCOUNT, 2), new AccountActor());
    actors.put(BuiltinActors.codeCid(ActorKind.INIT, 2), new InitActor());
    actors.put(BuiltinActors.codeCid(ActorKind.CRON, 2), new CronActor());
    actors.put(BuiltinActors.codeCid(ActorKind.VERIFIED_REGISTRY, 2), new VerifiedRegistryActor());
    actors.put(BuiltinActors.codeCid(ActorKind.REWARD, 2), new RewardActor());
    actors.put(BuiltinActors.codeCid(ActorKind.STORAGE_POWER, 2), new PowerActor());
    actors.put(BuiltinActors.codeCid(ActorKind.MULTISIG, 2), new MultisigActor());
    actors.put(BuiltinActors.codeCid(ActorKind.PAYMENT_CHANNEL, 2), new PaychActor());
    return actors;
  }
}
