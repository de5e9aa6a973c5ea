package io.filnode.node.miner;

import io.filnode.chain.address.Address;

/**
 * A miner this node operates: its actor's ID address and the worker key that signs its blocks and
 * messages (held in the node's wallet).
 */
public record LocalMiner(Address minerId, Address worker) {}
