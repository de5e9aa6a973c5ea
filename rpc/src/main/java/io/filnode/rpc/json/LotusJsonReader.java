package io.filnode.rpc.json;

import static io.filnode.rpc.json.JsonValues.bigInt;
import static io.filnode.rpc.json.JsonValues.bytes;
import static io.filnode.rpc.json.JsonValues.cids;
import static io.filnode.rpc.json.JsonValues.describe;
import static io.filnode.rpc.json.JsonValues.field;
import static io.filnode.rpc.json.JsonValues.int64;
import static io.filnode.rpc.json.JsonValues.object;
import static io.filnode.rpc.json.JsonValues.optional;
import static io.filnode.rpc.json.JsonValues.required;
import static io.filnode.rpc.json.JsonValues.uint64;

import com.fasterxml.jackson.databind.JsonNode;
import io.filnode.chain.address.Address;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.types.BeaconEntry;
import io.filnode.chain.types.BlockHeader;
import io.filnode.chain.types.BlockMsg;
import io.filnode.chain.types.ElectionProof;
import io.filnode.chain.types.MessageReceipt;
import io.filnode.chain.types.MsgMeta;
import io.filnode.chain.types.PoStProof;
import io.filnode.chain.types.Signature;
import io.filnode.chain.types.SignatureType;
import io.filnode.chain.types.SignedMessage;
import io.filnode.chain.types.Ticket;
import io.filnode.chain.types.TipSet;
import io.filnode.chain.types.TipSetKey;
import io.filnode.chain.types.TokenAmount;
import io.filnode.chain.types.UnsignedMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the chain types from Lotus JSON trees, as Lotus v1.10.0's Go types unmarshal them: field
 * names match without regard to case, unknown fields are ignored, and the fields Lotus derives
 * ({@code CID} of messages, {@code Cids} and {@code Height} of a tipset) are checked for their type
 * only. Stricter than Go in one way: a field whose Go zero value is not nil (a number, an address,
 * a big integer, a CID) must be present; fields that Go holds as pointers or slices may be missing
 * or null.
 *
 * <p>Every method takes the path that error messages start with, e.g. {@code "Message"}.
 */
public final class LotusJsonReader {
  private LotusJsonReader() {}

  public static TokenAmount tokenAmount(JsonNode node, String path) throws LotusJsonException {
    return TokenAmount.ofAtto(bigInt(node, path));
  }

  /** An address string with either network prefix. */
  public static Address address(JsonNode node, String path) throws LotusJsonException {
    return JsonValues.address(node, path);
  }

  /** {@code {"/": "bafy..."}}. */
  public static Cid cid(JsonNode node, String path) throws LotusJsonException {
    return JsonValues.cid(node, path);
  }

  /** {@code {"Type": 1|2, "Data": base64}}. */
  public static Signature signature(JsonNode node, String path) throws LotusJsonException {
    JsonNode o = object(node, path);
    String typePath = path + ".Type";
    long code = int64(required(o, "Type", path), typePath);
    SignatureType type = code >= 0 && code <= 0xFF ? SignatureType.ofCode((int) code) : null;
    if (type == null) {
      throw new LotusJsonException(typePath, "unknown signature type " + code);
    }
    byte[] data = bytes(field(o, "Data"), path + ".Data");
    if (data.length + 1 > Signature.MAX_LENGTH) {
      throw new LotusJsonException(
          path + ".Data", "signature longer than " + (Signature.MAX_LENGTH - 1) + " bytes");
    }
    return new Signature(type, data);
  }

  public static UnsignedMessage message(JsonNode node, String path) throws LotusJsonException {
    JsonNode o = object(node, path);
    return new UnsignedMessage(
        uint64(required(o, "Version", path), path + ".Version"),
        address(required(o, "To", path), path + ".To"),
        address(required(o, "From", path), path + ".From"),
        uint64(required(o, "Nonce", path), path + ".Nonce"),
        tokenAmount(required(o, "Value", path), path + ".Value"),
        int64(required(o, "GasLimit", path), path + ".GasLimit"),
        tokenAmount(required(o, "GasFeeCap", path), path + ".GasFeeCap"),
        tokenAmount(required(o, "GasPremium", path), path + ".GasPremium"),
        uint64(required(o, "Method", path), path + ".Method"),
        bytes(field(o, "Params"), path + ".Params"));
  }

  public static SignedMessage signedMessage(JsonNode node, String path) throws LotusJsonException {
    JsonNode o = object(node, path);
    return new SignedMessage(
        message(required(o, "Message", path), path + ".Message"),
        signature(required(o, "Signature", path), path + ".Signature"));
  }

  public static Ticket ticket(JsonNode node, String path) throws LotusJsonException {
    JsonNode o = object(node, path);
    return new Ticket(bytes(field(o, "VRFProof"), path + ".VRFProof"));
  }

  public static ElectionProof electionProof(JsonNode node, String path) throws LotusJsonException {
    JsonNode o = object(node, path);
    return new ElectionProof(
        int64(required(o, "WinCount", path), path + ".WinCount"),
        bytes(field(o, "VRFProof"), path + ".VRFProof"));
  }

