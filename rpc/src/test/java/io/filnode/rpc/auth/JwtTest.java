package io.filnode.rpc.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.filnode.rpc.Permission;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class JwtTest {
  private static final byte[] SECRET =
      "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  private final Jwt jwt = new Jwt(SECRET);

  private static String b64(String s) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void signedTokensVerifyToTheirAllowList() throws Exception {
    assertThat(jwt.verify(jwt.sign(List.of("read", "write")))).containsExactly("read", "write");
    assertThat(jwt.verify(jwt.signUpTo(Permission.ADMIN)))
        .containsExactly("read", "write", "sign", "admin");
    assertThat(jwt.verify(jwt.sign(List.of()))).isEmpty();
  }

  @Test
  void tokensHaveLotusShape() {
    String[] parts = jwt.sign(List.of("read")).split("\\.");
    assertThat(parts).hasSize(3);
    assertThat(new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8))
        .isEqualTo("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
    assertThat(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8))
        .isEqualTo("{\"Allow\":[\"read\"]}");
  }

  /** The HS256 example of RFC 7519's ecosystem (jwt.io), checked by an independent signer. */
  @Test
  void verifiesAnIndependentlySignedToken() throws Exception {
    Jwt other = new Jwt("your-256-bit-secret".getBytes(StandardCharsets.US_ASCII));
    String token =
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9"
            + ".eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ"
            + ".SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";
    assertThat(other.verify(token)).isEmpty(); // valid, but no Allow: grants nothing
    assertThatThrownBy(() -> jwt.verify(token)).isInstanceOf(AuthException.class);
  }

  @Test
  void refusesOtherSecretsAndTampering() {
    String foreign =
        new Jwt("another secret".getBytes(StandardCharsets.US_ASCII)).signUpTo(Permission.ADMIN);
    assertThatThrownBy(() -> jwt.verify(foreign)).hasMessageContaining("signature");
    String[] p = jwt.sign(List.of("read")).split("\\.");
    String escalated = p[0] + "." + b64("{\"Allow\":[\"read\",\"admin\"]}") + "." + p[2];
    assertThatThrownBy(() -> jwt.verify(escalated)).hasMessageContaining("signature");
  }

  @Test
  void refusesAlgNoneAndOtherAlgorithms() {
    String payload = b64("{\"Allow\":[\"admin\"]}");
    assertThatThrownBy(
            () -> jwt.verify(b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + payload + "."))
        .hasMessageContaining("HS256");
    assertThatThrownBy(() -> jwt.verify(b64("{\"alg\":\"HS512\"}") + "." + payload + ".AAAA"))
        .hasMessageContaining("HS256");
  }

  @Test
  void refusesMalformedTokens() {
    for (String t :
        new String[] {
          "", ".", "a.b", "a.b.c.d", "!!!.e30.AAAA", b64("[]") + ".e30.AAAA", "e30.e30.***"
        }) {
      assertThatThrownBy(() -> jwt.verify(t)).as(t).isInstanceOf(AuthException.class);
    }
  }

  @Test
  void refusesSignedTokensWithABadPayload() throws Exception {
    String header = b64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
    for (String payload : new String[] {"{\"Allow\":\"read\"}", "{\"Allow\":[1]}", "[]", "nope"}) {
      String input = header + "." + b64(payload);
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(SECRET, "HmacSHA256"));
      String token =
          input
              + "."
              + Base64.getUrlEncoder()
                  .withoutPadding()
                  .encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
      assertThatThrownBy(() -> jwt.verify(token)).as(payload).isInstanceOf(AuthException.class);
    }
  }
}
