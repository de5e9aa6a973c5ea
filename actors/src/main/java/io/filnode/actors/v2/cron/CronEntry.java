package io.filnode.actors.v2.cron;

import io.filnode.chain.address.Address;
import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;

/**
 * One cron entry (Go's {@code cron.Entry}): the tuple {@code [Receiver, MethodNum]}, the ID address
 * to call every epoch and the method to call there with no parameters. {@code methodNum} is Go's
 * uint64, so values of 2^63 and more read as negative longs.
 */
public record CronEntry(Address receiver, long methodNum) implements CborEncodable {
  @Override
  public void encode(CborWriter w) {
    w.writeArrayHeader(2);
    receiver.encode(w);
    w.writeUint64(methodNum);
  }

  public static CronEntry decode(CborReader r) throws CborException {
    r.readTupleHeader(2, "cron entry");
    Address receiver = Address.decode(r);
    return new CronEntry(receiver, r.readUint64());
  }
}
