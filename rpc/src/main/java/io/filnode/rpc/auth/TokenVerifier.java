package io.filnode.rpc.auth;

import java.util.List;

/** Turns a bearer token into the caller's allow list (Lotus's {@code AuthVerify}). */
@FunctionalInterface
public interface TokenVerifier {
  /** The permissions the token grants, as wire names; throws when the token is not valid. */
  List<String> verify(String token) throws AuthException;
}
