package io.filnode.vm.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.filnode.chain.address.Address;
import io.filnode.chain.cid.Cid;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A conformance test vector (filecoin-project/test-vectors schema), as far as the runner needs it:
 * class, selector, pre-state CAR, variants, messages or tipsets to apply, and the expected receipts
 * and roots.
 */
public record TestVector(
    String id,
    String kind,
    boolean chaos,
    byte[] car,
    List<Variant> variants,
    Cid preRoot,
    BigInteger baseFee,
    BigInteger circSupply,
    List<ApplyMessage> messages,
    List<Tipset> tipsets,
    Cid postRoot,
    List<Receipt> receipts,
    List<Cid> receiptsRoots,
    String diagnostics) {

  /** One (epoch, network version) the vector runs at. */
  public record Variant(String id, long epoch, int nv) {}

  public record ApplyMessage(byte[] bytes, long epochOffset) {}

  public record Tipset(long epochOffset, BigInteger baseFee, List<Block> blocks) {}

  public record Block(Address miner, long winCount, List<byte[]> messages) {}

  public record Receipt(long exitCode, byte[] returnValue, long gasUsed) {}

  /** Why a vector file could not be read. */
  public static final class VectorException extends Exception {
    private static final long serialVersionUID = 1L;

    public VectorException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  public static TestVector read(Path file) throws VectorException {
    try {
      return parse(JSON.readTree(file.toFile()));
    } catch (IOException | RuntimeException e) {
      throw new VectorException("cannot parse " + file + ": " + e.getMessage(), e);
    }
  }

  static TestVector parse(JsonNode v) {
    Base64.Decoder b64 = Base64.getDecoder();
    JsonNode pre = v.required("preconditions");
    List<Variant> variants = new ArrayList<>();
    for (JsonNode n : pre.required("variants")) {
      variants.add(
          new Variant(
              n.required("id").asText(), n.required("epoch").asLong(), n.required("nv").asInt()));
    }
    List<ApplyMessage> messages = new ArrayList<>();
    for (JsonNode n : v.path("apply_messages")) {
      messages.add(
          new ApplyMessage(
              b64.decode(n.required("bytes").asText()), n.path("epoch_offset").asLong(0)));
    }
    List<Tipset> tipsets = new ArrayList<>();
    for (JsonNode t : v.path("apply_tipsets")) {
      List<Block> blocks = new ArrayList<>();
      for (JsonNode b : t.required("blocks")) {
        List<byte[]> msgs = new ArrayList<>();
        for (JsonNode m : b.path("messages")) {
          msgs.add(b64.decode(m.asText()));
        }
        blocks.add(
            new Block(
                Address.parse(b.required("miner_addr").asText()),
                b.required("win_count").asLong(),
                msgs));
      }
      tipsets.add(
          new Tipset(t.path("epoch_offset").asLong(0), bigOrNull(t.get("basefee")), blocks));
    }
    JsonNode post = v.required("postconditions");
    List<Receipt> receipts = new ArrayList<>();
    for (JsonNode r : post.path("receipts")) {
      String ret = r.path("return").asText("");
      receipts.add(
          new Receipt(
              r.required("exit_code").asLong(), b64.decode(ret), r.required("gas_used").asLong()));
    }
    List<Cid> receiptsRoots = new ArrayList<>();
    for (JsonNode r : post.path("receipts_roots")) {
      receiptsRoots.add(Cid.parse(r.required("/").asText()));
    }
    JsonNode sel = v.path("selector");
    boolean chaos = "true".equals(sel.path("chaos_actor").asText(""));
    JsonNode diag = v.path("diagnostics");
    return new TestVector(
        v.path("_meta").path("id").asText(""),
        v.required("class").asText(),
        chaos,
        b64.decode(v.required("car").asText()),
        variants,
        Cid.parse(pre.required("state_tree").required("root_cid").required("/").asText()),
        bigOrNull(pre.get("basefee")),
        bigOrNull(pre.get("circ_supply")),
        messages,
        tipsets,
        Cid.parse(post.required("state_tree").required("root_cid").required("/").asText()),
        receipts,
        receiptsRoots,
        diag.isMissingNode() ? null : diag.path("data").asText(null));
  }

  private static BigInteger bigOrNull(JsonNode n) {
    if (n == null || n.isNull()) {
      return null;
    }
    return n.isNumber() ? n.bigIntegerValue() : new BigInteger(n.asText());
  }
}
