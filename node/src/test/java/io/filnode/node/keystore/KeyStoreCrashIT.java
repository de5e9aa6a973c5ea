package io.filnode.node.keystore;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A child JVM writing 200 keys is killed with SIGKILL at a random moment, again and again, each run
 * in a fresh keystore; after every kill, each key file present parses and holds exactly the key its
 * name promises. The kill moment adapts to how long a whole run takes on this machine, so a fast
 * machine is killed mid-way as often as a slow one.
 */
class KeyStoreCrashIT {
  private static final int KEYS = 200;
  private static final int KILLS_WANTED = 10;
  private static final int MAX_RUNS = 200;

  @TempDir Path tmp;

  @Test
  void everyKeyPresentAfterAKillIsWhole() throws Exception {
    Random random = new Random(2024);
    int kills = 0;
    int completed = 0;
    int runs = 0;
    long maxWaitMillis = 400;
    while (kills < KILLS_WANTED && runs < MAX_RUNS) {
      runs++;
      Path dir = tmp.resolve("keystore-" + runs);
      Process child =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-cp",
                  System.getProperty("java.class.path"),
                  KeyStoreWriterChild.class.getName(),
                  dir.toString(),
                  Integer.toString(KEYS))
              .redirectError(tmp.resolve("child.err").toFile())
              .start();
      BufferedReader out =
          new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
      assertThat(out.readLine()).as("child start-up").isEqualTo("ready");
      long started = System.nanoTime();
      // the child is writing now: kill it a random moment into the writes
      boolean finished =
          child.waitFor(random.nextInt((int) maxWaitMillis) + 1, TimeUnit.MILLISECONDS);
      if (finished) {
        assertThat(child.exitValue()).as(Files.readString(tmp.resolve("child.err"))).isZero();
        assertThat(checkAll(dir)).isEqualTo(KEYS);
        completed++;
        // it was quicker than our wait: aim the next kills inside its running time
        long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        maxWaitMillis = Math.max(2, Math.min(maxWaitMillis, took * 9 / 10));
      } else {
        child.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no finally blocks
        child.waitFor();
        kills++;
        checkAll(dir);
      }
    }
    assertThat(kills).as("children killed mid-way in %d runs", runs).isEqualTo(KILLS_WANTED);
    System.out.printf(
        "KeyStoreCrashIT: %d runs, %d SIGKILLs, %d complete, every key file whole%n",
        runs, kills, completed);
  }

  /** Opens the keystore as a restarted node would and checks every key; returns how many. */
  private static int checkAll(Path dir) throws Exception {
    if (!Files.exists(dir)) {
      return 0;
    }
    FsKeyStore ks = FsKeyStore.open(dir, Optional.empty());
    List<String> names = ks.list();
    for (String name : names) {
      int i = Integer.parseInt(name.substring("wallet-key-".length()));
      assertThat(ks.get(name)).as(name).isEqualTo(KeyStoreWriterChild.key(i));
    }
    return names.size();
  }
}
