package io.filnode.node.miner;

import java.util.ArrayList;
import java.util.List;

/** A clock that jumps to whatever time the loop waits for, recording each wait. */
final class FakeClock implements MiningLoop.Clock {
  private final List<Long> waits = new ArrayList<>();
  private long now;

  FakeClock(long startMillis) {
    this.now = startMillis;
  }

  @Override
  public synchronized long nowMillis() {
    return now;
  }

  @Override
  public void sleepUntil(long epochMillis) throws InterruptedException {
    synchronized (this) {
      waits.add(epochMillis);
      now = Math.max(now, epochMillis);
      notifyAll();
    }
    Thread.sleep(1); // let close() find the loop waiting, as it would with a real clock
  }

  /** Blocks until the loop has waited {@code n} times; returns the waits so far. */
  synchronized List<Long> awaitWaits(int n) throws InterruptedException {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (waits.size() < n) {
      long left = (deadline - System.nanoTime()) / 1_000_000;
      if (left <= 0) {
        throw new AssertionError("the loop waited only " + waits.size() + " times");
      }
      wait(left);
    }
    return List.copyOf(waits);
  }
}
