package io.filnode.node.devnet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.filnode.rpc.client.HttpRpcClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGKILLs a mining devnet at random moments while a client pushes messages, {@value #KILLS} times,
 * and checks every restart: the head is a complete tipset at least as high as any head the API
 * announced before the kill, and every message the node accepted is still pending or on chain. At
 * the end, every accepted message gets included.
 *
 * <p>The property {@code filnode.devnet.kills} raises the count for a longer run.
 */
class DevnetCrashIT {
  private static final int KILLS = Integer.getInteger("filnode.devnet.kills", 20);
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final long NO_LIMIT = -1;

  @TempDir Path tmp;

  @Test
  void restartsOnACompleteHeadWithItsAnnouncedBlocksAndPendingMessages() throws Exception {
    Path repo = tmp.resolve("repo");
    Random random = new Random(); // random moments; the seed is printed to replay a failure
    long seed = random.nextLong();
    random.setSeed(seed);
    System.out.println("DevnetCrashIT seed " + seed);

    Set<String> accepted = ConcurrentHashMap.newKeySet();
    long announced = 0;
    String from = null;
    String to = null;
    for (int round = 0; round <= KILLS; round++) {
      DevnetProcess devnet = DevnetProcess.start(repo, tmp);
      try (HttpRpcClient api = devnet.admin()) {
        String context = "round " + round + " (seed " + seed + ")";
        if (round == 0) {
          from = api.call("Filecoin.WalletDefaultAddress", String.class);
          to = api.call("Filecoin.WalletNew", String.class, "secp256k1");
        } else {
          checkHead(api, announced, context);
          checkAccepted(api, accepted, context);
        }
        if (round == KILLS) {
          waitAllIncluded(api, accepted, devnet);
          api.call("Filecoin.Shutdown", JsonNode.class);
          assertThat(devnet.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
          assertThat(devnet.process().exitValue()).isZero();
          break;
        }
        announced = Math.max(announced, runAndKill(devnet, api, from, to, accepted, random));
      } finally {
        devnet.kill();
      }
    }
  }

  /**
   * Pushes messages and watches the head for a random time (0.2–2.5 s), then SIGKILLs; returns the
   * highest head height the API answered before the kill.
   */
  private static long runAndKill(
      DevnetProcess devnet,
      HttpRpcClient api,
      String from,
      String to,
      Set<String> accepted,
      Random random)
      throws Exception {
    AtomicBoolean stop = new AtomicBoolean();
    AtomicLong highest = new AtomicLong(DevnetProcess.headHeight(api));
    Thread pusher =
        new Thread(
            () -> {
              while (!stop.get()) {
                try {
                  JsonNode signed =
                      api.call("Filecoin.MpoolPushMessage", JsonNode.class, send(from, to), null);
                  accepted.add(signed.get("CID").get("/").asText());
                  highest.accumulateAndGet(DevnetProcess.headHeight(api), Math::max);
                  Thread.sleep(20);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                  return;
                } catch (Exception killed) {
                  return; // the node went away mid-call: nothing was announced by this call
                }
              }
            },
            "pusher");
    pusher.start();
    Thread.sleep(200 + random.nextInt(2300));
    stop.set(true);
    devnet.kill();
    pusher.join(TimeUnit.SECONDS.toMillis(130));
    return highest.get();
  }

  /**
   * The head is a whole tipset whose state and messages are readable, and not below {@code min}.
   */
  private static void checkHead(HttpRpcClient api, long min, String context) throws Exception {
    JsonNode head = api.call("Filecoin.ChainHead", JsonNode.class);
    assertThat(head.get("Height").asLong()).as(context).isGreaterThanOrEqualTo(min);
    JsonNode key = head.get("Cids");
    JsonNode ts = api.call("Filecoin.ChainGetTipSet", JsonNode.class, key);
    assertThat(ts.get("Cids")).as(context).isEqualTo(key);
    for (JsonNode cid : key) {
      assertThat(api.call("Filecoin.ChainGetBlock", JsonNode.class, cid).get("Height").asLong())
          .as(context)
          .isEqualTo(head.get("Height").asLong());
      api.call("Filecoin.ChainGetBlockMessages", JsonNode.class, cid);
    }
    api.call("Filecoin.StateGetActor", JsonNode.class, "t00", key);
  }

  /**
   * Every accepted message is pending, in the head's blocks, or executed on chain; those executed
   * are dropped from the set.
   */
  private static void checkAccepted(HttpRpcClient api, Set<String> accepted, String context)
      throws Exception {
    Set<String> pending = new HashSet<>();
    for (JsonNode s : api.call("Filecoin.MpoolPending", JsonNode.class, NODES.arrayNode())) {
      pending.add(s.get("CID").get("/").asText());
    }
    JsonNode key = api.call("Filecoin.ChainHead", JsonNode.class).get("Cids");
    // messages in the head's own blocks are on chain but not executed yet, so no search finds them
    Set<String> inHead = new HashSet<>();
    for (JsonNode block : key) {
      for (JsonNode c :
          api.call("Filecoin.ChainGetBlockMessages", JsonNode.class, block).get("Cids")) {
        inHead.add(c.get("/").asText());
      }
    }
    List<String> lost = new ArrayList<>();
    for (String cid : new ArrayList<>(accepted)) {
      if (pending.contains(cid) || inHead.contains(cid)) {
        continue;
      }
      JsonNode found =
          api.call("Filecoin.StateSearchMsg", JsonNode.class, key, cidJson(cid), NO_LIMIT, false);
      if (found == null || found.isNull()) {
        lost.add(cid);
      } else {
        accepted.remove(cid);
      }
    }
    assertThat(lost).as("%s: accepted messages neither pending nor on chain", context).isEmpty();
  }

  private static void waitAllIncluded(HttpRpcClient api, Set<String> accepted, DevnetProcess devnet)
      throws Exception {
    for (String cid : accepted) {
      JsonNode lookup =
          api.call("Filecoin.StateWaitMsg", JsonNode.class, cidJson(cid), 1, NO_LIMIT, false);
      assertThat(lookup.get("Receipt").get("ExitCode").asLong())
          .as("%s\n%s", cid, devnet.output())
          .isZero();
    }
  }

  private static ObjectNode send(String from, String to) {
    ObjectNode m = NODES.objectNode();
    m.put("Version", 0).put("To", to).put("From", from).put("Nonce", 0).put("Value", "1000");
    m.put("GasLimit", 0).put("GasFeeCap", "0").put("GasPremium", "0").put("Method", 0);
    m.putNull("Params");
    return m;
  }

  private static ObjectNode cidJson(String cid) {
    return NODES.objectNode().put("/", cid);
  }
}
