/**
 * The message pool wired into the node: {@link io.filnode.node.mpool.ChainMpoolProvider} answers
 * the pool's questions from the state manager and chain store, {@link
 * io.filnode.node.mpool.RocksLocalMessageStore} keeps this node's own messages in the datastore
 * across restarts, {@link io.filnode.node.mpool.MpoolHeadChanges} feeds the chain's head changes to
 * the pool, and {@link io.filnode.node.mpool.NodeMpool} builds all of it for the daemon.
 */
package io.filnode.node.mpool;
