/**
 * Typed JSON-RPC clients for the CLI: {@link io.filnode.rpc.client.HttpRpcClient} for calls and
 * {@link io.filnode.rpc.client.WsRpcClient} for calls and subscriptions.
 */
package io.filnode.rpc.client;
