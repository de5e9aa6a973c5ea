package io.filnode.node.miner;

import io.filnode.chain.types.SignedMessage;
import io.filnode.chain.types.TipSet;
import java.util.List;

/** Where block producers get their messages (the message pool's selection on the base tipset). */
@FunctionalInterface
public interface MessageSource {
  /** The messages to include in a block on top of {@code base}, in the order to include them. */
  List<SignedMessage> select(TipSet base);

  /** A source with no messages: blocks carry none. */
  static MessageSource none() {
    return base -> List.of();
  }
}
