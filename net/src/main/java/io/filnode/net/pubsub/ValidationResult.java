package io.filnode.net.pubsub;

/**
 * What a validator decides: ACCEPT delivers and forwards; IGNORE drops without penalty; REJECT
 * drops and counts as an invalid message delivery (P4) against the peer that sent it.
 */
public enum ValidationResult {
  ACCEPT,
  IGNORE,
  REJECT
}
