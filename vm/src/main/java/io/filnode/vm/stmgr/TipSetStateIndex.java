package io.filnode.vm.stmgr;

import io.filnode.chain.blockstore.Blockstore;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;
import io.filnode.chain.crypto.Blake2b;
import io.filnode.chain.store.ChainMetadata;
import io.filnode.chain.types.TipSetKey;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Computed tipset states kept in the chain metadata, so that a restarted node does not execute the
 * chain again from genesis. The key is a hash of the tipset key; the value, {@code [tipset key
 * bytes, state root, receipts root]}, repeats the key so a hash collision reads as a miss. An entry
 * is written after the state's blocks, so a stored entry names blocks that are there; one whose
 * state root is missing all the same (a store copied without its state) counts as a miss.
 */
final class TipSetStateIndex {
  static final String PREFIX = "stmgr/state/";

  private final ChainMetadata metadata;
  private final Blockstore blocks;

  TipSetStateIndex(ChainMetadata metadata, Blockstore blocks) {
    this.metadata = metadata;
    this.blocks = blocks;
  }

  /** The stored state of the tipset {@code key}, or null. */
  TipSetState get(TipSetKey key) throws StateManagerException {
    byte[] value = metadata.get(name(key));
    if (value == null) {
      return null;
    }
    byte[] keyBytes = key.bytes();
    try {
      CborReader r = new CborReader(value);
      r.readTupleHeader(3, "stored tipset state");
      byte[] stored = r.readBytes();
      TipSetState st = new TipSetState(r.readCid(), r.readCid());
      r.expectEnd();
      if (!Arrays.equals(stored, keyBytes) || !blocks.has(st.stateRoot())) {
        return null;
      }
      return st;
    } catch (CborException e) {
      throw new StateManagerException(
          "the stored state of " + key + " is corrupt: " + e.getMessage(), e);
    }
  }

  void put(TipSetKey key, TipSetState st) {
    CborWriter w = new CborWriter();
    w.writeArrayHeader(3);
    w.writeBytes(key.bytes());
    w.writeCid(st.stateRoot());
    w.writeCid(st.receiptsRoot());
    metadata.put(name(key), w.toByteArray());
  }

  private static String name(TipSetKey key) {
    return PREFIX + HexFormat.of().formatHex(Blake2b.sum256(key.bytes()));
  }
}
