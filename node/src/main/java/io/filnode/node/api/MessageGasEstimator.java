package io.filnode.node.api;

import io.filnode.chain.types.TipSet;
import io.filnode.chain.types.TokenAmount;
import io.filnode.chain.types.UnsignedMessage;
import io.filnode.rpc.RpcException;

/**
 * Fills in a message's gas fields as Lotus's {@code GasEstimateMessageGas} does: the gas limit from
 * executing it on {@code ts} (after the sender's pending messages), then premium and fee cap, the
 * fee capped by {@code maxFee} (null: the node's default). Fields already set are kept.
 */
@FunctionalInterface
public interface MessageGasEstimator {
  UnsignedMessage estimateMessageGas(UnsignedMessage msg, TokenAmount maxFee, TipSet ts)
      throws RpcException;
}
