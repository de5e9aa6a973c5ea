package io.filnode.chain.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.filnode.chain.address.Address;
import io.filnode.chain.testing.SharedData;
import io.filnode.chain.types.Signature;
import io.filnode.chain.types.SignatureType;
import io.filnode.chain.types.SignedMessage;
import io.filnode.chain.types.TokenAmount;
import io.filnode.chain.types.UnsignedMessage;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Cross-checks against the independent noble-curves oracle ({@code ../shared/interop}): for 1,000
 * random keys and messages of each type, the same address, CID and signature; the oracle's
 * signatures verify here and tampered ones do not; the oracle accepts ours.
 */
class SignOracleIT {
  private static final int PER_TYPE = 1000;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HexFormat HEX = HexFormat.of();

  record Case(SignatureType type, byte[] key, UnsignedMessage message) {}

  @Test
  void agreesWithNobleOnAddressesCidsAndSignatures() throws Exception {
    Path install = SharedData.require("interop/install.sh");
    Process inst =
        new ProcessBuilder("bash", install.toString(), "target/interop")
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    String dir = new String(inst.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    assertThat(inst.waitFor()).isZero();

    Random r = new Random(20240611);
    List<Case> cases = new ArrayList<>();
    for (SignatureType t : SignatureType.values()) {
      for (int i = 0; i < PER_TYPE; i++) {
        byte[] key = t == SignatureType.BLS ? randomBlsKey(r) : randomSecpKey(r);
        cases.add(new Case(t, key, randomMessage(r, Signer.address(t, key))));
      }
    }

    Process oracle =
        new ProcessBuilder("node", dir + "/sign-oracle.mjs")
            .redirectError(new File("target/sign-oracle.err"))
            .start();
    CompletableFuture<Void> writer =
        CompletableFuture.runAsync(
            () -> {
              try (Writer w =
                  new OutputStreamWriter(oracle.getOutputStream(), StandardCharsets.UTF_8)) {
                for (Case c : cases) {
                  w.write(JSON.writeValueAsString(request(c)) + "\n");
                }
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    BufferedReader out =
        new BufferedReader(new InputStreamReader(oracle.getInputStream(), StandardCharsets.UTF_8));
    int checked = 0;
    for (Case c : cases) {
      JsonNode a = JSON.readTree(out.readLine());
      assertThat(a.has("error")).as("oracle error: %s", a).isFalse();
      Address addr = Signer.address(c.type, c.key);
      assertThat(a.get("address").asText()).isEqualTo(addr.toString());
      SignedMessage ours = Signer.signMessage(c.type, c.key, c.message);
      assertThat(HEX.formatHex(ours.signature().data())).isEqualTo(a.get("signatureHex").asText());
      assertThat(ours.cid().toString()).isEqualTo(a.get("cid").asText());
      assertThat(HEX.formatHex(c.message.toCbor())).isEqualTo(a.get("unsignedCborHex").asText());

      // the oracle's signature verifies here; tampered forms of it do not
      byte[] theirs = HEX.parseHex(a.get("signatureHex").asText());
      byte[] cidBytes = c.message.cid().bytes();
      assertThat(SignatureVerifier.verify(new Signature(c.type, theirs), addr, cidBytes)).isTrue();
      byte[] flipped = theirs.clone();
      flipped[r.nextInt(c.type == SignatureType.BLS ? 96 : 64)] ^= (byte) (1 << r.nextInt(8));
      assertThat(SignatureVerifier.verify(new Signature(c.type, flipped), addr, cidBytes))
          .isFalse();
      Address other = cases.get((checked + 1) % cases.size()).message.from();
      if (!other.equals(addr)) {
        assertThat(SignatureVerifier.verify(new Signature(c.type, theirs), other, cidBytes))
            .isFalse();
      }
      byte[] nonCanonical = theirs.clone();
      if (c.type == SignatureType.BLS) {
        nonCanonical[0] &= 0x7f; // compression flag cleared
      } else {
        nonCanonical[64] += 27; // Ethereum-style v, which go-crypto refuses
      }
      assertThat(SignatureVerifier.verify(new Signature(c.type, nonCanonical), addr, cidBytes))
          .isFalse();
      checked++;
    }
    writer.get(60, TimeUnit.SECONDS);
    assertThat(oracle.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(checked).isEqualTo(2 * PER_TYPE);

    // and the oracle accepts our signatures, and refuses them on a changed message
    int verified =
        verifyWithOracle(dir, cases.subList(0, 50), cases.subList(PER_TYPE, PER_TYPE + 50));
    assertThat(verified).isEqualTo(200);
  }

  private static int verifyWithOracle(String dir, List<Case> secp, List<Case> bls)
      throws Exception {
    List<Case> all = new ArrayList<>(secp);
    all.addAll(bls);
    StringBuilder in = new StringBuilder();
    for (Case c : all) {
      SignedMessage s = Signer.signMessage(c.type, c.key, c.message);
      for (boolean tamper : new boolean[] {false, true}) {
        ObjectNode req = JSON.createObjectNode();
        ObjectNode m = messageJson(c.message);
        if (tamper) {
          m.put("Nonce", Long.toUnsignedString(c.message.nonce() + 1));
        }
        req.set("message", m);
        req.put("signatureType", c.type.code());
        req.put("signatureHex", HEX.formatHex(s.signature().data()));
        in.append(JSON.writeValueAsString(req)).append('\n');
      }
    }
    Process oracle =
        new ProcessBuilder("node", dir + "/sign-oracle.mjs")
            .redirectError(new File("target/sign-oracle-verify.err"))
            .start();
    oracle.getOutputStream().write(in.toString().getBytes(StandardCharsets.UTF_8));
    oracle.getOutputStream().close();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(oracle.getInputStream(), StandardCharsets.UTF_8));
    int n = 0;
    for (int i = 0; i < all.size() * 2; i++) {
      JsonNode a = JSON.readTree(out.readLine());
      assertThat(a.path("signatureValid").asBoolean())
          .as("answer %d: %s", i, a)
          .isEqualTo(i % 2 == 0);
      n++;
    }
    assertThat(oracle.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return n;
  }

  private static ObjectNode request(Case c) {
    ObjectNode req = JSON.createObjectNode();
    req.put("type", c.type == SignatureType.BLS ? "bls" : "secp256k1");
    req.put("privateKeyHex", HEX.formatHex(c.key));
    req.set("message", messageJson(c.message));
    return req;
  }

  private static ObjectNode messageJson(UnsignedMessage m) {
    ObjectNode o = JSON.createObjectNode();
    o.put("Version", m.version());
    o.put("To", m.to().toString());
    o.put("From", m.from().toString());
    o.put("Nonce", Long.toUnsignedString(m.nonce()));
    o.put("Value", m.value().atto().toString());
    o.put("GasLimit", m.gasLimit());
    o.put("GasFeeCap", m.gasFeeCap().atto().toString());
    o.put("GasPremium", m.gasPremium().atto().toString());
    o.put("Method", Long.toUnsignedString(m.method()));
    if (m.params().length == 0) {
      o.putNull("Params");
    } else {
      o.put("Params", Base64.getEncoder().encodeToString(m.params()));
    }
    return o;
  }

  private static UnsignedMessage randomMessage(Random r, Address from) {
    byte[] params = new byte[r.nextInt(3) == 0 ? 0 : r.nextInt(64)];
    r.nextBytes(params);
    return new UnsignedMessage(
        0,
        Address.newId(r.nextInt(3) == 0 ? r.nextLong() & Long.MAX_VALUE : r.nextInt(100_000)),
        from,
        r.nextBoolean() ? r.nextInt(1000) : r.nextLong(),
        TokenAmount.ofAtto(new BigInteger(r.nextInt(100), r)),
        r.nextInt(10_000_000),
        TokenAmount.ofAtto(new BigInteger(r.nextInt(70), r)),
        TokenAmount.ofAtto(new BigInteger(r.nextInt(70), r)),
        r.nextInt(4) == 0 ? r.nextLong() : r.nextInt(30),
        params);
  }

  private static byte[] randomSecpKey(Random r) {
    byte[] k = new byte[32];
    do {
      r.nextBytes(k);
    } while (!Secp256k1.isValidPrivateKey(k));
    return k;
  }

  private static byte[] randomBlsKey(Random r) {
    byte[] ikm = new byte[32];
    r.nextBytes(ikm);
    supranational.blst.SecretKey sk = new supranational.blst.SecretKey();
    sk.keygen(ikm);
    return sk.to_lendian();
  }
}
