package io.filnode.node.miner;

import io.filnode.chain.address.Address;
import io.filnode.chain.blockstore.IpldStore;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.state.Actor;
import io.filnode.chain.state.ActorKind;
import io.filnode.chain.state.BuiltinActors;
import io.filnode.chain.state.StateTree;
import java.util.Optional;

/**
 * Loads a built-in actor's state from a state root for block production, which reads actors v2 only
 * (the devnet runs network version 9); another version is refused rather than misread.
 */
final class ActorStates {
  static final int ACTORS_VERSION = 2;

  private ActorStates() {}

  /** The state of the {@code kind} actor at {@code address} in {@code stateRoot}, if it exists. */
  static <T> Optional<T> load(
      IpldStore store,
      Cid stateRoot,
      Address address,
      ActorKind kind,
      CborReader.Decoder<T> decoder)
      throws MiningException {
    try {
      Actor actor = StateTree.load(store, stateRoot).getActor(address);
      if (actor == null) {
        return Optional.empty();
      }
      Optional<BuiltinActors.Code> code = BuiltinActors.lookup(actor.code());
      if (code.isEmpty()
          || code.get().kind() != kind
          || code.get().actorsVersion() != ACTORS_VERSION) {
        throw new MiningException(
            "actor "
                + address
                + " has code "
                + actor.code()
                + ", not the actors v"
                + ACTORS_VERSION
                + " "
                + kind.codeName()
                + " actor block production reads");
      }
      return Optional.of(store.get(actor.head(), kind.codeName() + " state", decoder));
    } catch (CborException e) {
      throw new MiningException(
          "reading the " + kind.codeName() + " actor " + address + " in state " + stateRoot, e);
    }
  }
}
