package io.filnode.rpc.json;

import com.fasterxml.jackson.core.JsonGenerator;
import io.filnode.chain.address.Address;
import io.filnode.chain.address.Network;
import io.filnode.chain.cid.Cid;
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
import io.filnode.chain.types.TokenAmount;
import io.filnode.chain.types.UnsignedMessage;
import java.io.IOException;
import java.math.BigInteger;
import java.util.Base64;
import java.util.List;

/**
 * Writes the chain types as Lotus v1.10.0 prints them: Go's field names and order, CIDs as {@code
 * {"/": "..."}}, big integers as decimal strings, uint64 as plain JSON numbers, bytes in padded
 * standard base64, addresses with this writer's network prefix. Empty byte strings and lists print
 * as {@code null}, as a Go value does after a CBOR round trip (cbor-gen leaves them nil), except
 * signature data, which go-state-types slices out of the CBOR bytes and so prints as {@code ""}.
 */
public final class LotusJsonWriter {
  private final Network network;

  public LotusJsonWriter(Network network) {
    if (network == null) {
      throw new IllegalArgumentException("network must not be null");
    }
    this.network = network;
  }

  public Network network() {
    return network;
  }

  /** An element writer for lists. */
  @FunctionalInterface
  private interface ElementWriter<T> {
    void write(JsonGenerator g, T value) throws IOException;
  }

  public void cid(JsonGenerator g, Cid c) throws IOException {
    g.writeStartObject();
    g.writeStringField("/", c.toString());
    g.writeEndObject();
  }

  public void address(JsonGenerator g, Address a) throws IOException {
    g.writeString(a.toString(network));
  }

  public void tokenAmount(JsonGenerator g, TokenAmount t) throws IOException {
    g.writeString(t.toAttoString());
  }

  private static void bigInt(JsonGenerator g, BigInteger v) throws IOException {
    g.writeString(v.toString());
  }

  /** A Go uint64, printed in full: a negative long stands for a value from 2^63 up. */
  private static void uint64(JsonGenerator g, long v) throws IOException {
    if (v >= 0) {
      g.writeNumber(v);
    } else {
      // a BigInteger, not the digits as text: token buffers would re-read text as a double
      g.writeNumber(new BigInteger(Long.toUnsignedString(v)));
    }
  }

  /** A Go byte slice that cbor-gen decodes as nil when empty. */
  private static void bytesOrNull(JsonGenerator g, byte[] b) throws IOException {
    if (b.length == 0) {
      g.writeNull();
    } else {
      g.writeString(Base64.getEncoder().encodeToString(b));
    }
  }

  /** A Go slice that cbor-gen decodes as nil when empty. */
  private static <T> void listOrNull(JsonGenerator g, List<T> items, ElementWriter<T> element)
      throws IOException {
    if (items.isEmpty()) {
      g.writeNull();
      return;
    }
    g.writeStartArray();
    for (T item : items) {
      element.write(g, item);
    }
    g.writeEndArray();
  }

  public void signature(JsonGenerator g, Signature s) throws IOException {
    g.writeStartObject();
    g.writeNumberField("Type", s.type().code());
    g.writeStringField("Data", Base64.getEncoder().encodeToString(s.data()));
    g.writeEndObject();
  }

  private void signatureOrNull(JsonGenerator g, Signature s) throws IOException {
    if (s == null) {
      g.writeNull();
    } else {
      signature(g, s);
    }
  }

  /** Lotus v1.10.0 adds the message's {@code CID} after the ten fields. */
  public void message(JsonGenerator g, UnsignedMessage m) throws IOException {
    g.writeStartObject();
    g.writeFieldName("Version");
    uint64(g, m.version());
    g.writeFieldName("To");
    address(g, m.to());
    g.writeFieldName("From");
    address(g, m.from());
    g.writeFieldName("Nonce");
    uint64(g, m.nonce());
    g.writeFieldName("Value");
    tokenAmount(g, m.value());
    g.writeNumberField("GasLimit", m.gasLimit());
    g.writeFieldName("GasFeeCap");
    tokenAmount(g, m.gasFeeCap());
    g.writeFieldName("GasPremium");
    tokenAmount(g, m.gasPremium());
    g.writeFieldName("Method");
    uint64(g, m.method());
    g.writeFieldName("Params");
    bytesOrNull(g, m.params());
    g.writeFieldName("CID");
    cid(g, m.cid());
    g.writeEndObject();
  }

  /** Message, Signature and the signed message's {@code CID} (the message's for BLS). */
  public void signedMessage(JsonGenerator g, SignedMessage m) throws IOException {
    g.writeStartObject();
    g.writeFieldName("Message");
    message(g, m.message());
    g.writeFieldName("Signature");
    signature(g, m.signature());
    g.writeFieldName("CID");
    cid(g, m.cid());
    g.writeEndObject();
  }

