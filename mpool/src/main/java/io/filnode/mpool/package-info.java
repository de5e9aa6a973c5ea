/**
 * The message pool, as Lotus v1.10.0's {@code chain/messagepool}: {@link
 * io.filnode.mpool.MessagePool} admits, orders, replaces, prunes and persists pending messages;
 * {@link io.filnode.mpool.MessageSelector} chooses a block's messages; the node supplies chain
 * state through {@link io.filnode.mpool.MpoolProvider} and durable local messages through {@link
 * io.filnode.mpool.LocalMessageStore}. Republishing and the RPC methods are wired by the node.
 */
package io.filnode.mpool;
