package io.filnode.net.pubsub;

import io.filnode.net.identity.PeerId;

/**
 * A validated message handed to subscribers.
 *
 * @param id the message ID (as the router's ID function computed it)
 * @param from the author (signer)
 * @param source the peer it came from (equal to our own ID for local publishes)
 */
public record ReceivedMessage(byte[] id, PeerId from, PeerId source, Message message) {
  public String topic() {
    return message.topic();
  }

  public byte[] data() {
    return message.data();
  }
}
