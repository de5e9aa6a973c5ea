package io.filnode.chain.store;

import io.filnode.chain.cid.Cid;
import io.filnode.chain.types.SignedMessage;
import io.filnode.chain.types.UnsignedMessage;
import java.util.List;

/**
 * A block's messages as the chain stores them (Lotus's {@code MessagesForBlock}): the BLS messages
 * unsigned, the secp256k1 messages signed, and the CIDs of both in that order.
 */
public record BlockMessages(
    List<UnsignedMessage> blsMessages, List<SignedMessage> secpkMessages, List<Cid> cids) {
  public BlockMessages {
    blsMessages = List.copyOf(blsMessages);
    secpkMessages = List.copyOf(secpkMessages);
    cids = List.copyOf(cids);
  }
}
