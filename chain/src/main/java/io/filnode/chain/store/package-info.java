/**
 * The chain store: headers and tipsets in the blockstore, the genesis and the head in {@link
 * io.filnode.chain.store.ChainMetadata}, head-change events and the Expected Consensus weight.
 */
package io.filnode.chain.store;
