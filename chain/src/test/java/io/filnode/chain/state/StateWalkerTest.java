package io.filnode.chain.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.filnode.chain.address.Address;
import io.filnode.chain.amt.Amt;
import io.filnode.chain.amt.AmtOptions;
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
  /** Whether a state field holds a HAMT or an AMT root. */
  private enum Structure {
    HAMT,
    AMT
  }

  /** A state field (index in the state tuple) holding a HAMT or an AMT. */
  private record Field(int index, Structure structure) {}

  /**
   * specs-actors v2 state fields that hold a HAMT or an AMT, by actor kind, from the v2 state
   * structs. Nested structures (power's cron queue AMTs, market's deal-ops sets, miner deadlines)
   * are covered by the generic walk only.
   */
  private static final Map<ActorKind, List<Field>> V2_FIELDS =
      Map.of(
          ActorKind.INIT,
          List.of(new Field(0, Structure.HAMT)), // AddressMap
          ActorKind.STORAGE_POWER,
          List.of(
              new Field(11, Structure.HAMT), new Field(13, Structure.HAMT)), // CronQueue, Claims
          ActorKind.STORAGE_MARKET,
          List.of(
              new Field(0, Structure.AMT), // Proposals
              new Field(1, Structure.AMT), // States
              new Field(2, Structure.HAMT), // PendingProposals
              new Field(3, Structure.HAMT), // EscrowTable
              new Field(4, Structure.HAMT), // LockedTable
              new Field(6, Structure.HAMT)), // DealOpsByEpoch
          ActorKind.MULTISIG,
          List.of(new Field(6, Structure.HAMT)), // PendingTxns
          ActorKind.VERIFIED_REGISTRY,
          List.of(new Field(1, Structure.HAMT), new Field(2, Structure.HAMT)), // Verifiers, Clients
          ActorKind.STORAGE_MINER,
          List.of(
              new Field(6, Structure.HAMT), // PreCommittedSectors
              new Field(7, Structure.AMT), // PreCommittedSectorsExpiry
              new Field(9, Structure.AMT))); // Sectors

  @Test
  void everyVectorPreStateWalksCompletely() throws Exception {
    Path dir = SharedData.require("vectors/conformance");
    List<Path> files;
    try (Stream<Path> s = Files.walk(dir)) {
      files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    assertThat(files).hasSize(107);
    ObjectMapper json = new ObjectMapper();
    Map<String, Integer> typed = new TreeMap<>();
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
      walkTyped(store, root, typed);
    }
    System.out.printf(
        "%d vectors: %d actors, %d state blocks walked; typed HAMT/AMT walks: %s%n",
        files.size(), actors, blocks, typed);
    assertThat(typed).containsKeys("INIT.HAMT", "STORAGE_POWER.HAMT", "STORAGE_MARKET.AMT");
  }

  private static void walkTyped(IpldStore store, Cid root, Map<String, Integer> counts)
      throws CborException {
    StateTree tree = StateTree.load(store, root);
    List<Object[]> todo = new ArrayList<>();
    tree.forEach((id, a) -> todo.add(new Object[] {id, a}));
    for (Object[] t : todo) {
      Actor a = (Actor) t[1];
      BuiltinActors.Code code = BuiltinActors.lookup(a.code()).orElse(null);
      if (code == null || code.actorsVersion() != 2 || !V2_FIELDS.containsKey(code.kind())) {
        continue;
      }
      byte[] head = store.blockstore().get(a.head());
      CborReader r = new CborReader(head);
      int n = r.readArrayHeader();
      Map<Integer, Cid> fieldCids = new TreeMap<>();
      for (int i = 0; i < n; i++) {
        final int idx = i;
        if (V2_FIELDS.get(code.kind()).stream().anyMatch(f -> f.index() == idx)) {
          fieldCids.put(i, r.readCid());
        } else {
          r.skipValue();
        }
      }
      for (Field f : V2_FIELDS.get(code.kind())) {
        Cid c = fieldCids.get(f.index());
        if (f.structure() == Structure.HAMT) {
          Hamt.load(store, c, BuiltinActors.hamtOptions(2)).forEach((k, val) -> canonical(val));
        } else {
          Amt.load(store, c, AmtOptions.v2()).forEach((i, val) -> canonical(val));
        }
        counts.merge(code.kind() + "." + f.structure(), 1, Integer::sum);
      }
      if (code.kind() == ActorKind.INIT) {
        // every address in the map resolves, through the tree, to an ID
        InitActorState st = store.get(a.head(), "init state", InitActorState::decode);
        Hamt.load(store, st.addressMap(), BuiltinActors.hamtOptions(2))
            .forEach((k, val) -> assertThat(tree.lookupId(Address.fromBytes(k))).isPresent());
      }
    }
  }

  private static void canonical(byte[] value) throws CborException {
    CborReader.decodeWhole(
        value,
        "value",
        r -> {
          r.skipValue();
          return null;
        });
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
