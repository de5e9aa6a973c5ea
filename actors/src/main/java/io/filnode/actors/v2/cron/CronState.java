package io.filnode.actors.v2.cron;

import io.filnode.actors.builtin.Builtin;
import io.filnode.actors.builtin.Builtin.MethodsMarket;
import io.filnode.actors.builtin.Builtin.MethodsPower;
import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;
import java.util.ArrayList;
import java.util.List;

/** The cron actor's state: the tuple {@code [Entries]}, the calls it makes at every epoch's end. */
public record CronState(List<CronEntry> entries) implements CborEncodable {
  public CronState {
    entries = List.copyOf(entries);
  }

  /** The entries a genesis installs: power's OnEpochTickEnd, then market's CronTick. */
  public static List<CronEntry> builtInEntries() {
    return List.of(
        new CronEntry(Builtin.STORAGE_POWER_ACTOR_ADDR, MethodsPower.ON_EPOCH_TICK_END),
        new CronEntry(Builtin.STORAGE_MARKET_ACTOR_ADDR, MethodsMarket.CRON_TICK));
  }

  @Override
  public void encode(CborWriter w) {
    w.writeArrayHeader(1);
    encodeEntries(w, entries);
  }

  public static CronState decode(CborReader r) throws CborException {
    r.readTupleHeader(1, "cron actor state");
    return new CronState(decodeEntries(r));
  }

  static void encodeEntries(CborWriter w, List<CronEntry> entries) {
    w.writeArrayHeader(entries.size());
    for (CronEntry e : entries) {
      e.encode(w);
    }
  }

  static List<CronEntry> decodeEntries(CborReader r) throws CborException {
    int n = r.readArrayHeader();
    List<CronEntry> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(CronEntry.decode(r));
    }
    return out;
  }
}
