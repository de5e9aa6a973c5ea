/**
 * The peer store (addresses, protocols and agent per peer, from identify, dials and the DHT) and
 * the connection manager (water marks, grace period, protection, per-peer limits).
 */
package io.filnode.net.peers;
