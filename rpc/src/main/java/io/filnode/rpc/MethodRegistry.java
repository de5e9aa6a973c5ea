package io.filnode.rpc;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The methods one endpoint serves ({@code /rpc/v1} and {@code /rpc/v0} each have one). Whoever
 * registers a method declares its Lotus permission there, next to the handler:
 *
 * <pre>{@code
 * registry.register("Filecoin.ChainGetBlock", Permission.READ, Params.of(Cid.class),
 *     (ctx, args) -> store.header(args.get(0, Cid.class)));
 * }</pre>
 *
 * Registration happens before the server starts; lookups are thread-safe afterwards.
 */
public final class MethodRegistry {
  private final Map<String, RpcMethod> methods = Collections.synchronizedMap(new TreeMap<>());

  /** Adds a method; a name may be registered once. */
  public MethodRegistry add(RpcMethod method) {
    RpcMethod old = methods.putIfAbsent(method.name(), method);
    if (old != null) {
      throw new IllegalArgumentException("method " + method.name() + " registered twice");
    }
    return this;
  }

  /** Adds a method that answers once. */
  public MethodRegistry register(
      String name, Permission permission, Params params, MethodHandler handler) {
    return add(new RpcMethod(name, permission, params, handler, null));
  }

  /** Adds a method that answers with a channel (served over WebSocket only). */
  public MethodRegistry registerChannel(
      String name, Permission permission, Params params, ChannelHandler handler) {
    return add(new RpcMethod(name, permission, params, null, handler));
  }

  /** The method called {@code name}, or null. */
  public RpcMethod get(String name) {
    return methods.get(name);
  }

  /** Every method, by name. */
  public Collection<RpcMethod> all() {
    synchronized (methods) {
      return List.copyOf(methods.values());
    }
  }
}
