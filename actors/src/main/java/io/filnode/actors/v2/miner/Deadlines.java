package io.filnode.actors.v2.miner;

import io.filnode.chain.blockstore.IpldStore;
import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;
import io.filnode.chain.cid.Cid;

/** The CIDs of the miner's 48 deadlines (miner.Deadlines), a tuple of one 48-element array. */
public final class Deadlines implements CborEncodable {
  final Cid[] due;

  Deadlines(Cid[] due) {
    this.due = due;
  }

  /** Every deadline set to the same (empty) deadline. */
  public static Deadlines construct(Cid emptyDeadline) {
    Cid[] due = new Cid[Policy.WPOST_PERIOD_DEADLINES];
    java.util.Arrays.fill(due, emptyDeadline);
    return new Deadlines(due);
  }

  public Cid due(int dlIdx) {
    return due[dlIdx];
  }

  public Deadline loadDeadline(IpldStore store, long dlIdx) {
    if (dlIdx < 0 || dlIdx >= due.length) {
      throw Errors.illegalArgument("invalid deadline %d", dlIdx);
    }
    return Errors.get(store, due[(int) dlIdx], "deadline " + dlIdx, Deadline::decode);
  }

  /** Validates and stores {@code deadline} as deadline {@code dlIdx}. */
  public void updateDeadline(IpldStore store, long dlIdx, Deadline deadline) {
    if (dlIdx < 0 || dlIdx >= due.length) {
      throw Errors.illegalState("invalid deadline %d", dlIdx);
    }
    deadline.validateState();
    due[(int) dlIdx] = store.put(deadline);
  }

  @Override
  public void encode(CborWriter w) {
    w.writeArrayHeader(1);
    w.writeArrayHeader(due.length);
    for (Cid c : due) {
      w.writeCid(c);
    }
  }

  public static Deadlines decode(CborReader r) throws CborException {
    r.readTupleHeader(1, "Deadlines");
    int n = r.readArrayHeader();
    if (n != Policy.WPOST_PERIOD_DEADLINES) {
      throw new CborException("expected array to have 48 elements", r.position());
    }
    Cid[] due = new Cid[n];
    for (int i = 0; i < n; i++) {
      due[i] = r.readCid();
    }
    return new Deadlines(due);
  }
}
