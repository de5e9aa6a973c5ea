package io.filnode.actors.v2.init;

import static org.assertj.core.api.Assertions.assertThat;

import io.filnode.actors.util.adt.AdtMap;
import io.filnode.chain.address.Address;
import io.filnode.chain.blockstore.IpldStore;
import io.filnode.chain.blockstore.MemoryBlockstore;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.state.BuiltinActors;
import io.filnode.chain.state.InitActorState;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class InitStateTest {
  private final IpldStore store = new IpldStore(new MemoryBlockstore());

  private InitState fresh() {
    Cid empty = AdtMap.create(store, BuiltinActors.hamtOptions(2)).flush();
    return InitState.construct(empty, "mock");
  }

  private static Address actorAddr(String seed) {
    return Address.newActor(seed.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void constructsOverTheEmptyHamtFromTheFirstNonSingletonId() {
    InitState st = fresh();
    // CID of the empty v2 HAMT node [h'', []], computed independently with Python's hashlib
    assertThat(st.addressMap())
        .isEqualTo(Cid.parse("bafy2bzaceamp42wmmgr2g2ymg46euououzfyck7szknvfacqscohrvaikwfay"));
    assertThat(st.nextId()).isEqualTo(100);
    assertThat(st.networkName()).isEqualTo("mock");
  }

  @Test
  void mapsAddressesToIncreasingIdsAndResolvesThem() {
    // init_test.go "happy path exec create 2 payment channels": 100 then 101
    InitState st = fresh();
    Address first = actorAddr("paych");
    Address second = actorAddr("paych2");
    assertThat(st.mapAddressToNewId(store, first)).isEqualTo(Address.newId(100));
    assertThat(st.mapAddressToNewId(store, second)).isEqualTo(Address.newId(101));
    assertThat(st.nextId()).isEqualTo(102);
    assertThat(st.resolveAddress(store, first)).contains(Address.newId(100));
    assertThat(st.resolveAddress(store, second)).contains(Address.newId(101));
  }

  @Test
  void unknownAddressesDoNotResolveAndIdAddressesPassThrough() {
    // init_test.go "happy path exec create storage miner": an unknown address is not found
    InitState st = fresh();
    st.mapAddressToNewId(store, actorAddr("miner"));
    assertThat(st.resolveAddress(store, actorAddr("flurbo"))).isEmpty();
    assertThat(st.resolveAddress(store, Address.newId(5000))).contains(Address.newId(5000));
  }

  @Test
  void storesIdsAsCborIntegersUnderTheAddressBytes() {
    InitState st = fresh();
    Address a = actorAddr("x");
    st.mapAddressToNewId(store, a);
    byte[] raw =
        AdtMap.load(store, st.addressMap(), BuiltinActors.hamtOptions(2)).getRaw(a.bytes());
    assertThat(raw).containsExactly(0x18, 100);
  }

  @Test
  void encodingIsTheOneTheStateTreeReads() throws CborException {
    InitState st = fresh();
    st.mapAddressToNewId(store, actorAddr("y"));
    InitActorState read = InitActorState.decode(new CborReader(st.toCbor()));
    assertThat(read).isEqualTo(new InitActorState(st.addressMap(), 101, "mock"));
    InitState back = InitState.decode(new CborReader(st.toCbor()));
    assertThat(back.toCbor()).isEqualTo(st.toCbor());
  }
}
