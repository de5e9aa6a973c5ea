package io.filnode.actors.builtin;

import io.filnode.actors.runtime.ActorException;
import io.filnode.actors.runtime.ExitCode;
import io.filnode.actors.runtime.Runtime;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;

/** Decoding of method parameters, as Lotus's invoker does before it calls an actor method. */
public final class Params {
  private Params() {}

  /**
   * Decodes {@code params} with {@code decoder}. Trailing bytes are ignored, as cbor-gen's
   * UnmarshalCBOR reads one value from a stream.
   *
   * @throws ActorException with {@code ErrSerialization} (exit code 1 before network version 7, as
   *     Lotus) when they do not decode
   */
  public static <T> T decode(Runtime rt, byte[] params, CborReader.Decoder<T> decoder) {
    try {
      return decoder.decode(new CborReader(params));
    } catch (CborException e) {
      int code = rt.networkVersion() < 7 ? 1 : ExitCode.ERR_SERIALIZATION;
      throw new ActorException(code, "failed to decode parameters: " + e.getMessage(), e);
    }
  }
}
