package io.filnode.rpc.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
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

/**
 * Lotus JSON for Jackson: {@link #module(Network)} registers a serializer and a deserializer for
 * each chain type (and for {@link Cid}, {@link Address}, {@link TokenAmount}), and {@link
 * #objectMapper(Network)} builds a mapper configured as Go's {@code encoding/json} behaves.
 *
 * <pre>{@code
 * ObjectMapper json = LotusJson.objectMapper(Network.MAINNET);
 * String text = json.writeValueAsString(signedMessage);
 * SignedMessage back = json.readValue(text, SignedMessage.class);
 * }</pre>
 *
 * Decoding failures are {@link LotusJsonException}s naming the field. A JSON {@code null} reads as
 * Java {@code null}, as Go leaves a nil pointer.
 */
public final class LotusJson {
  private LotusJson() {}

  /** The module for a network: addresses print with its prefix and read with either. */
  public static Module module(Network network) {
    LotusJsonWriter w = new LotusJsonWriter(network);
    SimpleModule m = new SimpleModule("LotusJson-" + network);
    add(m, Cid.class, "CID", w::cid, LotusJsonReader::cid);
    add(m, Address.class, "Address", w::address, LotusJsonReader::address);
    add(m, TokenAmount.class, "TokenAmount", w::tokenAmount, LotusJsonReader::tokenAmount);
    add(m, Signature.class, "Signature", w::signature, LotusJsonReader::signature);
    add(m, UnsignedMessage.class, "Message", w::message, LotusJsonReader::message);
    add(m, SignedMessage.class, "SignedMessage", w::signedMessage, LotusJsonReader::signedMessage);
    add(m, Ticket.class, "Ticket", w::ticket, LotusJsonReader::ticket);
    add(m, ElectionProof.class, "ElectionProof", w::electionProof, LotusJsonReader::electionProof);
    add(m, BeaconEntry.class, "BeaconEntry", w::beaconEntry, LotusJsonReader::beaconEntry);
    add(m, PoStProof.class, "PoStProof", w::postProof, LotusJsonReader::postProof);
    add(m, BlockHeader.class, "BlockHeader", w::blockHeader, LotusJsonReader::blockHeader);
    add(m, TipSetKey.class, "TipSetKey", w::tipSetKey, LotusJsonReader::tipSetKey);
    add(m, TipSet.class, "TipSet", w::tipSet, LotusJsonReader::tipSet);
    add(m, MessageReceipt.class, "MessageReceipt", w::receipt, LotusJsonReader::receipt);
    add(m, MsgMeta.class, "MsgMeta", w::msgMeta, LotusJsonReader::msgMeta);
    add(m, BlockMsg.class, "BlockMsg", w::blockMsg, LotusJsonReader::blockMsg);
    return m;
  }

  /**
   * A mapper with {@link #module(Network)}; like Go it ignores unknown properties of other beans,
   * and unlike Jackson's default it rejects trailing content after the value.
   */
  public static ObjectMapper objectMapper(Network network) {
    return new ObjectMapper()
        .registerModule(module(network))
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  }

  /** The mainnet mapper ({@code f} addresses). */
  public static ObjectMapper objectMapper() {
    return objectMapper(Network.MAINNET);
  }

  /** Writes one value. */
  @FunctionalInterface
  private interface Writer<T> {
    void write(JsonGenerator g, T value) throws IOException;
  }

  /** Reads one value from a tree, naming {@code path} in errors. */
  @FunctionalInterface
  private interface Reader<T> {
    T read(JsonNode node, String path) throws LotusJsonException;
  }

  private static <T> void add(
      SimpleModule m, Class<T> type, String name, Writer<T> writer, Reader<T> reader) {
    m.addSerializer(type, new Serializer<>(type, writer));
    m.addDeserializer(type, new Deserializer<>(type, name, reader));
  }

  private static final class Serializer<T> extends StdSerializer<T> {
    private static final long serialVersionUID = 1L;
    private final transient Writer<T> writer;

    Serializer(Class<T> type, Writer<T> writer) {
      super(type);
      this.writer = writer;
    }

    @Override
    public void serialize(T value, JsonGenerator g, SerializerProvider provider)
        throws IOException {
      writer.write(g, value);
    }
  }

  private static final class Deserializer<T> extends StdDeserializer<T> {
    private static final long serialVersionUID = 1L;
    private final String name;
    private final transient Reader<T> reader;

    Deserializer(Class<T> type, String name, Reader<T> reader) {
      super(type);
      this.name = name;
      this.reader = reader;
    }

    @Override
    public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      return reader.read(ctxt.readTree(p), name);
    }
  }
}
