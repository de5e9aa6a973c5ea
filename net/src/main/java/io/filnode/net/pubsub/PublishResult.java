package io.filnode.net.pubsub;

/**
 * The outcome of a local publish.
 *
 * @param id the message ID
 * @param result the local validation (only ACCEPT is sent)
 * @param recipients peers the message was sent to
 */
public record PublishResult(byte[] id, ValidationResult result, int recipients) {}
