package io.filnode.node.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.types.BlockHeader;
import io.filnode.chain.types.MessageReceipt;
import io.filnode.chain.types.MsgMeta;
import io.filnode.chain.types.SignedMessage;
import io.filnode.chain.types.UnsignedMessage;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The chain types the {@code tool} commands take by name, with their CBOR and JSON decoders. */
enum ChainValueType {
  MESSAGE("message", UnsignedMessage.class, UnsignedMessage::fromCbor),
  SIGNED_MESSAGE("signed-message", SignedMessage.class, SignedMessage::fromCbor),
  BLOCK_HEADER("block-header", BlockHeader.class, BlockHeader::fromCbor),
  RECEIPT("receipt", MessageReceipt.class, MessageReceipt::fromCbor),
  MSG_META("msg-meta", MsgMeta.class, MsgMeta::fromCbor);

  /** Decodes one whole CBOR value. */
  @FunctionalInterface
  private interface CborDecoder {
    CborEncodable decode(byte[] bytes) throws CborException;
  }

  private final String cliName;
  private final Class<? extends CborEncodable> javaType;
  private final CborDecoder decoder;

  ChainValueType(String cliName, Class<? extends CborEncodable> javaType, CborDecoder decoder) {
    this.cliName = cliName;
    this.javaType = javaType;
    this.decoder = decoder;
  }

  static String names() {
    return Arrays.stream(values()).map(t -> t.cliName).collect(Collectors.joining(", "));
  }

  static ChainValueType named(String name) throws ToolCommand.BadInput {
    for (ChainValueType t : values()) {
      if (t.cliName.equals(name)) {
        return t;
      }
    }
    throw new ToolCommand.BadInput("unknown type '" + name + "' (one of " + names() + ")");
  }

  CborEncodable fromCbor(byte[] bytes) throws ToolCommand.BadInput {
    try {
      return decoder.decode(bytes);
    } catch (CborException e) {
      throw new ToolCommand.BadInput("invalid " + cliName + " CBOR: " + e.getMessage(), e);
    }
  }

  CborEncodable fromJson(ObjectMapper mapper, JsonNode json) throws ToolCommand.BadInput {
    try {
      return mapper.treeToValue(json, javaType);
    } catch (JsonProcessingException e) { // our LotusJsonException names the field
      throw new ToolCommand.BadInput("invalid " + cliName + " JSON: " + ToolCommand.describe(e), e);
    }
  }
}
