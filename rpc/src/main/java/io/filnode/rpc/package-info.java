/**
 * Lotus-compatible JSON-RPC 2.0 over HTTP and WebSocket: the method registry, the Lotus JSON shapes
 * of the chain types (kept here, off the consensus types), JWT permissions, subscriptions and the
 * typed client the CLI uses. Knows the wire format, not the node: {@code node} registers handlers.
 */
package io.filnode.rpc;
