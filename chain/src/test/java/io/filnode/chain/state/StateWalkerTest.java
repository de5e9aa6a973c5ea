package io.filnode.chain.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.filnode.chain.address.Address;
import io.filnode.chain.blockstore.IpldStore;
import io.filnode.chain.blockstore.MemoryBlockstore;
import io.filnode.chain.car.CarImporter;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.hamt.Hamt;
import io.filnode.chain.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every conformance vector's CAR loads and its pre-state walks completely: the generic walk of
 * {@link StateWalker}, plus typed walks of the HAMTs whose specs-actors v2 layouts we know.
 */
class StateWalkerTest {
  /**
   * specs-actors v2 state fields that hold a HAMT, by kind (field index in the state tuple). The
   * AMTs (market proposals and states, miner sectors…) wait for the AMT; the generic walk covers
   * their blocks meanwhile.
   */
  private static final Map<ActorKind, int[]> V2_HAMT_FIELDS =
      Map.of(
          ActorKind.INIT, new int[] {0}, // AddressMap
          ActorKind.STORAGE_POWER, new int[] {11, 13}, // CronEventQueue, Claims
          ActorKind.STORAGE_MARKET,
              new int[] {2, 3, 4, 6}, // PendingProposals, Escrow, Locked, DealOps
          ActorKind.MULTISIG, new int[] {6}, // PendingTxns
          ActorKind.VERIFIED_REGISTRY, new int[] {1, 2}); // Verifiers, VerifiedClients

  @Test
  void everyVectorPreStateWalksCompletely() throws Exception {
    Path dir = SharedData.require("vectors/conformance");
    List<Path> files;
    try (Stream<Path> s = Files.walk(dir)) {
      files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    assertThat(files).hasSize(107);
    ObjectMapper json = new ObjectMapper();
    Map<ActorKind, Integer> typedHamts = new TreeMap<>();
    long actors = 0;
    long blocks = 0;
    for (Path f : files) {
      JsonNode v = json.readTree(f.toFile());
      byte[] car = Base64.getDecoder().decode(v.get("car").asText());
      MemoryBlockstore bs = new MemoryBlockstore();
      CarImporter.importCar(CarImporter.Source.of(car), bs, null);
      IpldStore store = new IpldStore(bs);
      Cid root = Cid.parse(v.at("/preconditions/state_tree/root_cid/~1").asText());
      StateWalker.Report report = StateWalker.walk(store, root);
      assertThat(report.actors()).as(f.toString()).isPositive();
      actors += report.actors();
      blocks += report.blocks();
      walkTypedHamts(store, root, typedHamts);
    }
    System.out.printf(
        "%d vectors: %d actors, %d state blocks walked; typed HAMTs walked: %s%n",
        files.size(), actors, blocks, typedHamts);
    assertThat(typedHamts).containsKeys(ActorKind.INIT, ActorKind.STORAGE_POWER);
  }

  private static void walkTypedHamts(IpldStore store, Cid root, Map<ActorKind, Integer> counts)
      throws CborException {
    StateTree tree = StateTree.load(store, root);
    List<Object[]> todo = new ArrayList<>();
    tree.forEach((id, a) -> todo.add(new Object[] {id, a}));
    for (Object[] t : todo) {
      Actor a = (Actor) t[1];
      BuiltinActors.Code code = BuiltinActors.lookup(a.code()).orElse(null);
      if (code == null || code.actorsVersion() != 2 || !V2_HAMT_FIELDS.containsKey(code.kind())) {
        continue;
      }
      List<Cid> fieldCids = new ArrayList<>();
      byte[] head = store.blockstore().get(a.head());
      CborReader r = new CborReader(head);
      int n = r.readArrayHeader();
      int[] wanted = V2_HAMT_FIELDS.get(code.kind());
      for (int i = 0; i < n; i++) {
        final int idx = i;
        if (java.util.Arrays.stream(wanted).anyMatch(w -> w == idx)) {
          fieldCids.add(r.readCid());
        } else {
          r.skipValue();
        }
      }
      for (Cid c : fieldCids) {
        Hamt h = Hamt.load(store, c, BuiltinActors.hamtOptions(2));
        h.forEach(
            (k, val) ->
                CborReader.decodeWhole(
                    val,
                    "HAMT value",
                    rr -> {
                      rr.skipValue();
                      return null;
                    }));
        counts.merge(code.kind(), 1, Integer::sum);
      }
      if (code.kind() == ActorKind.INIT) {
        // every address in the map resolves, through the tree, to an ID
        InitActorState st = store.get(a.head(), "init state", InitActorState::decode);
        Hamt.load(store, st.addressMap(), BuiltinActors.hamtOptions(2))
            .forEach((k, val) -> assertThat(tree.lookupId(Address.fromBytes(k))).isPresent());
      }
    }
  }

  @Test
  void aMissingBlockIsNamed() throws Exception {
    Path f = SharedData.require("vectors/conformance/multisig/basic--ok-create--actorsv2.json");
    JsonNode v = readJson(f);
    MemoryBlockstore bs = new MemoryBlockstore();
    CarImporter.importCar(
        CarImporter.Source.of(Base64.getDecoder().decode(v.get("car").asText())), bs, null);
    IpldStore store = new IpldStore(bs);
    Cid root = Cid.parse(v.at("/preconditions/state_tree/root_cid/~1").asText());
    Actor init = StateTree.load(store, root).getActor(StateTree.INIT_ADDRESS);
    Cid map = store.get(init.head(), "init", InitActorState::decode).addressMap();
    bs.delete(map);
    assertThatThrownBy(() -> StateWalker.walk(store, root))
        .isInstanceOf(CborException.class)
        .hasMessageContaining(map.toString())
        .hasMessageContaining("actor f01");
  }

  private static JsonNode readJson(Path f) throws IOException {
    return new ObjectMapper().readTree(f.toFile());
  }
}
