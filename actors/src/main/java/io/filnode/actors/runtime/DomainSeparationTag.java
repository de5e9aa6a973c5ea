package io.filnode.actors.runtime;

/**
 * Domain separation tags of randomness draws, as go-state-types {@code crypto}; the numeric values
 * enter the randomness hash.
 */
public enum DomainSeparationTag {
  TICKET_PRODUCTION(1),
  ELECTION_PROOF_PRODUCTION(2),
  WINNING_POST_CHALLENGE_SEED(3),
  WINDOWED_POST_CHALLENGE_SEED(4),
  SEAL_RANDOMNESS(5),
  INTERACTIVE_SEAL_CHALLENGE_SEED(6),
  WINDOWED_POST_DEADLINE_ASSIGNMENT(7),
  MARKET_DEAL_CRON_SEED(8),
  POST_CHAIN_COMMIT(9);

  private final long value;

  DomainSeparationTag(long value) {
    this.value = value;
  }

  /** The tag's number, hashed into the draw as a big-endian int64. */
  public long value() {
    return value;
  }
}
