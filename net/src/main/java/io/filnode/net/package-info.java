/**
 * libp2p on Netty. Knows nothing of Filecoin and depends on no other filnode module.
 *
 * <p>Built so far: identities ({@code identity}: Ed25519 and secp256k1 host keys, ECDSA and RSA
 * peer keys, {@code PeerId}, {@code PeerKeyStore}), {@code multiaddr}, TCP (epoll or NIO),
 * multistream-select 1.0.0, Noise XX, yamux and mplex, identify and ping. Still to come on top of
 * it: gossipsub v1.1 with peer scoring, the Kademlia DHT, the peer store and the connection
 * manager.
 *
 * <h2>The Host API ({@code io.filnode.net.host})</h2>
 *
 * <pre>{@code
 * Host host = new Host(HostConfig.defaults(PeerKeyStore.loadOrCreate(file, random)));
 * host.setStreamHandler("/meshsub/1.1.0", stream -> ...);   // serve a protocol
 * host.addListener(new ConnectionListener() { ... });       // connected / disconnected
 * host.listen(Multiaddr.fromString("/ip4/0.0.0.0/tcp/1347")).get();
 * Connection c = host.connect(Multiaddr.fromString("/ip4/…/tcp/…/p2p/12D3…")).get();
 * Stream s = host.newStream(peerId, List.of("/meshsub/1.1.0")).get(); // or c.newStream(...)
 * s.writeMessage(bytes);                                     // uvarint-length-prefixed
 * s.readMessage(maxSize).thenAccept(msg -> ...);             // null at end of stream
 * }</pre>
 *
 * <ul>
 *   <li>{@code Host}: {@code listen}, {@code listenAddrs}, {@code dial} (always a new connection; a
 *       trailing {@code /p2p/ID} must match the Noise-proven key), {@code connect} (reuses an open
 *       connection), {@code newStream(peer, protocols)}, {@code setStreamHandler} / {@code
 *       removeStreamHandler}, {@code protocols}, {@code connections()}, {@code connections(peer)},
 *       {@code peers}, {@code addListener}, {@code identify}, {@code ping}, {@code close}.
 *   <li>{@code Connection}: {@code remotePeer}, {@code remoteKey}, {@code remoteAddr}, {@code
 *       isInitiator}, {@code muxer}, {@code newStream(protocols)}, {@code identified()} (the
 *       identify exchange the host runs on every connection), {@code close}, {@code closeFuture}.
 *   <li>{@code Stream}: {@code write(ByteBuf|byte[])}, {@code writeMessage}, {@code read} (a chunk,
 *       caller releases), {@code readMessage(max)}, {@code readExactly(n)}, {@code closeWrite},
 *       {@code close}, {@code reset}, {@code closeFuture}. One read outstanding at a time.
 *   <li>{@code StreamHandler.handle(Stream)}: called once the protocol is agreed; the handler owns
 *       the stream.
 * </ul>
 *
 * <p>Threading: each connection lives on one Netty event loop; stream futures, handlers and
 * listeners run there and must not block. Reads are pull-based, and the yamux window reopens only
 * as the application reads (a pending {@code readMessage} larger than the window widens it up to
 * its {@code maxSize}); mplex has no flow control, so a stream that buffers more than 4 MiB unread
 * is reset. yamux windows start at 256 KiB and grow (up to {@code YamuxConfig.maxStreamWindow}, 16
 * MiB) while a reader keeps up; yamux keep-alive pings go out every 30 s and an unanswered one
 * closes the connection after 10 s ({@code HostConfig.withYamux}). A gossipsub or Kademlia
 * implementation is a {@code StreamHandler} for its protocol ids plus a {@code ConnectionListener}
 * that opens its outbound stream on {@code connected}.
 *
 * <p>Errors: untrusted bytes fail with {@code io.filnode.net.wire.DecodeException} (decoders) or
 * {@code io.filnode.net.host.StreamException} (futures); a broken peer loses its stream or its
 * connection, never the host.
 */
package io.filnode.net;
