package io.filnode.rpc.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.filnode.chain.address.Network;
import io.filnode.chain.testing.SharedData;
import io.filnode.chain.types.BeaconEntry;
import io.filnode.chain.types.BlockHeader;
import io.filnode.chain.types.BlockMsg;
import io.filnode.chain.types.ElectionProof;
import io.filnode.chain.types.MessageReceipt;
import io.filnode.chain.types.MsgMeta;
import io.filnode.chain.types.PoStProof;
import io.filnode.chain.types.Signature;
import io.filnode.chain.types.SignedMessage;
import io.filnode.chain.types.Ticket;
import io.filnode.chain.types.TipSet;
import io.filnode.chain.types.TipSetKey;
import io.filnode.chain.types.UnsignedMessage;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Lotus's own API examples (the params and results Lotus v1.10.0 documents for every method): every
 * value whose shape is one of our types, wherever it sits, must read and print back unchanged.
 */
class LotusJsonApiExamplesTest {
  /** Lotus's examples use mainnet addresses. */
  private static final ObjectMapper JSON = LotusJson.objectMapper(Network.MAINNET);

  /** Our types by the exact key set of their Lotus JSON. */
  private static final Map<Set<String>, Class<?>> SHAPES = new LinkedHashMap<>();

  static {
    SHAPES.put(
        Set.of(
            "Version",
            "To",
            "From",
            "Nonce",
            "Value",
            "GasLimit",
            "GasFeeCap",
            "GasPremium",
            "Method",
            "Params",
            "CID"),
        UnsignedMessage.class);
    SHAPES.put(Set.of("Message", "Signature", "CID"), SignedMessage.class);
    SHAPES.put(
        Set.of(
            "Miner",
            "Ticket",
            "ElectionProof",
            "BeaconEntries",
            "WinPoStProof",
            "Parents",
            "ParentWeight",
            "Height",
            "ParentStateRoot",
            "ParentMessageReceipts",
            "Messages",
            "BLSAggregate",
            "Timestamp",
            "BlockSig",
            "ForkSignaling",
            "ParentBaseFee"),
        BlockHeader.class);
    SHAPES.put(Set.of("Cids", "Blocks", "Height"), TipSet.class);
    SHAPES.put(Set.of("ExitCode", "Return", "GasUsed"), MessageReceipt.class);
    SHAPES.put(Set.of("Type", "Data"), Signature.class);
    SHAPES.put(Set.of("VRFProof"), Ticket.class);
    SHAPES.put(Set.of("WinCount", "VRFProof"), ElectionProof.class);
    SHAPES.put(Set.of("Round", "Data"), BeaconEntry.class);
    SHAPES.put(Set.of("PoStProof", "ProofBytes"), PoStProof.class);
    SHAPES.put(Set.of("BlsMessages", "SecpkMessages"), MsgMeta.class);
    SHAPES.put(Set.of("Header", "BlsMessages", "SecpkMessages"), BlockMsg.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"lotus-v1.10.0-api-v1.json", "lotus-v1.10.0-api-v0.json"})
  void everyExampleOfOurTypesRoundTrips(String file) throws Exception {
    JsonNode api = JSON.readTree(SharedData.require("rpc/" + file).toFile());
    Map<String, Integer> checked = new TreeMap<>();
    List<String> rejected = new ArrayList<>();
    for (JsonNode method : api.get("methods")) {
      String name = method.get("name").textValue();
      visit(method.get("params"), name + ".params", checked, rejected);
      visit(method.get("result"), name + ".result", checked, rejected);
    }

    // Lotus documents its zero TipSet ({"Cids": null, "Blocks": null, "Height": 0}) for the
    // ChainHead family; Lotus itself cannot read it back (NewTipSet refuses zero blocks).
    assertThat(rejected).allMatch(path -> path.endsWith(".result")).hasSize(4);
    for (Map.Entry<String, Integer> e :
        Map.of(
                "UnsignedMessage",
                17,
                "SignedMessage",
                5,
                "BlockHeader",
                4,
                "MessageReceipt",
                6,
                "Signature",
                20,
                "Ticket",
                5,
                "ElectionProof",
                5,
                "BeaconEntry",
                2,
                "BlockMsg",
                2,
                "TipSetKey",
                20)
            .entrySet()) {
      assertThat(checked.getOrDefault(e.getKey(), 0))
          .as(e.getKey())
          .isGreaterThanOrEqualTo(e.getValue());
    }
    int total = checked.values().stream().mapToInt(Integer::intValue).sum();
    System.out.println(file + ": " + total + " examples round-tripped " + checked);
    assertThat(total).isGreaterThanOrEqualTo(100);
  }

  private static void visit(
      JsonNode node, String path, Map<String, Integer> checked, List<String> rejected)
      throws Exception {
    if (node == null) {
      return;
    }
    if (node.isObject()) {
      Set<String> keys = new java.util.HashSet<>();
      node.fieldNames().forEachRemaining(keys::add);
      Class<?> type = SHAPES.get(keys);
      if (type == TipSet.class && node.get("Blocks").isNull()) {
        assertThatThrownBy(() -> JSON.treeToValue(node, TipSet.class))
            .isInstanceOf(LotusJsonException.class)
            .hasMessageContaining("TipSet.Blocks");
        rejected.add(path);
      } else if (type != null) {
        roundTrip(node, type, path);
        checked.merge(type.getSimpleName(), 1, Integer::sum);
      }
      Iterator<Map.Entry<String, JsonNode>> it = node.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        visit(e.getValue(), path + "." + e.getKey(), checked, rejected);
      }
    } else if (node.isArray()) {
      if (isCidList(node)) {
        roundTrip(node, TipSetKey.class, path);
        checked.merge("TipSetKey", 1, Integer::sum);
      }
      for (int i = 0; i < node.size(); i++) {
        visit(node.get(i), path + "[" + i + "]", checked, rejected);
      }
    }
  }

  private static boolean isCidList(JsonNode node) {
    if (node.isEmpty()) {
      return false;
    }
    for (JsonNode e : node) {
      if (!e.isObject() || e.size() != 1 || !e.has("/")) {
        return false;
      }
    }
    return true;
  }

  private static void roundTrip(JsonNode node, Class<?> type, String path) throws Exception {
    Object value = JSON.treeToValue(node, type);
    // compared as compact text: field order counts, and numbers compare by their digits
    assertThat(JSON.writeValueAsString(value)).as(path).isEqualTo(node.toString());
  }
}
