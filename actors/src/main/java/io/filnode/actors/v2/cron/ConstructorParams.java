package io.filnode.actors.v2.cron;

import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;
import java.util.List;

/** The cron actor's constructor parameters: the tuple {@code [Entries]}, encoded as its state. */
public record ConstructorParams(List<CronEntry> entries) implements CborEncodable {
  public ConstructorParams {
    entries = List.copyOf(entries);
  }

  @Override
  public void encode(CborWriter w) {
    w.writeArrayHeader(1);
    CronState.encodeEntries(w, entries);
  }

  public static ConstructorParams decode(CborReader r) throws CborException {
    r.readTupleHeader(1, "cron constructor params");
    return new ConstructorParams(CronState.decodeEntries(r));
  }
}
