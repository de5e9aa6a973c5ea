package io.filnode.net.pubsub;

import io.filnode.net.identity.PeerId;

/**
 * Application validation for one topic. Runs on the router's thread after the signature check: it
 * must be quick and must not block.
 */
@FunctionalInterface
public interface Validator {
  /**
   * @param source the peer that forwarded the message (our own ID for local publishes)
   */
  ValidationResult validate(PeerId source, Message message);
}
