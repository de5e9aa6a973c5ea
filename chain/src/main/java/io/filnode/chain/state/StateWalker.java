package io.filnode.chain.state;

import io.filnode.chain.address.Address;
import io.filnode.chain.blockstore.DagCborLinks;
import io.filnode.chain.blockstore.IpldStore;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.cid.Multihash;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks that a state is complete in a store: every actor of the state tree, and every block
 * reachable from each actor's head through DAG-CBOR links (so every HAMT and AMT an actor's state
 * holds, whatever its layout), is present and is canonical DAG-CBOR. Links that are not blocks (the
 * identity CIDs of actor code, sector commitments) are not followed.
 */
public final class StateWalker {
  private StateWalker() {}

  /** What a walk saw: the actors and the distinct state blocks reachable from their heads. */
  public record Report(int actors, long blocks, long bytes) {}

  /**
   * Walks the state tree at {@code root}.
   *
   * @throws CborException naming the first missing or malformed block and the actor it belongs to
   */
  public static Report walk(IpldStore store, Cid root) throws CborException {
    StateTree tree = StateTree.load(store, root);
    List<Address> ids = new ArrayList<>();
    List<Cid> heads = new ArrayList<>();
    tree.forEach(
        (id, actor) -> {
          ids.add(id);
          heads.add(actor.head());
        });
    Set<Cid> seen = new HashSet<>();
    long[] bytes = {0};
    for (int i = 0; i < ids.size(); i++) {
      walkFrom(store, heads.get(i), "actor " + ids.get(i), seen, bytes);
    }
    return new Report(ids.size(), seen.size(), bytes[0]);
  }

  private static void walkFrom(IpldStore store, Cid head, String owner, Set<Cid> seen, long[] bytes)
      throws CborException {
    Deque<Cid> todo = new ArrayDeque<>();
    todo.push(head);
    while (!todo.isEmpty()) {
      Cid c = todo.pop();
      if (!isBlock(c) || !seen.add(c)) {
        continue;
      }
      byte[] data = store.blockstore().get(c);
      if (data == null) {
        throw new CborException("block " + c + " of " + owner + " is not in the store", -1);
      }
      bytes[0] += data.length;
      if (c.codec() == Cid.DAG_CBOR) {
        String what = "block " + c + " of " + owner;
        CborReader.decodeWhole(
            data,
            what,
            r -> {
              r.skipValue();
              return null;
            });
        DagCborLinks.forEach(data, todo::push);
      }
    }
  }

  /** Links to DAG-CBOR or raw blocks held by hash (not inline identity CIDs, not commitments). */
  private static boolean isBlock(Cid c) {
    return (c.codec() == Cid.DAG_CBOR || c.codec() == Cid.RAW)
        && c.hashFunction() != Multihash.IDENTITY;
  }
}
