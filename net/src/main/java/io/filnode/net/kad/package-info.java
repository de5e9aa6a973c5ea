/**
 * Kademlia DHT for peer discovery: FIND_NODE client and server on a configurable protocol ID
 * ({@code /fil/kad/<network>/kad/1.0.0} for Filecoin), a k-bucket routing table (k = 20, XOR of
 * SHA-256 keys), alpha = 3 iterative lookups, bootstrap and random walk. No values or provider
 * records.
 */
package io.filnode.net.kad;
