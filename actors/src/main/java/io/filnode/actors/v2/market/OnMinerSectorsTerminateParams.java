package io.filnode.actors.v2.market;

import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;
import java.util.List;

/** Parameters of OnMinerSectorsTerminate: the termination epoch and the sectors' deals. */
public record OnMinerSectorsTerminateParams(long epoch, List<Long> dealIds)
    implements CborEncodable {
  public OnMinerSectorsTerminateParams {
    dealIds = List.copyOf(dealIds);
  }

  @Override
  public void encode(CborWriter w) {
    w.writeArrayHeader(2);
    w.writeInt64(epoch);
    DealIds.encode(w, dealIds);
  }

  public static OnMinerSectorsTerminateParams decode(CborReader r) throws CborException {
    r.readTupleHeader(2, "OnMinerSectorsTerminateParams");
    return new OnMinerSectorsTerminateParams(r.readInt64(), DealIds.decode(r));
  }
}
