package io.filnode.rpc.auth;

import com.fasterxml.jackson.core.type.TypeReference;
import io.filnode.rpc.MethodRegistry;
import io.filnode.rpc.Params;
import io.filnode.rpc.Permission;
import io.filnode.rpc.RpcException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * The API methods the transport itself can answer: {@code Filecoin.AuthNew} (admin; the token's
 * bytes, which JSON prints as base64 as Go prints a {@code []byte}), {@code Filecoin.AuthVerify}
 * (read; the token's allow list) and {@code Filecoin.Session} (read; a UUID fixed for the process).
 */
public final class AuthApi {
  private AuthApi() {}

  /** Registers the three methods on {@code registry}, signing and verifying with {@code jwt}. */
  public static void register(MethodRegistry registry, Jwt jwt, UUID session) {
    registry.register(
        "Filecoin.AuthNew",
        Permission.ADMIN,
        Params.of(Params.type(new TypeReference<List<String>>() {})),
        (ctx, args) -> {
          @SuppressWarnings("unchecked")
          List<String> allow = args.get(0, List.class);
          return jwt.sign(allow == null ? List.of() : allow).getBytes(StandardCharsets.US_ASCII);
        });
    registry.register(
        "Filecoin.AuthVerify",
        Permission.READ,
        Params.of(String.class),
        (ctx, args) -> {
          String token = args.get(0, String.class);
          try {
            return jwt.verify(token == null ? "" : token);
          } catch (AuthException e) {
            throw new RpcException("JWT Verification failed: " + e.getMessage());
          }
        });
    registry.register(
        "Filecoin.Session", Permission.READ, Params.none(), (ctx, args) -> session.toString());
  }
}
