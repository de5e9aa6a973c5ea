package io.filnode.vm.genesis;

import io.filnode.actors.builtin.Builtin;
import io.filnode.actors.builtin.ConfirmSectorProofsParams;
import io.filnode.actors.builtin.SealProofs;
import io.filnode.actors.runtime.DomainSeparationTag;
import io.filnode.actors.v2.miner.MinerState;
import io.filnode.actors.v2.miner.Monies;
import io.filnode.actors.v2.miner.Policy;
import io.filnode.actors.v2.miner.SectorPreCommitInfo;
import io.filnode.actors.v2.power.CreateMinerParams;
import io.filnode.actors.v2.power.CreateMinerReturn;
import io.filnode.actors.v2.power.CurrentTotalPowerReturn;
import io.filnode.actors.v2.power.PowerPolicy;
import io.filnode.actors.v2.power.PowerState;
import io.filnode.actors.v2.power.UpdateClaimedPowerParams;
import io.filnode.actors.v2.reward.RewardState;
import io.filnode.actors.v2.reward.ThisEpochRewardReturn;
import io.filnode.chain.address.Address;
import io.filnode.chain.address.Protocol;
import io.filnode.chain.blockstore.Blockstore;
import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.state.Actor;
import io.filnode.chain.types.TokenAmount;
import io.filnode.chain.types.UnsignedMessage;
import io.filnode.vm.ActorRegistry;
import io.filnode.vm.ApplyRet;
import io.filnode.vm.MessageApplyException;
import io.filnode.vm.NetworkSchedule;
import io.filnode.vm.ProofVerifier;
import io.filnode.vm.Randomness;
import io.filnode.vm.Vm;
import io.filnode.vm.VmConfig;
import io.filnode.vm.VmFatalException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Lotus's {@code SetupStorageMiners} for committed-capacity sectors on actors v2, run at epoch 0
 * with zero base fee and zero circulating supply: each miner is created through the power actor
 * (IDs f01000 on); the power actor's totals and this-epoch power are set to what the sectors will
 * give and the reward actor is rebuilt for it; then sector by sector the fake power is taken back
 * and the owner pre-commits the sector sending its pre-commit deposit plus initial pledge; the
 * power actor confirms the proofs, and, as Lotus does from v2 on, the miner claims the sectors'
 * power and its unproven sectors are marked proven.
 *
 * <p>Under mainnet policy a miner counts towards the network's power only from 10 TiB of raw power
 * (320 sectors of 32 GiB); the totals set up front count only such miners, so that they match what
 * the power actor's claims add up to.
 */
final class MinerSetup {
  /** Lotus's {@code doExecValue} gas limit. */
  private static final long GAS_LIMIT = 1_000_000_000_000_000_000L;

  private final Vm vm;
  private final boolean oneByOne;

  private MinerSetup(Vm vm, boolean oneByOne) {
    this.vm = vm;
    this.oneByOne = oneByOne;
  }

  /** The state after setting up the miners, and the miners' ID addresses in order. */
  record Result(Cid stateRoot, List<Address> minerIds) {}

  static Result run(
      Blockstore store,
      Cid stateRoot,
      int networkVersion,
      List<GenesisMiner> miners,
      Map<Address, Address> keyIds,
      boolean oneByOne)
      throws GenesisException {
    VmConfig config =
        new VmConfig(
            NetworkSchedule.fixed(networkVersion),
            TokenAmount.ZERO,
            (epoch, state) -> TokenAmount.ZERO,
            NO_RANDOMNESS,
            ProofVerifier.acceptAll(),
            ActorRegistry.builtin(),
            null,
            false);
    MinerSetup setup = new MinerSetup(new Vm(store, stateRoot, 0, config), oneByOne);
    try {
      List<Address> ids = setup.setUp(miners, keyIds);
      return new Result(setup.vm.flush(), ids);
    } catch (VmFatalException e) {
      throw new GenesisException("setting up genesis miners: " + e.getMessage(), e);
    }
  }

