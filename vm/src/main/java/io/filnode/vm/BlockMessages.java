package io.filnode.vm;

import io.filnode.chain.address.Address;
import java.util.List;

/**
 * One block's part of a tipset for {@link TipsetExecutor}: its miner, win count, and its messages
 * in execution order (BLS messages first, then secp256k1 ones, as Lotus's {@code BlockMessages}).
 */
public record BlockMessages(Address miner, long winCount, List<ChainMessage> messages) {
  public BlockMessages {
    messages = List.copyOf(messages);
  }
}
