/**
 * Lotus JSON (as Lotus v1.10.0 prints it) for the chain types, kept off the consensus types: {@link
 * io.filnode.rpc.json.LotusJsonWriter} and {@link io.filnode.rpc.json.LotusJsonReader} do the work,
 * {@link io.filnode.rpc.json.LotusJson} plugs them into Jackson.
 */
package io.filnode.rpc.json;
