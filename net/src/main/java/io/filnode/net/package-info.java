/**
 * libp2p on Netty: TCP, multistream-select, Noise, yamux and mplex, identify, ping, gossipsub v1.1
 * with peer scoring, the Kademlia DHT, the peer store and the connection manager. Knows nothing of
 * Filecoin and depends on no other filnode module.
 */
package io.filnode.net;
