package io.filnode.rpc;

import java.util.Objects;

/**
 * One registered method: its full name ({@code "Filecoin.ChainHead"}), the permission Lotus
 * requires for it, its parameters, and either a {@link MethodHandler} or a {@link ChannelHandler}
 * (exactly one is non-null).
 */
public record RpcMethod(
    String name,
    Permission permission,
    Params params,
    MethodHandler handler,
    ChannelHandler channelHandler) {

  public RpcMethod {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(permission, "permission");
    Objects.requireNonNull(params, "params");
    if ((handler == null) == (channelHandler == null)) {
      throw new IllegalArgumentException(name + ": exactly one of handler and channelHandler");
    }
  }

  /** Whether the method answers with a channel (WebSocket only). */
  public boolean isChannel() {
    return channelHandler != null;
  }

  /**
   * The name go-jsonrpc's permission check prints: the Go method name, without the namespace
   * ({@code ChainHead} for {@code Filecoin.ChainHead}).
   */
  public String shortName() {
    int dot = name.indexOf('.');
    return dot < 0 ? name : name.substring(dot + 1);
  }
}
