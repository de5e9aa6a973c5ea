package io.filnode.rpc;

/**
 * A method that answers once. It returns the result (a {@link
 * com.fasterxml.jackson.databind.JsonNode} as is, anything else through the server's Lotus JSON
 * mapper; null answers JSON null) or throws {@link RpcException} to answer an error. Unchecked
 * exceptions are bugs: the caller gets code {@link RpcErrors#FATAL}, the server keeps serving.
 */
@FunctionalInterface
public interface MethodHandler {
  Object call(CallContext ctx, Args args) throws RpcException;
}
