package io.filnode.mpool;

/**
 * A message the pool refused, with the reason as Lotus's messagepool errors name it. Soft reasons
 * (the message may become acceptable later) are told apart for gossip validation, which ignores
 * them instead of penalising the peer.
 */
public class MpoolException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Why a message was refused. */
  public enum Reason {
    MESSAGE_TOO_BIG(false),
    INVALID_MESSAGE(false),
    VALUE_TOO_HIGH(false),
    INVALID_TO_ADDRESS(false),
    GAS_FEE_CAP_TOO_LOW(false),
    BAD_SIGNATURE(false),
    NONCE_TOO_LOW(false),
    NOT_ENOUGH_FUNDS(false),
    REPLACE_BY_FEE_PREMIUM_TOO_LOW(false),
    TOO_MANY_PENDING_MESSAGES(false),
    NONCE_GAP(false),
    SOFT_VALIDATION_FAILURE(true);

    private final boolean soft;

    Reason(boolean soft) {
      this.soft = soft;
    }

    /** True when the message may be accepted later (Lotus's ErrSoftValidationFailure). */
    public boolean isSoft() {
      return soft;
    }
  }

  private final Reason reason;

  public MpoolException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public MpoolException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
