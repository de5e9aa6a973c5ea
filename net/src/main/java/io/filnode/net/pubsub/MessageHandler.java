package io.filnode.net.pubsub;

/** Receives the validated messages of a subscribed topic, on the router's thread (never block). */
@FunctionalInterface
public interface MessageHandler {
  void onMessage(ReceivedMessage message);
}