  private List<Address> setUp(List<GenesisMiner> miners, Map<Address, Address> keyIds)
      throws GenesisException {
    List<Address> ids = new ArrayList<>();
    List<Long> expirations = new ArrayList<>();
    BigInteger rawPow = BigInteger.ZERO;
    BigInteger qaPow = BigInteger.ZERO;
    for (int i = 0; i < miners.size(); i++) {
      GenesisMiner m = miners.get(i);
      Address minerId = createMiner(i, m, keyIds);
      ids.add(minerId);
      MinerState st = load(minerId, MinerState::decode);
      long maxPeriods = Policy.MAX_SECTOR_EXPIRATION_EXTENSION / Policy.WPOST_PROVING_PERIOD;
      long expiration =
          (maxPeriods - 1) * Policy.WPOST_PROVING_PERIOD + st.provingPeriodStart() - 1;
      expirations.add(expiration);
      if (countsForConsensus(m)) {
        long size = SealProofs.sectorSize(m.sealProofType());
        for (int s = 0; s < m.sectors(); s++) {
          rawPow = rawPow.add(BigInteger.valueOf(size));
          qaPow = qaPow.add(sectorWeight(size, expiration));
        }
      }
    }

    // the network power the sectors will give, so that every sector's pledge is alike
    PowerState power = load(Builtin.STORAGE_POWER_ACTOR_ADDR, PowerState::decode);
    power.totalQualityAdjPower = qaPow;
    power.totalRawBytePower = rawPow;
    power.thisEpochQualityAdjPower = qaPow;
    power.thisEpochRawBytePower = rawPow;
    save(Builtin.STORAGE_POWER_ACTOR_ADDR, power);
    save(Builtin.REWARD_ACTOR_ADDR, RewardState.construct(qaPow));

    for (int i = 0; i < miners.size(); i++) {
      commitSectors(
          miners.get(i), ids.get(i), keyIds.get(miners.get(i).owner()), expirations.get(i));
    }

    PowerState after = load(Builtin.STORAGE_POWER_ACTOR_ADDR, PowerState::decode);
    if (!after.totalRawBytePower.equals(rawPow)) {
      throw new GenesisException(
          "total raw byte power " + after.totalRawBytePower + " != expected " + rawPow);
    }
    if (!after.totalQualityAdjPower.equals(qaPow)) {
      throw new GenesisException(
          "total quality-adjusted power " + after.totalQualityAdjPower + " != expected " + qaPow);
    }
    return ids;
  }

  private Address createMiner(int index, GenesisMiner m, Map<Address, Address> keyIds)
      throws GenesisException {
    Address ownerId = keyIds.get(m.owner());
    if (ownerId == null) {
      throw new GenesisException("miner " + index + ": owner " + m.owner() + " is not an account");
    }
    if (!keyIds.containsKey(m.worker())) {
      throw new GenesisException(
          "miner " + index + ": worker " + m.worker() + " is not an account");
    }
    if (m.worker().protocol() != Protocol.BLS) {
      throw new GenesisException(
          "miner " + index + ": worker " + m.worker() + " is not a BLS address");
    }
    CreateMinerParams params =
        new CreateMinerParams(m.owner(), m.worker(), m.sealProofType(), new byte[0], List.of());
    byte[] ret =
        exec(
            Builtin.STORAGE_POWER_ACTOR_ADDR,
            ownerId,
            TokenAmount.ZERO,
            Builtin.MethodsPower.CREATE_MINER,
            params.toCbor(),
            "creating miner " + index);
    Address expected = Address.newId(InitialStateTree.MINER_START + index);
    Address got = decode(ret, "CreateMinerReturn", CreateMinerReturn::decode).idAddress();
    if (!got.equals(expected)) {
      throw new GenesisException("miner assigned wrong address: " + got + " != " + expected);
    }
    return got;
  }

