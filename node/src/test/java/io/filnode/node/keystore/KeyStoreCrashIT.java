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
 * A child JVM writing 500 keys is killed with SIGKILL at random points, again and again; after
 * every kill, each key file present parses and holds exactly the key its name promises.
 */
class KeyStoreCrashIT {
  // enough keys that the child outlives several of the random waits below on a fast disk
  private static final int KEYS = 500;

  @TempDir Path tmp;

  @Test
  void everyKeyPresentAfterAKillIsWhole() throws Exception {
    Path dir = tmp.resolve("keystore");
    Random random = new Random(2024);
    int kills = 0;
    int rounds = 0;
    while (rounds < 100) {
      rounds++;
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
      // the child is writing now: kill it a random moment into the writes
      boolean finished = child.waitFor(random.nextInt(400), TimeUnit.MILLISECONDS);
      if (!finished) {
        child.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no finally blocks
        child.waitFor();
        kills++;
      }
      int present = checkAll(dir);
      if (finished) {
        assertThat(child.exitValue()).as(Files.readString(tmp.resolve("child.err"))).isZero();
        assertThat(present).isEqualTo(KEYS);
        break;
      }
    }
    assertThat(kills).as("the child was killed mid-way at least a few times").isGreaterThan(2);
    assertThat(checkAll(dir)).isEqualTo(KEYS);
    System.out.printf(
        "KeyStoreCrashIT: %d runs, %d SIGKILLs, every key file whole%n", rounds, kills);
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
