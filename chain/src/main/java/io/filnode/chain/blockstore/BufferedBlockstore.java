package io.filnode.chain.blockstore;

import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cid.Cid;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The VM's write buffer over a backing store: writes stay in memory, reads see them first and fall
 * through to the backing store. {@link #flush(Cid)} copies into the backing store only the buffered
 * blocks reachable from a root, as Lotus's {@code vm.Copy} does, so the intermediate states a
 * message execution wrote and then replaced are dropped. Blocks not in the buffer are not walked:
 * the backing store already holds them and, by induction, what they link to.
 *
 * <p>Not thread-safe: one VM owns one buffer.
 */
public final class BufferedBlockstore implements Blockstore {
  /** Flushes write in batches of about this many bytes. */
  private static final int FLUSH_BATCH_BYTES = 8 << 20;

  private final Blockstore backing;
  private final Map<Cid, byte[]> buffer = new HashMap<>();

  public BufferedBlockstore(Blockstore backing) {
    this.backing = backing;
  }

  @Override
  public byte[] get(Cid cid) {
    byte[] b = buffer.get(cid);
    return b != null ? b : backing.get(cid);
  }

  @Override
  public boolean has(Cid cid) {
    return buffer.containsKey(cid) || backing.has(cid);
  }

  @Override
  public void put(Cid cid, byte[] data) {
    buffer.put(cid, data);
  }

  /** Forgets a buffered block; blocks already in the backing store stay there. */
  @Override
  public void delete(Cid cid) {
    buffer.remove(cid);
  }

  /** How many blocks are buffered. */
  public int buffered() {
    return buffer.size();
  }

  /**
   * Copies the buffered blocks reachable from {@code root} (through DAG-CBOR links) into the
   * backing store, then empties the buffer. Returns the number of blocks copied.
   *
   * @throws CborException when a buffered DAG-CBOR block on the way does not decode (a VM bug, as
   *     the VM only buffers blocks it encoded)
   */
  public int flush(Cid root) throws CborException {
    List<Block> batch = new ArrayList<>();
    long batchBytes = 0;
    int copied = 0;
    Deque<Cid> todo = new ArrayDeque<>();
    Set<Cid> seen = new HashSet<>();
    todo.push(root);
    while (!todo.isEmpty()) {
      Cid c = todo.pop();
      byte[] data = buffer.get(c);
      if (data == null || !seen.add(c)) {
        continue;
      }
      if (c.codec() == Cid.DAG_CBOR) {
        DagCborLinks.forEach(data, todo::push);
      }
      batch.add(new Block(c, data));
      batchBytes += data.length;
      if (batchBytes >= FLUSH_BATCH_BYTES) {
        backing.putMany(batch);
        copied += batch.size();
        batch.clear();
        batchBytes = 0;
      }
    }
    backing.putMany(batch);
    copied += batch.size();
    buffer.clear();
    return copied;
  }
}
