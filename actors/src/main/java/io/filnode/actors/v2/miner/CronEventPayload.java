package io.filnode.actors.v2.miner;

import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;

/** The payload of the miner's deferred cron events: the event type, a tuple. */
public record CronEventPayload(long eventType) implements CborEncodable {
  public static final long WORKER_KEY_CHANGE = 0;
  public static final long PROVING_DEADLINE = 1;
  public static final long PROCESS_EARLY_TERMINATIONS = 2;

  @Override
  public void encode(CborWriter w) {
    w.writeArrayHeader(1);
    w.writeInt64(eventType);
  }

  public static CronEventPayload decode(CborReader r) throws CborException {
    r.readTupleHeader(1, "CronEventPayload");
    return new CronEventPayload(r.readInt64());
  }
}
