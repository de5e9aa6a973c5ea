/**
 * The Filecoin protocols over {@code net}: hello, chain exchange, block and message gossip, block
 * validation by Expected Consensus, the sync state machine (bootstrap, catch up, follow) and fork
 * choice. Nothing here yet.
 */
package io.filnode.sync;
