package io.filnode.rpc.json;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * Lotus JSON that does not describe a valid chain value: a wrong type, a missing field, bad base64,
 * an invalid CID or address. The message starts with the path of the offending field ({@code
 * SignedMessage.Message.To: ...}). A Jackson exception, so it passes through an {@code
 * ObjectMapper} unchanged.
 */
public final class LotusJsonException extends JsonProcessingException {
  private static final long serialVersionUID = 1L;

  public LotusJsonException(String path, String problem) {
    super(path + ": " + problem);
  }

  public LotusJsonException(String path, String problem, Throwable cause) {
    super(path + ": " + problem, cause);
  }
}