  public void ticket(JsonGenerator g, Ticket t) throws IOException {
    g.writeStartObject();
    g.writeFieldName("VRFProof");
    bytesOrNull(g, t.vrfProof());
    g.writeEndObject();
  }

  public void electionProof(JsonGenerator g, ElectionProof e) throws IOException {
    g.writeStartObject();
    g.writeNumberField("WinCount", e.winCount());
    g.writeFieldName("VRFProof");
    bytesOrNull(g, e.vrfProof());
    g.writeEndObject();
  }

  public void beaconEntry(JsonGenerator g, BeaconEntry b) throws IOException {
    g.writeStartObject();
    g.writeFieldName("Round");
    uint64(g, b.round());
    g.writeFieldName("Data");
    bytesOrNull(g, b.data());
    g.writeEndObject();
  }

  public void postProof(JsonGenerator g, PoStProof p) throws IOException {
    g.writeStartObject();
    g.writeNumberField("PoStProof", p.postProof());
    g.writeFieldName("ProofBytes");
    bytesOrNull(g, p.proofBytes());
    g.writeEndObject();
  }

  public void blockHeader(JsonGenerator g, BlockHeader h) throws IOException {
    g.writeStartObject();
    g.writeFieldName("Miner");
    address(g, h.miner());
    g.writeFieldName("Ticket");
    if (h.ticket() == null) {
      g.writeNull();
    } else {
      ticket(g, h.ticket());
    }
    g.writeFieldName("ElectionProof");
    if (h.electionProof() == null) {
      g.writeNull();
    } else {
      electionProof(g, h.electionProof());
    }
    g.writeFieldName("BeaconEntries");
    listOrNull(g, h.beaconEntries(), this::beaconEntry);
    g.writeFieldName("WinPoStProof");
    listOrNull(g, h.winPoStProof(), this::postProof);
    g.writeFieldName("Parents");
    listOrNull(g, h.parents(), this::cid);
    g.writeFieldName("ParentWeight");
    bigInt(g, h.parentWeight());
    g.writeNumberField("Height", h.height());
    g.writeFieldName("ParentStateRoot");
    cid(g, h.parentStateRoot());
    g.writeFieldName("ParentMessageReceipts");
    cid(g, h.parentMessageReceipts());
    g.writeFieldName("Messages");
    cid(g, h.messages());
    g.writeFieldName("BLSAggregate");
    signatureOrNull(g, h.blsAggregate());
    g.writeFieldName("Timestamp");
    uint64(g, h.timestamp());
    g.writeFieldName("BlockSig");
    signatureOrNull(g, h.blockSig());
    g.writeFieldName("ForkSignaling");
    uint64(g, h.forkSignaling());
    g.writeFieldName("ParentBaseFee");
    tokenAmount(g, h.parentBaseFee());
    g.writeEndObject();
  }

  /** A list of CIDs; the empty key prints as {@code []} (Lotus builds a non-nil empty slice). */
  public void tipSetKey(JsonGenerator g, TipSetKey k) throws IOException {
    g.writeStartArray();
    for (Cid c : k.cids()) {
      cid(g, c);
    }
    g.writeEndArray();
  }

  public void tipSet(JsonGenerator g, TipSet ts) throws IOException {
    g.writeStartObject();
    g.writeFieldName("Cids");
    tipSetKey(g, ts.key());
    g.writeArrayFieldStart("Blocks");
    for (BlockHeader h : ts.blocks()) {
      blockHeader(g, h);
    }
    g.writeEndArray();
    g.writeNumberField("Height", ts.height());
    g.writeEndObject();
  }

  public void receipt(JsonGenerator g, MessageReceipt r) throws IOException {
    g.writeStartObject();
    g.writeNumberField("ExitCode", r.exitCode());
    g.writeFieldName("Return");
    bytesOrNull(g, r.returnValue());
    g.writeNumberField("GasUsed", r.gasUsed());
    g.writeEndObject();
  }

  public void msgMeta(JsonGenerator g, MsgMeta m) throws IOException {
    g.writeStartObject();
    g.writeFieldName("BlsMessages");
    cid(g, m.blsMessages());
    g.writeFieldName("SecpkMessages");
    cid(g, m.secpkMessages());
    g.writeEndObject();
  }

  public void blockMsg(JsonGenerator g, BlockMsg b) throws IOException {
    g.writeStartObject();
    g.writeFieldName("Header");
    blockHeader(g, b.header());
    g.writeFieldName("BlsMessages");
    listOrNull(g, b.blsMessages(), this::cid);
    g.writeFieldName("SecpkMessages");
    listOrNull(g, b.secpkMessages(), this::cid);
    g.writeEndObject();
  }
}
