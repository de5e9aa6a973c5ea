/** Devnet mining: block production by Expected Consensus for the miners this node operates. */
package io.filnode.node.miner;
