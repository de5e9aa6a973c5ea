package io.filnode.chain.hamt;

import static org.assertj.core.api.Assertions.assertThat;

import io.filnode.chain.blockstore.IpldStore;
import io.filnode.chain.blockstore.MemoryBlockstore;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.testing.ConformanceVector;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Real v2-form HAMTs: the actor maps of the state trees in the conformance vectors (state tree
 * version 1, go-hamt-ipld v2, bit width 5, written by Lotus). Each is walked, and rebuilt from its
 * entries in a shuffled order into a fresh store, which must give the same root CID.
 */
class HamtConformanceStateTest {
  private static final HamtOptions STATE_TREE = HamtOptions.v2(5);

  @Test
  void rebuildingStateTreeActorMapsGivesTheirRoots() throws Exception {
    int checked = 0;
    int actors = 0;
    Random random = new Random(20201);
    for (ConformanceVector v : ConformanceVector.all()) {
      IpldStore store = new IpldStore(v.blocks);
      for (Cid stateRoot : v.stateRootsPresent()) {
        Cid actorsRoot = actorsRoot(v.blocks.get(stateRoot));
        Hamt hamt = Hamt.load(store, actorsRoot, STATE_TREE);
        List<byte[][]> entries = new ArrayList<>();
        hamt.forEach((k, val) -> entries.add(new byte[][] {k, val}));
        for (byte[][] e : entries) {
          assertThat(hamt.get(e[0])).isEqualTo(e[1]);
        }
        Collections.shuffle(entries, random);
        Hamt fresh = Hamt.create(new IpldStore(new MemoryBlockstore()), STATE_TREE);
        for (byte[][] e : entries) {
          fresh.set(e[0], e[1]);
        }
        assertThat(fresh.flush()).as("%s state %s", v, stateRoot).isEqualTo(actorsRoot);
        checked++;
        actors += entries.size();
      }
    }
    assertThat(checked).isGreaterThan(100);
    assertThat(actors).isGreaterThan(checked * 10);
  }

  /** State tree v1+ roots are {@code [version, actors, info]}; v0 roots are the HAMT itself. */
  static Cid actorsRoot(byte[] stateRootBlock) throws Exception {
    CborReader r = new CborReader(stateRootBlock);
    if (r.peekMajorType() == 4 && r.readArrayHeader() == 3 && r.peekMajorType() == 0) {
      r.readUint64();
      return r.readCid();
    }
    return Cid.ofDagCbor(stateRootBlock);
  }
}
