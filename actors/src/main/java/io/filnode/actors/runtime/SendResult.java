package io.filnode.actors.runtime;

import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;

/**
 * The outcome of {@link Runtime#send}: the callee's exit code and, on success, its return value as
 * CBOR bytes (empty when it returned nothing).
 */
public record SendResult(int exitCode, byte[] returnValue) {
  private static final byte[] NONE = new byte[0];

  public SendResult {
    returnValue = returnValue == null ? NONE : returnValue;
  }

  public static SendResult ok(byte[] returnValue) {
    return new SendResult(ExitCode.OK, returnValue);
  }

  public static SendResult failed(int exitCode) {
    return new SendResult(exitCode, NONE);
  }

  public boolean isSuccess() {
    return exitCode == ExitCode.OK;
  }

  /**
   * Aborts with the callee's exit code unless the call succeeded (specs-actors' RequireSuccess).
   */
  public SendResult requireSuccess(String what) {
    if (!isSuccess()) {
      throw new ActorException(exitCode, what);
    }
    return this;
  }

  /**
   * Decodes the return value as Go's typed {@code out} argument of Send does; call it right after a
   * successful send. Trailing bytes are ignored, as cbor-gen does.
   *
   * @throws ActorException with {@code ErrSerialization} when it does not decode
   */
  public <T> T decodeReturn(CborReader.Decoder<T> decoder) {
    requireSuccess("send failed");
    try {
      return decoder.decode(new CborReader(returnValue));
    } catch (CborException e) {
      throw new ActorException(
          ExitCode.ERR_SERIALIZATION, "failed to unmarshal return value: " + e.getMessage(), e);
    }
  }
}
