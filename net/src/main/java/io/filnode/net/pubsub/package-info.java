/**
 * Gossipsub v1.1 ({@code /meshsub/1.1.0}, and {@code /meshsub/1.0.0} peers).
 *
 * <pre>{@code
 * PubSub ps = new PubSub(hostKey, GossipConfig.defaults(), scoreParams, ScoreThresholds.lotus(),
 *     MessageIds.BLAKE2B_256_OF_DATA);                     // Lotus's message IDs
 * new HostPubSub(host, ps, peer -> dial from the peer store);   // or InMemoryNetwork.link(a, b)
 * ps.registerValidator("/fil/blocks/mainnet", (source, msg) -> ValidationResult.ACCEPT);
 * ps.subscribe("/fil/blocks/mainnet", received -> ...);
 * ps.publish("/fil/msgs/mainnet", bytes);                 // signed (StrictSign), flood-published
 * }</pre>
 *
 * <p>{@link io.filnode.net.pubsub.GossipRouter} is the protocol: it does no I/O and runs on the
 * single thread {@link io.filnode.net.pubsub.PubSub} gives it, so handlers and validators must not
 * block. {@link io.filnode.net.pubsub.Rpc} is the bounded protobuf codec. Not implemented:
 * IDONTWANT (v1.2), signed peer records in PX (PX peers are dialled from the peer store's
 * addresses), direct peers, asynchronous validators and validation throttling.
 */
package io.filnode.net.pubsub;
