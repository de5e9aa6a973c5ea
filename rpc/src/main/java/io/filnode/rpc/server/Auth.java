package io.filnode.rpc.server;

import io.filnode.rpc.Permission;
import io.filnode.rpc.auth.AuthException;
import io.filnode.rpc.auth.TokenVerifier;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.lang.System.Logger.Level;
import java.util.List;

/**
 * go-jsonrpc's auth handler: the token comes from {@code Authorization: Bearer …} or else from
 * {@code ?token=…}; no token means read-only; a header without the Bearer prefix or a token that
 * does not verify means HTTP 401 (signalled by null).
 */
final class Auth {
  private static final System.Logger LOG = System.getLogger(Auth.class.getName());
  private static final List<String> DEFAULT = List.of(Permission.READ.lotusName());
  private static final String BEARER = "Bearer ";

  private Auth() {}

  /** The caller's allow list, or null when the request must be refused with 401. */
  static List<String> allow(HttpRequest req, QueryStringDecoder query, TokenVerifier tokens) {
    String header = req.headers().get(HttpHeaderNames.AUTHORIZATION);
    String token;
    if (header != null && !header.isEmpty()) {
      if (!header.startsWith(BEARER)) {
        return null;
      }
      token = header.substring(BEARER.length());
    } else {
      List<String> q = query.parameters().get("token");
      token = q == null || q.isEmpty() ? "" : q.get(0);
      if (token.isEmpty()) {
        return DEFAULT;
      }
    }
    if (tokens == null) {
      return null;
    }
    try {
      return tokens.verify(token);
    } catch (AuthException e) {
      LOG.log(Level.WARNING, "JWT verification failed: {0}", e.getMessage());
      return null;
    }
  }
}
