package io.filnode.actors.builtin;

import io.filnode.chain.address.Address;

/**
 * The singleton actors' addresses and every built-in actor's method numbers, as specs-actors {@code
 * builtin} (identical in v2, v3 and v4 up to the methods each version adds).
 */
public final class Builtin {
  public static final Address SYSTEM_ACTOR_ADDR = Address.newId(0);
  public static final Address INIT_ACTOR_ADDR = Address.newId(1);
  public static final Address REWARD_ACTOR_ADDR = Address.newId(2);
  public static final Address CRON_ACTOR_ADDR = Address.newId(3);
  public static final Address STORAGE_POWER_ACTOR_ADDR = Address.newId(4);
  public static final Address STORAGE_MARKET_ACTOR_ADDR = Address.newId(5);
  public static final Address VERIFIED_REGISTRY_ACTOR_ADDR = Address.newId(6);
  public static final Address BURNT_FUNDS_ACTOR_ADDR = Address.newId(99);

  /** The first ID the init actor hands out: IDs below it are reserved for singletons. */
  public static final long FIRST_NON_SINGLETON_ACTOR_ID = 100;

  public static final long METHOD_SEND = 0;
  public static final long METHOD_CONSTRUCTOR = 1;

  private Builtin() {}

  /** Account actor methods. */
  public static final class MethodsAccount {
    public static final long CONSTRUCTOR = 1;
    public static final long PUBKEY_ADDRESS = 2;

    private MethodsAccount() {}
  }

  /** Init actor methods. */
  public static final class MethodsInit {
    public static final long CONSTRUCTOR = 1;
    public static final long EXEC = 2;

    private MethodsInit() {}
  }

  /** Cron actor methods. */
  public static final class MethodsCron {
    public static final long CONSTRUCTOR = 1;
    public static final long EPOCH_TICK = 2;

    private MethodsCron() {}
  }

  /** Reward actor methods. */
  public static final class MethodsReward {
    public static final long CONSTRUCTOR = 1;
    public static final long AWARD_BLOCK_REWARD = 2;
    public static final long THIS_EPOCH_REWARD = 3;
    public static final long UPDATE_NETWORK_KPI = 4;

    private MethodsReward() {}
  }

  /** Multisig actor methods. */
  public static final class MethodsMultisig {
    public static final long CONSTRUCTOR = 1;
    public static final long PROPOSE = 2;
    public static final long APPROVE = 3;
    public static final long CANCEL = 4;
    public static final long ADD_SIGNER = 5;
    public static final long REMOVE_SIGNER = 6;
    public static final long SWAP_SIGNER = 7;
    public static final long CHANGE_NUM_APPROVALS_THRESHOLD = 8;
    public static final long LOCK_BALANCE = 9;

    private MethodsMultisig() {}
  }

  /** Payment channel actor methods. */
  public static final class MethodsPaych {
    public static final long CONSTRUCTOR = 1;
    public static final long UPDATE_CHANNEL_STATE = 2;
    public static final long SETTLE = 3;
    public static final long COLLECT = 4;

    private MethodsPaych() {}
  }

  /** Storage market actor methods. */
  public static final class MethodsMarket {
    public static final long CONSTRUCTOR = 1;
    public static final long ADD_BALANCE = 2;
    public static final long WITHDRAW_BALANCE = 3;
    public static final long PUBLISH_STORAGE_DEALS = 4;
    public static final long VERIFY_DEALS_FOR_ACTIVATION = 5;
    public static final long ACTIVATE_DEALS = 6;
    public static final long ON_MINER_SECTORS_TERMINATE = 7;
    public static final long COMPUTE_DATA_COMMITMENT = 8;
    public static final long CRON_TICK = 9;

    private MethodsMarket() {}
  }

  /** Storage power actor methods. */
  public static final class MethodsPower {
    public static final long CONSTRUCTOR = 1;
    public static final long CREATE_MINER = 2;
    public static final long UPDATE_CLAIMED_POWER = 3;
    public static final long ENROLL_CRON_EVENT = 4;
    public static final long ON_EPOCH_TICK_END = 5;
    public static final long UPDATE_PLEDGE_TOTAL = 6;
    public static final long ON_CONSENSUS_FAULT = 7; // Deprecated1 from v2 on
    public static final long SUBMIT_POREP_FOR_BULK_VERIFY = 8;
    public static final long CURRENT_TOTAL_POWER = 9;

    private MethodsPower() {}
  }

  /** Storage miner actor methods. */
  public static final class MethodsMiner {
    public static final long CONSTRUCTOR = 1;
    public static final long CONTROL_ADDRESSES = 2;
    public static final long CHANGE_WORKER_ADDRESS = 3;
    public static final long CHANGE_PEER_ID = 4;
    public static final long SUBMIT_WINDOWED_POST = 5;
    public static final long PRE_COMMIT_SECTOR = 6;
    public static final long PROVE_COMMIT_SECTOR = 7;
    public static final long EXTEND_SECTOR_EXPIRATION = 8;
    public static final long TERMINATE_SECTORS = 9;
    public static final long DECLARE_FAULTS = 10;
    public static final long DECLARE_FAULTS_RECOVERED = 11;
    public static final long ON_DEFERRED_CRON_EVENT = 12;
    public static final long CHECK_SECTOR_PROVEN = 13;
    public static final long APPLY_REWARDS = 14;
    public static final long REPORT_CONSENSUS_FAULT = 15;
    public static final long WITHDRAW_BALANCE = 16;
    public static final long CONFIRM_SECTOR_PROOFS_VALID = 17;
    public static final long CHANGE_MULTIADDRS = 18;
    public static final long COMPACT_PARTITIONS = 19;
    public static final long COMPACT_SECTOR_NUMBERS = 20;
    public static final long CONFIRM_UPDATE_WORKER_KEY = 21;
    public static final long REPAY_DEBT = 22;
    public static final long CHANGE_OWNER_ADDRESS = 23;

    private MethodsMiner() {}
  }

  /** Verified registry actor methods. */
  public static final class MethodsVerifiedRegistry {
    public static final long CONSTRUCTOR = 1;
    public static final long ADD_VERIFIER = 2;
    public static final long REMOVE_VERIFIER = 3;
    public static final long ADD_VERIFIED_CLIENT = 4;
    public static final long USE_BYTES = 5;
    public static final long RESTORE_BYTES = 6;

    private MethodsVerifiedRegistry() {}
  }
}