  /**
   * Pre-commits, confirms and claims the miner's sectors. Lotus confirms and claims one sector at a
   * time; by default this confirms them all in one call and claims their power at once, which gives
   * the same state (the deadline assignment is the same greedy choice, and each sector's pledge
   * depends only on reward and power estimates that stay fixed during setup) for far less work.
   * {@code oneByOne} keeps Lotus's order, for a test that compares the two.
   */
  private void commitSectors(GenesisMiner m, Address minerId, Address ownerId, long expiration)
      throws GenesisException {
    long size = SealProofs.sectorSize(m.sealProofType());
    BigInteger weight = sectorWeight(size, expiration);
    List<Long> pending = new ArrayList<>();
    for (long s = 0; s < m.sectors(); s++) {
      preCommit(m, minerId, ownerId, s, expiration, size, weight);
      pending.add(s);
      if (oneByOne || s == m.sectors() - 1) {
        confirmAndClaim(minerId, pending, size, weight);
        pending.clear();
      }
    }
    if (m.sectors() > 0) {
      // Lotus does this after each sector; nothing in between reads the unproven sets
      MinerState st = load(minerId, MinerState::decode);
      st.eraseAllUnproven(vm.state().store());
      save(minerId, st);
    }
  }

  private void preCommit(
      GenesisMiner m,
      Address minerId,
      Address ownerId,
      long sectorNumber,
      long expiration,
      long size,
      BigInteger weight)
      throws GenesisException {
    if (countsForConsensus(m)) {
      // the fake power added up front for this sector comes back with its claim
      PowerState power = load(Builtin.STORAGE_POWER_ACTOR_ADDR, PowerState::decode);
      power.totalQualityAdjPower = power.totalQualityAdjPower.subtract(weight);
      power.totalRawBytePower = power.totalRawBytePower.subtract(BigInteger.valueOf(size));
      save(Builtin.STORAGE_POWER_ACTOR_ADDR, power);
    }
    String what = "sector " + sectorNumber + " of miner " + minerId;
    ThisEpochRewardReturn reward =
        decode(
            exec(
                Builtin.REWARD_ACTOR_ADDR,
                minerId,
                TokenAmount.ZERO,
                Builtin.MethodsReward.THIS_EPOCH_REWARD,
                new byte[0],
                what + ": reading the epoch reward"),
            "ThisEpochRewardReturn",
            ThisEpochRewardReturn::decode);
    CurrentTotalPowerReturn total =
        decode(
            exec(
                Builtin.STORAGE_POWER_ACTOR_ADDR,
                minerId,
                TokenAmount.ZERO,
                Builtin.MethodsPower.CURRENT_TOTAL_POWER,
                new byte[0],
                what + ": reading the total power"),
            "CurrentTotalPowerReturn",
            CurrentTotalPowerReturn::decode);
    TokenAmount deposit =
        Monies.preCommitDepositForPower(
            reward.thisEpochRewardSmoothed(), total.qualityAdjPowerSmoothed(), weight);
    TokenAmount pledge =
        Monies.initialPledgeForPower(
            weight,
            reward.thisEpochBaselinePower(),
            reward.thisEpochRewardSmoothed(),
            total.qualityAdjPowerSmoothed(),
            TokenAmount.ZERO);
    TokenAmount value = deposit.add(pledge);
    TokenAmount ownerBalance = vm.state().getActor(ownerId).balance();
    if (ownerBalance.compareTo(value) < 0) {
      throw new GenesisException(
          what
              + ": owner "
              + m.owner()
              + " has "
              + ownerBalance
              + " but the pre-commit deposit and initial pledge need "
              + value);
    }
    SectorPreCommitInfo preCommit =
        new SectorPreCommitInfo(
            m.sealProofType(),
            sectorNumber,
            MockSealing.commR(minerId, sectorNumber),
            -1,
            List.of(),
            expiration,
            false,
            0,
            0,
            0);
    exec(
        minerId,
        ownerId,
        value,
        Builtin.MethodsMiner.PRE_COMMIT_SECTOR,
        preCommit.toCbor(),
        what + ": pre-commit");
  }

