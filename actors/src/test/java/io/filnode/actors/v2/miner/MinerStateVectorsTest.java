package io.filnode.actors.v2.miner;

import static org.assertj.core.api.Assertions.assertThat;

import io.filnode.actors.util.adt.AdtArray;
import io.filnode.actors.util.adt.AdtMap;
import io.filnode.chain.amt.AmtOptions;
import io.filnode.chain.blockstore.IpldStore;
import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.state.Actor;
import io.filnode.chain.state.ActorKind;
import io.filnode.chain.state.BuiltinActors;
import io.filnode.chain.state.StateTree;
import io.filnode.chain.testing.ConformanceVector;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every specs-actors v2 miner in the conformance vectors' pre-states decodes with these types and
 * encodes back to the same bytes: state, info, deadlines, partitions, expiration sets, sectors,
 * pre-commits and vesting table. A field out of order or of the wrong CBOR type breaks it.
 */
class MinerStateVectorsTest {
  private static final Cid MINER_V2 = BuiltinActors.codeCid(ActorKind.STORAGE_MINER, 2);

  private static <T extends CborEncodable> void roundTrip(
      IpldStore store, Cid cid, String what, CborReader.Decoder<T> decoder) throws Exception {
    byte[] bytes = store.blockstore().get(cid);
    T value = CborReader.decodeWhole(bytes, what, decoder);
    assertThat(value.toCbor()).as("%s %s", what, cid).isEqualTo(bytes);
  }

  private static <T extends CborEncodable> void roundTripValue(
      byte[] bytes, String what, CborReader.Decoder<T> decoder)
      throws io.filnode.chain.cbor.CborException {
    T value = CborReader.decodeWhole(bytes, what, decoder);
    assertThat(value.toCbor()).as(what).isEqualTo(bytes);
  }

  private static int roundTripPartitions(IpldStore store, Deadline dl)
      throws io.filnode.chain.cbor.CborException {
    List<Partition> ps = new ArrayList<>();
    dl.partitionsArray(store)
        .forEach(
            (idx, raw) -> {
              roundTripValue(raw, "partition", Partition::decode);
              ps.add(CborReader.decodeWhole(raw, "partition", Partition::decode));
            });
    for (Partition p : ps) {
      AdtArray.load(store, p.expirationsEpochs(), AmtOptions.v2())
          .forEach((e, raw) -> roundTripValue(raw, "expiration set", ExpirationSet::decode));
    }
    return ps.size();
  }

  @Test
  void everyV2MinerInTheVectorsRoundTrips() throws Exception {
    int miners = 0;
    int partitions = 0;
    int deadlineAsDeadlines = 0;
    int sectors = 0;
    for (ConformanceVector v : ConformanceVector.all()) {
      IpldStore store = new IpldStore(v.blocks);
      for (Cid root : v.stateRootsPresent()) {
        StateTree tree = StateTree.load(store, root);
        List<Actor> found = new ArrayList<>();
        tree.forEach(
            (id, a) -> {
              if (a.code().equals(MINER_V2)) {
                found.add(a);
              }
            });
        for (Actor a : found) {
          miners++;
          roundTrip(store, a.head(), "miner state", MinerState::decode);
          MinerState st = store.get(a.head(), "miner state", MinerState::decode);
          roundTrip(store, st.info(), "miner info", MinerInfo::decode);
          roundTrip(store, st.vestingFunds(), "vesting funds", VestingFunds::decode);
          byte[] dlsBytes = store.blockstore().get(st.deadlines());
          if (new CborReader(dlsBytes).readArrayHeader() == 7) {
            // The vectors' genesis miners point their Deadlines field at a single empty Deadline
            // (so Go's LoadDeadlines fails on them); that block must still round-trip.
            roundTrip(store, st.deadlines(), "deadline (as deadlines)", Deadline::decode);
            deadlineAsDeadlines++;
          } else {
            roundTrip(store, st.deadlines(), "deadlines", Deadlines::decode);
            Deadlines dls = st.loadDeadlines(store);
            for (int i = 0; i < Policy.WPOST_PERIOD_DEADLINES; i++) {
              roundTrip(store, dls.due(i), "deadline", Deadline::decode);
              partitions += roundTripPartitions(store, dls.loadDeadline(store, i));
            }
          }
          int[] n = {0};
          AdtArray.load(store, st.sectors(), AmtOptions.v2())
              .forEach(
                  (no, raw) -> {
                    roundTripValue(raw, "sector", SectorOnChainInfo::decode);
                    n[0]++;
                  });
          sectors += n[0];
          AdtMap.load(store, st.preCommittedSectors(), BuiltinActors.hamtOptions(2))
              .forEach(
                  (k, raw) ->
                      roundTripValue(raw, "pre-commit", SectorPreCommitOnChainInfo::decode));
        }
      }
    }
    System.out.printf(
        "v2 miners round-tripped: %d states (%d with a Deadline as Deadlines), %d partitions,"
            + " %d sectors%n",
        miners, deadlineAsDeadlines, partitions, sectors);
    assertThat(miners).isPositive();
  }
}
