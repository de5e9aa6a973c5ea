package io.filnode.chain.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.filnode.chain.address.Address;
import io.filnode.chain.blockstore.Block;
import io.filnode.chain.blockstore.IpldStore;
import io.filnode.chain.blockstore.MemoryBlockstore;
import io.filnode.chain.car.CarReader;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.hamt.Hamt;
import io.filnode.chain.testing.SharedData;
import io.filnode.chain.types.BlockHeader;
import io.filnode.chain.types.TokenAmount;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StateTreeTest {
  /** The mainnet genesis blocks and the state root of its header. */
  private static Cid loadGenesis(MemoryBlockstore bs) throws Exception {
    try (CarReader r = CarReader.open(SharedData.require("genesis/mainnet.car.zst"))) {
      for (Block b = r.next(); b != null; b = r.next()) {
        bs.put(b.cid(), b.data());
      }
      return BlockHeader.fromCbor(bs.get(r.header().roots().get(0))).parentStateRoot();
    }
  }

  @Test
  void mainnetGenesisActors() throws Exception {
    MemoryBlockstore bs = new MemoryBlockstore();
    IpldStore store = new IpldStore(bs);
    StateTree tree = StateTree.load(store, loadGenesis(bs));
    assertThat(tree.version()).isZero();

    Map<Address, Actor> actors = new LinkedHashMap<>();
    tree.forEach(actors::put);
    assertThat(actors).hasSize(37);

    TokenAmount total = TokenAmount.ZERO;
    Map<ActorKind, Integer> kinds = new EnumMap<>(ActorKind.class);
    for (Map.Entry<Address, Actor> e : actors.entrySet()) {
      Actor a = e.getValue();
      total = total.add(a.balance());
      BuiltinActors.Code code = BuiltinActors.lookup(a.code()).orElseThrow();
      assertThat(code.actorsVersion()).isZero();
      kinds.merge(code.kind(), 1, Integer::sum);
      assertThat(tree.getActor(e.getKey())).isEqualTo(a);
    }
    assertThat(total).isEqualTo(TokenAmount.ofFil(2_000_000_000L));
    assertThat(kinds)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                ActorKind.ACCOUNT, 17,
                ActorKind.MULTISIG, 10,
                ActorKind.STORAGE_MINER, 3,
                ActorKind.SYSTEM, 1,
                ActorKind.INIT, 1,
                ActorKind.REWARD, 1,
                ActorKind.CRON, 1,
                ActorKind.STORAGE_POWER, 1,
                ActorKind.STORAGE_MARKET, 1,
                ActorKind.VERIFIED_REGISTRY, 1));
  }

  @Test
  void genesisAccountKeysResolveToTheirIdsThroughTheInitActor() throws Exception {
    MemoryBlockstore bs = new MemoryBlockstore();
    IpldStore store = new IpldStore(bs);
    StateTree tree = StateTree.load(store, loadGenesis(bs));
    Map<Address, Actor> actors = new LinkedHashMap<>();
    tree.forEach(actors::put);
    int resolved = 0;
    for (Map.Entry<Address, Actor> e : actors.entrySet()) {
      if (BuiltinActors.lookup(e.getValue().code()).orElseThrow().kind() != ActorKind.ACCOUNT) {
        continue;
      }
      // account state: [Address]
      Address key =
          store.get(
              e.getValue().head(),
              "account state",
              r -> {
                r.readTupleHeader(1, "account state");
                return Address.decode(r);
              });
      if (key.isId()) {
        continue;
      }
      // some genesis accounts (e.g. the burnt-funds one) are not in the init actor's map
      Optional<Address> id = tree.lookupId(key);
      if (id.isPresent()) {
        assertThat(id).as(key.toString()).contains(e.getKey());
        assertThat(tree.getActor(key)).isEqualTo(e.getValue());
        resolved++;
      }
    }
    assertThat(resolved).isGreaterThan(10);
    // and every entry of the init actor's map resolves to an actor that exists
    Actor init = tree.getActor(StateTree.INIT_ADDRESS);
    InitActorState st = store.get(init.head(), "init actor state", InitActorState::decode);
    int[] entries = {0};
    Hamt.load(store, st.addressMap(), BuiltinActors.hamtOptions(0))
        .forEach(
            (k, v) -> {
              Address id = tree.lookupId(Address.fromBytes(k)).orElseThrow();
              assertThat(actors).containsKey(id);
              entries[0]++;
            });
    assertThat(entries[0]).isEqualTo(18);
    Address unknown = Address.newActor(new byte[] {1, 2, 3});
    assertThat(tree.lookupId(unknown)).isEmpty();
    assertThat(tree.getActor(unknown)).isNull();
    assertThat(tree.getActor(Address.newId(999_999))).isNull();
  }

  @Test
  void setGetDeleteAndFlushRoundTripInEveryVersion() throws Exception {
    for (int version = 0; version <= StateRoot.MAX_VERSION; version++) {
      MemoryBlockstore bs = new MemoryBlockstore();
      IpldStore store = new IpldStore(bs);
      StateTree tree = StateTree.create(store, version);
      Cid code = BuiltinActors.codeCid(ActorKind.ACCOUNT, StateRoot.actorsVersion(version));
      Cid head = Cid.ofDagCbor(new byte[] {(byte) 0x80});
      for (int i = 0; i < 200; i++) {
        tree.setActor(Address.newId(100 + i), new Actor(code, head, i, TokenAmount.ofAtto(i)));
      }
      assertThat(tree.deleteActor(Address.newId(150))).isTrue();
      assertThat(tree.deleteActor(Address.newId(150))).isFalse();
      Cid root = tree.flush();

      StateTree again = StateTree.load(store, root);
      assertThat(again.version()).isEqualTo(version);
      assertThat(again.getActor(Address.newId(150))).isNull();
      assertThat(again.getActor(Address.newId(299)))
          .isEqualTo(new Actor(code, head, 199, TokenAmount.ofAtto(199)));
      int[] count = {0};
      again.forEach((id, a) -> count[0]++);
      assertThat(count[0]).isEqualTo(199);
      if (version > 0) {
        StateRoot sr = StateRoot.fromBlock(root, bs.get(root));
        assertThat(sr.version()).isEqualTo(version);
      }
    }
    StateTree t = StateTree.create(new IpldStore(new MemoryBlockstore()), 1);
    Actor a =
        new Actor(
            BuiltinActors.codeCid(ActorKind.ACCOUNT, 2),
            Cid.ofDagCbor(new byte[] {(byte) 0x80}),
            0,
            TokenAmount.ZERO);
    assertThatThrownBy(() -> t.setActor(Address.newActor(new byte[] {1}), a))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
