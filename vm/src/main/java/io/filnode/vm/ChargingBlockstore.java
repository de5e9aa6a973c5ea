package io.filnode.vm;

import io.filnode.chain.blockstore.Blockstore;
import io.filnode.chain.cid.Cid;

/**
 * The store actors see, Lotus's {@code gasChargingBlocks}: every get charges {@code OnIpldGet}
 * before it reads and every put charges {@code OnIpldPut} with the block's size before it writes.
 */
final class ChargingBlockstore implements Blockstore {
  private final VmRuntime rt;
  private final Blockstore under;

  ChargingBlockstore(VmRuntime rt, Blockstore under) {
    this.rt = rt;
    this.under = under;
  }

  @Override
  public byte[] get(Cid cid) {
    rt.charge(rt.priceList().onIpldGet());
    byte[] data = under.get(cid);
    if (data == null) {
      throw new VmFatalException("failed to get block " + cid + " from blockstore");
    }
    return data;
  }

  @Override
  public boolean has(Cid cid) {
    return under.has(cid);
  }

  @Override
  public void put(Cid cid, byte[] data) {
    rt.charge(rt.priceList().onIpldPut(data.length));
    under.put(cid, data);
  }

  @Override
  public void delete(Cid cid) {
    throw new UnsupportedOperationException("actors never delete blocks");
  }
}
