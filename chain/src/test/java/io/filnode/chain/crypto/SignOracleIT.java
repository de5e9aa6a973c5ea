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
import java.io.BufferedWriter;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Cross-checks against the independent noble-curves oracle ({@code ../shared/interop}): for 1,000
 * random keys and messages of each type, the same address, CID and signature; the oracle's
 * signatures verify here and tampered ones do not; the oracle accepts ours.
 *
 * <p>The oracle's pure-JS BLS is the slow part (about 46 ms of CPU per request, some 50 s in all),
 * so the cases are split over {@value #ORACLES} oracle processes, each fed by its own writer thread
 * (requests stream ahead of the answers) and checked by its own reader thread. That only pays when
 * a second core is idle: on the shared build machine, busy with other builds, the one-oracle
 * version was as fast (75 s against 84 s, back to back).
 */
class SignOracleIT {
  private static final int PER_TYPE = 1000;

  /** Cases of each type whose signatures from here the oracle verifies (as is and tampered). */
  private static final int VERIFIED_PER_TYPE = 50;

  private static final int ORACLES = 2;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HexFormat HEX = HexFormat.of();

  record Case(int index, SignatureType type, byte[] key, UnsignedMessage message) {}

  /** What each oracle answered: signing answers checked, and verification answers checked. */
  record Tally(int signed, int verified) {}

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
        cases.add(new Case(cases.size(), t, key, randomMessage(r, Signer.address(t, key))));
      }
    }
    List<Case> verified = new ArrayList<>(cases.subList(0, VERIFIED_PER_TYPE));
    verified.addAll(cases.subList(PER_TYPE, PER_TYPE + VERIFIED_PER_TYPE));

    ExecutorService pool = Executors.newFixedThreadPool(2 * ORACLES);
    List<Process> oracles = new ArrayList<>();
    try {
      List<CompletableFuture<Void>> writers = new ArrayList<>();
      List<CompletableFuture<Tally>> shards = new ArrayList<>();
      for (int shard = 0; shard < ORACLES; shard++) {
        int k = shard;
        Process oracle =
            new ProcessBuilder("node", dir + "/sign-oracle.mjs")
                .redirectError(new File("target/sign-oracle-" + k + ".err"))
                .start();
        oracles.add(oracle);
        // interleaved, so that every oracle gets its share of the slow BLS cases
        List<Case> mine = shard(cases, k);
        List<Case> mineVerified = shard(verified, k);
        writers.add(
            CompletableFuture.runAsync(() -> writeRequests(oracle, mine, mineVerified), pool));
        shards.add(
            CompletableFuture.supplyAsync(
                () -> checkAnswers(oracle, k, mine, mineVerified, cases), pool));
      }
      int signed = 0;
      int verifiedByOracle = 0;
      // readers first: when one fails, the finally block stops the oracles and so the writers
      for (CompletableFuture<Tally> shard : shards) {
        Tally t = shard.get(30, TimeUnit.MINUTES);
        signed += t.signed();
        verifiedByOracle += t.verified();
      }
      for (CompletableFuture<Void> writer : writers) {
        writer.get(1, TimeUnit.MINUTES);
      }
      for (Process oracle : oracles) {
        assertThat(oracle.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(oracle.exitValue()).isZero();
      }
      assertThat(signed).isEqualTo(2 * PER_TYPE);
      assertThat(verifiedByOracle).isEqualTo(2 * verified.size());
    } finally {
      pool.shutdownNow();
      oracles.forEach(Process::destroy);
    }
  }

  private static List<Case> shard(List<Case> all, int k) {
    List<Case> out = new ArrayList<>();
    for (int i = k; i < all.size(); i += ORACLES) {
      out.add(all.get(i));
    }
    return out;
  }

  /**
   * Streams every request, then closes stdin: first one signing request per case, then, for each
   * verified case, our signature over the message as is and with the nonce changed.
   */
  private static void writeRequests(Process oracle, List<Case> cases, List<Case> verified) {
    try (Writer w =
        new BufferedWriter(
            new OutputStreamWriter(oracle.getOutputStream(), StandardCharsets.UTF_8))) {
      for (Case c : cases) {
        w.write(JSON.writeValueAsString(request(c)) + "\n");
      }
      for (Case c : verified) {
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
          w.write(JSON.writeValueAsString(req) + "\n");
        }
      }
    } catch (Exception e) {
      oracle.destroy(); // so that the reader does not wait for answers that never come
      throw new IllegalStateException("writing to the oracle", e);
    }
  }

  /** Reads and checks the answers of one oracle, in the order {@link #writeRequests} asked. */
  private static Tally checkAnswers(
      Process oracle, int k, List<Case> cases, List<Case> verified, List<Case> all) {
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(oracle.getInputStream(), StandardCharsets.UTF_8))) {
      int signed = 0;
      for (Case c : cases) {
        checkSigning(c, answer(out, k), all.get((c.index + 1) % all.size()).message.from());
        signed++;
      }
      int n = 0;
      for (int i = 0; i < verified.size() * 2; i++) {
        JsonNode a = answer(out, k);
        assertThat(a.path("signatureValid").asBoolean())
            .as("verification answer %d of oracle %d: %s", i, k, a)
            .isEqualTo(i % 2 == 0);
        n++;
      }
      assertThat(out.readLine()).as("oracle %d answered more than asked", k).isNull();
      return new Tally(signed, n);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode answer(BufferedReader out, int k) throws Exception {
    String line = out.readLine();
    assertThat(line).as("oracle %d stopped early; see target/sign-oracle-%d.err", k, k).isNotNull();
    JsonNode a = JSON.readTree(line);
    assertThat(a.has("error")).as("oracle error: %s", a).isFalse();
    return a;
  }

  private static void checkSigning(Case c, JsonNode a, Address other) throws Exception {
    Address addr = Signer.address(c.type, c.key);
    assertThat(a.get("address").asText()).isEqualTo(addr.toString());
    SignedMessage ours = Signer.signMessage(c.type, c.key, c.message);
    assertThat(HEX.formatHex(ours.signature().data())).isEqualTo(a.get("signatureHex").asText());
    assertThat(ours.cid().toString()).isEqualTo(a.get("cid").asText());
    assertThat(HEX.formatHex(c.message.toCbor())).isEqualTo(a.get("unsignedCborHex").asText());

    // the oracle's signature verifies here; tampered forms of it do not
    Random r = new Random(c.index);
    byte[] theirs = HEX.parseHex(a.get("signatureHex").asText());
    byte[] cidBytes = c.message.cid().bytes();
    assertThat(SignatureVerifier.verify(new Signature(c.type, theirs), addr, cidBytes)).isTrue();
    byte[] flipped = theirs.clone();
    flipped[r.nextInt(c.type == SignatureType.BLS ? 96 : 64)] ^= (byte) (1 << r.nextInt(8));
    assertThat(SignatureVerifier.verify(new Signature(c.type, flipped), addr, cidBytes)).isFalse();
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
