package io.filnode.node.miner;

import io.filnode.chain.address.Address;
import io.filnode.chain.types.Signature;

/**
 * Signs for a miner's worker key: tickets and election proofs (BLS signatures used as VRF outputs)
 * and block headers. The node's wallet is behind it.
 */
@FunctionalInterface
public interface BlockSigner {
  Signature sign(Address worker, byte[] data) throws Exception;
}
