package io.filnode.actors.runtime;

/**
 * A built-in actor's code: the VM calls {@link #invoke} for every method number other than 0 (a
 * plain transfer never reaches the actor).
 */
public interface ActorCode {
  /**
   * Runs exported method {@code method} with CBOR {@code params}.
   *
   * @return the CBOR of the return value, or an empty array when the method returns nothing
   * @throws ActorException when the method aborts; {@code SysErrInvalidMethod} for a method the
   *     actor does not export
   */
  byte[] invoke(Runtime rt, long method, byte[] params);
}
