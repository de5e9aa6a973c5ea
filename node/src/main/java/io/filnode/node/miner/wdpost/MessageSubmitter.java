package io.filnode.node.miner.wdpost;

import io.filnode.chain.cid.Cid;
import io.filnode.chain.types.UnsignedMessage;

/**
 * Hands a message to the node for sending, Lotus's {@code MpoolPushMessage}: the node fills nonce
 * and gas, signs with the sender's key and pushes it to the message pool.
 */
public interface MessageSubmitter {
  /** Sends {@code msgWithoutGas} (nonce and gas fields zero); returns the signed message's CID. */
  Cid submit(UnsignedMessage msgWithoutGas) throws Exception;
}