  public static BeaconEntry beaconEntry(JsonNode node, String path) throws LotusJsonException {
    JsonNode o = object(node, path);
    return new BeaconEntry(
        uint64(required(o, "Round", path), path + ".Round"),
        bytes(field(o, "Data"), path + ".Data"));
  }

  public static PoStProof postProof(JsonNode node, String path) throws LotusJsonException {
    JsonNode o = object(node, path);
    return new PoStProof(
        int64(required(o, "PoStProof", path), path + ".PoStProof"),
        bytes(field(o, "ProofBytes"), path + ".ProofBytes"));
  }

  public static BlockHeader blockHeader(JsonNode node, String path) throws LotusJsonException {
    JsonNode o = object(node, path);
    JsonNode ticket = optional(o, "Ticket");
    JsonNode election = optional(o, "ElectionProof");
    JsonNode bls = optional(o, "BLSAggregate");
    JsonNode sig = optional(o, "BlockSig");
    return new BlockHeader(
        address(required(o, "Miner", path), path + ".Miner"),
        ticket == null ? null : ticket(ticket, path + ".Ticket"),
        election == null ? null : electionProof(election, path + ".ElectionProof"),
        list(optional(o, "BeaconEntries"), path + ".BeaconEntries", LotusJsonReader::beaconEntry),
        list(optional(o, "WinPoStProof"), path + ".WinPoStProof", LotusJsonReader::postProof),
        cids(optional(o, "Parents"), path + ".Parents"),
        bigInt(required(o, "ParentWeight", path), path + ".ParentWeight"),
        int64(required(o, "Height", path), path + ".Height"),
        cid(required(o, "ParentStateRoot", path), path + ".ParentStateRoot"),
        cid(required(o, "ParentMessageReceipts", path), path + ".ParentMessageReceipts"),
        cid(required(o, "Messages", path), path + ".Messages"),
        bls == null ? null : signature(bls, path + ".BLSAggregate"),
        uint64(required(o, "Timestamp", path), path + ".Timestamp"),
        sig == null ? null : signature(sig, path + ".BlockSig"),
        uint64(required(o, "ForkSignaling", path), path + ".ForkSignaling"),
        tokenAmount(required(o, "ParentBaseFee", path), path + ".ParentBaseFee"));
  }

  /** A list of CIDs; null is the empty key. */
  public static TipSetKey tipSetKey(JsonNode node, String path) throws LotusJsonException {
    return new TipSetKey(cids(node, path));
  }

  /**
   * As Lotus, the tipset is rebuilt from its blocks (sorted, checked to share height and parents);
   * {@code Cids} and {@code Height} are derived, so only their types are checked.
   */
  public static TipSet tipSet(JsonNode node, String path) throws LotusJsonException {
    JsonNode o = object(node, path);
    cids(optional(o, "Cids"), path + ".Cids");
    JsonNode height = optional(o, "Height");
    if (height != null) {
      int64(height, path + ".Height");
    }
    List<BlockHeader> blocks =
        list(optional(o, "Blocks"), path + ".Blocks", LotusJsonReader::blockHeader);
    try {
      return TipSet.of(blocks);
    } catch (IllegalArgumentException e) {
      throw new LotusJsonException(path + ".Blocks", e.getMessage(), e);
    }
  }

  public static MessageReceipt receipt(JsonNode node, String path) throws LotusJsonException {
    JsonNode o = object(node, path);
    return new MessageReceipt(
        int64(required(o, "ExitCode", path), path + ".ExitCode"),
        bytes(field(o, "Return"), path + ".Return"),
        int64(required(o, "GasUsed", path), path + ".GasUsed"));
  }

  public static MsgMeta msgMeta(JsonNode node, String path) throws LotusJsonException {
    JsonNode o = object(node, path);
    return new MsgMeta(
        cid(required(o, "BlsMessages", path), path + ".BlsMessages"),
        cid(required(o, "SecpkMessages", path), path + ".SecpkMessages"));
  }

  public static BlockMsg blockMsg(JsonNode node, String path) throws LotusJsonException {
    JsonNode o = object(node, path);
    return new BlockMsg(
        blockHeader(required(o, "Header", path), path + ".Header"),
        cids(optional(o, "BlsMessages"), path + ".BlsMessages"),
        cids(optional(o, "SecpkMessages"), path + ".SecpkMessages"));
  }

  /** Reads one element of a list. */
  @FunctionalInterface
  private interface ElementReader<T> {
    T read(JsonNode node, String path) throws LotusJsonException;
  }

  private static <T> List<T> list(JsonNode node, String path, ElementReader<T> element)
      throws LotusJsonException {
    List<T> out = new ArrayList<>();
    if (node == null) {
      return out;
    }
    if (!node.isArray()) {
      throw new LotusJsonException(path, "expected a list, got " + describe(node));
    }
    for (int i = 0; i < node.size(); i++) {
      out.add(element.read(node.get(i), path + "[" + i + "]"));
    }
    return out;
  }
}
