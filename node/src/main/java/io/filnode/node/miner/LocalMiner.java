package io.filnode.node.miner;

import io.filnode.chain.address.Address;

/**
 * A miner this node produces blocks for: its actor ID address and the worker key (a BLS address in
 * the node's wallet) that signs its tickets, election proofs and blocks.
 */
public record LocalMiner(Address minerId, Address worker) {
  public LocalMiner {
    if (minerId == null || worker == null) {
      throw new IllegalArgumentException("a local miner needs its ID and worker addresses");
    }
  }
}
