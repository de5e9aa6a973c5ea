/**
 * Assembly of the node: configuration, the repo directory, the daemon lifecycle, wallet and
 * keystore, devnet block production, metrics and the {@code filnode} command line. The only module
 * that knows all the others; nothing depends on it.
 */
package io.filnode.node;
