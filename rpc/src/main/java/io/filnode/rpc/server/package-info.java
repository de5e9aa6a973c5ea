/**
 * The JSON-RPC server on Netty: {@link io.filnode.rpc.server.RpcServer} serves each API path's
 * {@link io.filnode.rpc.MethodRegistry} over HTTP POST and WebSocket (with go-jsonrpc's channel
 * protocol), authenticates callers, and runs methods on a bounded worker pool. A transport-free
 * dispatcher turns each body into its answer and never throws.
 */
package io.filnode.rpc.server;
