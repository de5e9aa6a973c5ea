package io.filnode.net.pubsub;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/** Message IDs seen within a time-to-live, expiring in arrival order. Not thread-safe. */
final class SeenCache {
  private record Seen(MsgId id, long expiry) {}

  private final long ttlMillis;
  private final Map<MsgId, Long> expiries = new HashMap<>();
  private final Deque<Seen> order = new ArrayDeque<>();

  SeenCache(long ttlMillis) {
    this.ttlMillis = ttlMillis;
  }

  /** Records {@code id}; false when it was already seen. */
  boolean add(MsgId id, long now) {
    if (expiries.containsKey(id)) {
      return false;
    }
    long exp = now + ttlMillis;
    expiries.put(id, exp);
    order.addLast(new Seen(id, exp));
    return true;
  }

  boolean contains(MsgId id) {
    return expiries.containsKey(id);
  }

  void expire(long now) {
    while (!order.isEmpty() && order.peekFirst().expiry <= now) {
      expiries.remove(order.removeFirst().id);
    }
  }

  int size() {
    return expiries.size();
  }
}
