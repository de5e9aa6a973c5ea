package io.filnode.actors.v2.miner;

import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;
import io.filnode.chain.types.PoStProof;
import java.util.ArrayList;
import java.util.List;

/** SubmitWindowedPoSt parameters, a tuple of 5. The randomness is not copied. */
@SuppressWarnings("ArrayRecordComponent") // read-only by convention
public record SubmitWindowedPoStParams(
    long deadline,
    List<PoStPartition> partitions,
    List<PoStProof> proofs,
    long chainCommitEpoch,
    byte[] chainCommitRand)
    implements CborEncodable {
  public SubmitWindowedPoStParams {
    partitions = List.copyOf(partitions);
    proofs = List.copyOf(proofs);
  }

  @Override
  public void encode(CborWriter w) {
    w.writeArrayHeader(5);
    w.writeUint64(deadline);
    w.writeArrayHeader(partitions.size());
    for (PoStPartition p : partitions) {
      p.encode(w);
    }
    w.writeArrayHeader(proofs.size());
    for (PoStProof p : proofs) {
      p.encode(w);
    }
    w.writeInt64(chainCommitEpoch);
    w.writeBytes(chainCommitRand);
  }

  public static SubmitWindowedPoStParams decode(CborReader r) throws CborException {
    r.readTupleHeader(5, "SubmitWindowedPoStParams");
    long deadline = r.readUint64();
    int n = r.readArrayHeader();
    List<PoStPartition> parts = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      parts.add(PoStPartition.decode(r));
    }
    int m = r.readArrayHeader();
    List<PoStProof> proofs = new ArrayList<>(m);
    for (int i = 0; i < m; i++) {
      proofs.add(PoStProof.decode(r));
    }
    return new SubmitWindowedPoStParams(deadline, parts, proofs, r.readInt64(), r.readBytes());
  }
}