  /** Confirms the sectors' proofs as the power actor does, then claims their power (v2 on). */
  private void confirmAndClaim(Address minerId, List<Long> sectors, long size, BigInteger weight)
      throws GenesisException {
    String what =
        "sectors " + sectors.get(0) + ".." + sectors.get(sectors.size() - 1) + " of " + minerId;
    exec(
        minerId,
        Builtin.STORAGE_POWER_ACTOR_ADDR,
        TokenAmount.ZERO,
        Builtin.MethodsMiner.CONFIRM_SECTOR_PROOFS_VALID,
        new ConfirmSectorProofsParams(sectors).toCbor(),
        what + ": confirming the proofs");
    // from v2 on, confirmed sectors are unproven and claim no power until a first Window PoSt
    BigInteger count = BigInteger.valueOf(sectors.size());
    exec(
        Builtin.STORAGE_POWER_ACTOR_ADDR,
        minerId,
        TokenAmount.ZERO,
        Builtin.MethodsPower.UPDATE_CLAIMED_POWER,
        new UpdateClaimedPowerParams(
                BigInteger.valueOf(size).multiply(count), weight.multiply(count))
            .toCbor(),
        what + ": claiming their power");
  }

  /** Whether the miner's sectors reach the power a claim needs to count in the network's total. */
  private static boolean countsForConsensus(GenesisMiner m) {
    BigInteger raw =
        BigInteger.valueOf(SealProofs.sectorSize(m.sealProofType()))
            .multiply(BigInteger.valueOf(m.sectors()));
    return PowerPolicy.consensusMinerMinPower(m.sealProofType())
        .map(min -> raw.compareTo(min) >= 0)
        .orElse(false);
  }

  /** A committed-capacity sector's quality-adjusted power (its raw size: no deals). */
  private static BigInteger sectorWeight(long size, long expiration) {
    return Policy.qaPowerForWeight(size, expiration, BigInteger.ZERO, BigInteger.ZERO);
  }

  /** Lotus's {@code doExecValue}: an implicit message at the sender's nonce; fails unless OK. */
  private byte[] exec(
      Address to, Address from, TokenAmount value, long method, byte[] params, String what)
      throws GenesisException {
    Actor sender = vm.state().getActor(from);
    if (sender == null) {
      throw new GenesisException(what + ": sender " + from + " does not exist");
    }
    UnsignedMessage msg =
        new UnsignedMessage(
            0,
            to,
            from,
            sender.nonce(),
            value,
            GAS_LIMIT,
            TokenAmount.ZERO,
            TokenAmount.ZERO,
            method,
            params);
    ApplyRet ret;
    try {
      ret = vm.applyImplicitMessage(msg);
    } catch (MessageApplyException e) {
      throw new GenesisException(what + ": " + e.getMessage(), e);
    }
    if (ret.receipt().exitCode() != 0) {
      throw new GenesisException(
          what + " failed (exit " + ret.receipt().exitCode() + "): " + ret.error());
    }
    return ret.receipt().returnValue();
  }

  private <T> T load(Address actor, CborReader.Decoder<T> decoder) throws GenesisException {
    Actor a = vm.state().getActor(actor);
    try {
      return vm.state().store().get(a.head(), "state of " + actor, decoder);
    } catch (CborException e) {
      throw new GenesisException("loading the state of " + actor + ": " + e.getMessage(), e);
    }
  }

  private void save(Address actor, CborEncodable state) {
    Actor a = vm.state().getActor(actor);
    vm.state().setActor(actor, a.withHead(vm.state().store().put(state)));
  }

  private static <T> T decode(byte[] bytes, String what, CborReader.Decoder<T> decoder)
      throws GenesisException {
    try {
      return CborReader.decodeWhole(bytes, what, decoder);
    } catch (CborException e) {
      throw new GenesisException("decoding " + what + ": " + e.getMessage(), e);
    }
  }

  /** Nothing in the genesis setup draws randomness; a draw would be a bug, so it fails loudly. */
  private static final Randomness NO_RANDOMNESS =
      new Randomness() {
        @Override
        public byte[] chainRandomness(DomainSeparationTag tag, long epoch, byte[] entropy) {
          throw new IllegalStateException("genesis setup drew chain randomness");
        }

        @Override
        public byte[] beaconRandomness(DomainSeparationTag tag, long epoch, byte[] entropy) {
          throw new IllegalStateException("genesis setup drew beacon randomness");
        }
      };
}
