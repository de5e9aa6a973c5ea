package io.filnode.net.pubsub;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The gossipsub message cache (mcache): messages of the last {@code history} heartbeats, of which
 * the last {@code gossip} are advertised in IHAVE. Also counts how often each message was sent to a
 * peer in answer to IWANT, to cap retransmissions. Not thread-safe (the router's thread owns it).
 */
final class MessageCache {
  private record Entry(MsgId id, String topic) {}

  private final int gossip;
  private final Deque<List<Entry>> windows = new ArrayDeque<>();
  private final Map<MsgId, Message> messages = new HashMap<>();
  private final Map<MsgId, Map<Object, Integer>> transmissions = new HashMap<>();
  private final int history;

  MessageCache(int gossip, int history) {
    this.gossip = gossip;
    this.history = history;
    windows.addFirst(new ArrayList<>());
  }

  void put(MsgId id, Message m) {
    if (messages.putIfAbsent(id, m) == null) {
      windows.peekFirst().add(new Entry(id, m.topic()));
    }
  }

  Message get(MsgId id) {
    return messages.get(id);
  }

  /**
   * The message for an IWANT from {@code peer}, counting the request; null when absent or already
   * sent {@code max} times to that peer.
   */
  Message getForPeer(MsgId id, Object peer, int max) {
    Message m = messages.get(id);
    if (m == null) {
      return null;
    }
    int n = transmissions.computeIfAbsent(id, k -> new HashMap<>()).merge(peer, 1, Integer::sum);
    return n > max ? null : m;
  }

  /** IDs in the gossip windows for {@code topic}, newest first. */
  List<MsgId> gossipIds(String topic) {
    List<MsgId> out = new ArrayList<>();
    int i = 0;
    for (List<Entry> w : windows) {
      if (i++ >= gossip) {
        break;
      }
      for (Entry e : w) {
        if (e.topic.equals(topic)) {
          out.add(e.id);
        }
      }
    }
    return out;
  }

  /** Moves to the next heartbeat window, forgetting the oldest. */
  void shift() {
    if (windows.size() >= history) {
      for (Entry e : windows.removeLast()) {
        messages.remove(e.id);
        transmissions.remove(e.id);
      }
    }
    windows.addFirst(new ArrayList<>());
  }

  int size() {
    return messages.size();
  }
}
