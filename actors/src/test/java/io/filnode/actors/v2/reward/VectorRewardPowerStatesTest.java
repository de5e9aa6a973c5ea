package io.filnode.actors.v2.reward;

import static org.assertj.core.api.Assertions.assertThat;

import io.filnode.actors.builtin.Builtin;
import io.filnode.actors.util.adt.AdtMap;
import io.filnode.actors.util.adt.Multimap;
import io.filnode.actors.util.smoothing.AlphaBetaFilter;
import io.filnode.actors.v2.power.Claim;
import io.filnode.actors.v2.power.CronEvent;
import io.filnode.actors.v2.power.PowerState;
import io.filnode.chain.amt.AmtOptions;
import io.filnode.chain.blockstore.IpldStore;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.state.BuiltinActors;
import io.filnode.chain.state.StateTree;
import io.filnode.chain.testing.ConformanceVector;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Checks the reward and power states against the conformance vectors' pre- and post-states: that
 * they decode and re-encode to the same bytes, and, for tipset vectors in which the network power
 * stays constant, that the reward and power state transitions which Lotus's ApplyBlocks drives
 * (block rewards, then a cron tick per epoch including null rounds) give exactly the post-state.
 */
class VectorRewardPowerStatesTest {
  private static final Pattern TIPSET_CLASS = Pattern.compile("\"class\"\\s*:\\s*\"tipset\"");
  private static final Pattern VARIANT_EPOCH =
      Pattern.compile("\"variants\"\\s*:\\s*\\[\\s*\\{[^}]*\"epoch\"\\s*:\\s*(\\d+)");
  private static final Pattern TIPSET_TOKENS =
      Pattern.compile("\"(epoch_offset|win_count)\"\\s*:\\s*(\\d+)");

  @Test
  void rewardAndPowerStatesRoundTripInEveryVector() throws Exception {
    int checked = 0;
    for (ConformanceVector v : ConformanceVector.all()) {
      IpldStore store = new IpldStore(v.blocks);
      for (Cid root : v.stateRootsPresent()) {
        StateTree tree = StateTree.load(store, root);
        byte[] rewardBytes = v.blocks.get(tree.getActor(Builtin.REWARD_ACTOR_ADDR).head());
        RewardState reward = CborReader.decodeWhole(rewardBytes, "reward", RewardState::decode);
        assertThat(reward.toCbor()).as("%s reward state", v).isEqualTo(rewardBytes);

        byte[] powerBytes = v.blocks.get(tree.getActor(Builtin.STORAGE_POWER_ACTOR_ADDR).head());
        PowerState power = CborReader.decodeWhole(powerBytes, "power", PowerState::decode);
        assertThat(power.toCbor()).as("%s power state", v).isEqualTo(powerBytes);
        AdtMap claims = AdtMap.load(store, power.claims, BuiltinActors.hamtOptions(2));
        claims.forEach(
            (k, value) ->
                assertThat(CborReader.decodeWhole(value, "claim", Claim::decode).toCbor())
                    .isEqualTo(value));
        Multimap cron =
            Multimap.load(
                store, power.cronEventQueue, BuiltinActors.hamtOptions(2), AmtOptions.v2());
        cron.forAll(
            (k, events) ->
                events.forEach(
                    (i, value) ->
                        assertThat(
                                CborReader.decodeWhole(value, "event", CronEvent::decode).toCbor())
                            .isEqualTo(value)));
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(100);
  }

  @Test
  void rewardAndPowerTransitionsMatchTipsetVectors() throws Exception {
    int checked = 0;
    for (ConformanceVector v : ConformanceVector.all()) {
      if (!TIPSET_CLASS.matcher(v.json).find()) {
        continue;
      }
      List<Cid> roots = v.stateRootsPresent();
      IpldStore store = new IpldStore(v.blocks);
      StateTree pre = StateTree.load(store, roots.get(0));
      StateTree post = StateTree.load(store, roots.get(roots.size() - 1));
      RewardState reward = rewardState(v, pre);
      PowerState power = powerState(v, pre);
      PowerState postPower = powerState(v, post);
      if (!postPower.thisEpochRawBytePower.equals(power.thisEpochRawBytePower)
          || !postPower.currentTotalPower().equals(power.currentTotalPower())) {
        continue; // the power changed within the vector: not a pure reward check
      }
      BigInteger realized = power.thisEpochRawBytePower;

      Matcher ve = VARIANT_EPOCH.matcher(v.json);
      assertThat(ve.find()).isTrue();
      long baseEpoch = Long.parseLong(ve.group(1));
      long parentEpoch = baseEpoch;
      for (Tipset ts : tipsets(v.json)) {
        long epoch = baseEpoch + ts.offset();
        for (long i = parentEpoch + 1; i < epoch; i++) {
          cronTick(reward, power, i, realized); // null rounds
        }
        for (long winCount : ts.winCounts()) {
          BigInteger blockReward =
              reward
                  .thisEpochReward
                  .multiply(BigInteger.valueOf(winCount))
                  .divide(BigInteger.valueOf(5));
          reward.totalStoragePowerReward = reward.totalStoragePowerReward.add(blockReward);
        }
        cronTick(reward, power, epoch, realized);
        parentEpoch = epoch;
      }
      assertThat(reward.toCbor()).as("%s reward state", v).isEqualTo(rewardState(v, post).toCbor());
      assertThat(power.thisEpochQaPowerSmoothed)
          .as("%s power smoothing", v)
          .isEqualTo(postPower.thisEpochQaPowerSmoothed);
      assertThat(postPower.firstCronEpoch).isEqualTo(parentEpoch + 1);
      checked++;
    }
    assertThat(checked).isGreaterThanOrEqualTo(20);
  }

  /** What one cron tick does to the two states when no power changes. */
  private static void cronTick(
      RewardState reward, PowerState power, long epoch, BigInteger realized) {
    power.thisEpochQaPowerSmoothed =
        AlphaBetaFilter.withDefaults(power.thisEpochQaPowerSmoothed)
            .nextEstimate(power.currentTotalPower().qualityAdjPower(), 1);
    long prev = reward.epoch;
    while (reward.epoch < epoch) {
      reward.updateToNextEpoch(realized);
    }
    reward.updateToNextEpochWithReward(realized);
    reward.updateSmoothedEstimates(reward.epoch - prev);
  }

  private record Tipset(long offset, List<Long> winCounts) {}

  private static List<Tipset> tipsets(String json) {
    List<Tipset> out = new ArrayList<>();
    Matcher m = TIPSET_TOKENS.matcher(json.substring(json.indexOf("\"apply_tipsets\"")));
    while (m.find()) {
      long value = Long.parseLong(m.group(2));
      if (m.group(1).equals("epoch_offset")) {
        out.add(new Tipset(value, new ArrayList<>()));
      } else {
        out.get(out.size() - 1).winCounts().add(value);
      }
    }
    return out;
  }

  private static RewardState rewardState(ConformanceVector v, StateTree tree) throws Exception {
    byte[] b = v.blocks.get(tree.getActor(Builtin.REWARD_ACTOR_ADDR).head());
    return CborReader.decodeWhole(b, "reward", RewardState::decode);
  }

  private static PowerState powerState(ConformanceVector v, StateTree tree) throws Exception {
    byte[] b = v.blocks.get(tree.getActor(Builtin.STORAGE_POWER_ACTOR_ADDR).head());
    return CborReader.decodeWhole(b, "power", PowerState::decode);
  }
}
