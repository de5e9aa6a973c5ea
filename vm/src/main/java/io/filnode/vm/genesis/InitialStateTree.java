package io.filnode.vm.genesis;

import io.filnode.actors.builtin.Builtin;
import io.filnode.actors.util.adt.AdtArray;
import io.filnode.actors.util.adt.AdtMap;
import io.filnode.actors.util.adt.Keys;
import io.filnode.actors.util.adt.Multimap;
import io.filnode.actors.v2.account.AccountState;
import io.filnode.actors.v2.cron.CronState;
import io.filnode.actors.v2.init.InitState;
import io.filnode.actors.v2.market.MarketState;
import io.filnode.actors.v2.multisig.MultisigState;
import io.filnode.actors.v2.power.PowerState;
import io.filnode.actors.v2.reward.RewardState;
import io.filnode.actors.v2.system.SystemState;
import io.filnode.actors.v2.verifreg.VerifiedRegistryState;
import io.filnode.chain.address.Address;
import io.filnode.chain.address.Protocol;
import io.filnode.chain.amt.AmtOptions;
import io.filnode.chain.blockstore.IpldStore;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.crypto.Blake2b;
import io.filnode.chain.crypto.Bls;
import io.filnode.chain.crypto.CryptoException;
import io.filnode.chain.hamt.HamtOptions;
import io.filnode.chain.state.Actor;
import io.filnode.chain.state.ActorKind;
import io.filnode.chain.state.BuiltinActors;
import io.filnode.chain.state.StateTree;
import io.filnode.chain.types.TokenAmount;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lotus's {@code MakeInitialStateTree} with actors v2 states: the singletons (system, init, reward,
 * cron, power, market, verified registry, burnt funds), the spec's accounts from f0100 on, Lotus's
 * default verified-registry root key (a 1-of-1 multisig at f080), its first verifier (f081) and the
 * remainder multisig at f090 holding what no one else was given of the 2 billion FIL.
 */
final class InitialStateTree {
  static final long ACCOUNT_START = 100;
  static final long MINER_START = 1000;
  static final int MAX_ACCOUNTS = (int) (MINER_START - ACCOUNT_START);

  static final Address ROOT_VERIFIER = Address.newId(80);
  static final Address FIRST_VERIFIER = Address.newId(81);
  static final Address RESERVE = Address.newId(90);

  /** The sole signer of Lotus's default root-key and remainder multisigs ({@code chain/gen}). */
  static final Address DEFAULT_MULTISIG_SIGNER =
      Address.parse("t1ceb34gnsc6qk5dt6n7xg6ycwzasjhbxm3iylkiy");

  /** Lotus's {@code build.InitialRewardBalance}: FilAllocStorageMining, 1.1 billion FIL. */
  static final TokenAmount INITIAL_REWARD_BALANCE = TokenAmount.ofFil(1_100_000_000L);

  private static final int ACTORS_VERSION = 2;
  private static final HamtOptions HAMT = BuiltinActors.hamtOptions(ACTORS_VERSION);

  /**
   * Lotus draws a random key for f081; a key derived from a fixed seed keeps genesis repeatable.
   */
  private static final byte[] VERIFIER_KEY_SEED =
      "filnode/genesis/first-verifier".getBytes(StandardCharsets.US_ASCII);

  /** BLS12-381 scalar field order: a private key is a scalar below it. */
  private static final BigInteger BLS_ORDER =
      new BigInteger("73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001", 16);

  private InitialStateTree() {}

  /** The tree and the ID given to each account's key address. */
  record Built(StateTree tree, Map<Address, Address> keyIds) {}

  static Built build(IpldStore store, GenesisSpec spec, int stateTreeVersion)
      throws GenesisException {
    List<GenesisAccount> accounts = spec.accounts();
    if (accounts.size() > MAX_ACCOUNTS) {
      throw new GenesisException("too many initial actors: " + accounts.size());
    }
    // Lotus stores an empty array first; harmless and keeps the blockstore alike
    store.put(w -> w.writeArrayHeader(0));
    StateTree tree = StateTree.create(store, stateTreeVersion);
    try {
      tree.setActor(
          Builtin.SYSTEM_ACTOR_ADDR, actor(ActorKind.SYSTEM, store.put(new SystemState())));

      Map<Address, Address> keyIds = new LinkedHashMap<>();
      Cid emptyMap = AdtMap.create(store, HAMT).flush();
      AdtMap addressMap = AdtMap.create(store, HAMT);
      long counter = ACCOUNT_START;
      for (GenesisAccount a : accounts) {
        Address key = a.keyAddress();
        if (key.protocol() != Protocol.SECP256K1 && key.protocol() != Protocol.BLS) {
          throw new GenesisException("account " + key + " is not a key address");
        }
        if (keyIds.containsKey(key)) {
          throw new GenesisException("account " + key + " is listed twice");
        }
        if (a.balance().signum() < 0) {
          throw new GenesisException("account " + key + " has a negative balance");
        }
        counter = mapAddress(addressMap, keyIds, key, counter);
      }
      // the root key and remainder multisigs' signer, unless it is an account already
      if (!keyIds.containsKey(DEFAULT_MULTISIG_SIGNER)) {
        counter = mapAddress(addressMap, keyIds, DEFAULT_MULTISIG_SIGNER, counter);
      }
      InitState init = new InitState(addressMap.flush(), MINER_START, spec.networkName());
      tree.setActor(Builtin.INIT_ACTOR_ADDR, actor(ActorKind.INIT, store.put(init)));

      // RewardActor's state is overwritten once the miners' power is known
      tree.setActor(
          Builtin.REWARD_ACTOR_ADDR,
          new Actor(
              BuiltinActors.codeCid(ActorKind.REWARD, ACTORS_VERSION),
              store.put(RewardState.construct(BigInteger.ZERO)),
              0,
              INITIAL_REWARD_BALANCE));
      tree.setActor(
          Builtin.CRON_ACTOR_ADDR,
          actor(ActorKind.CRON, store.put(new CronState(CronState.builtInEntries()))));
      Cid emptyMultimap = Multimap.create(store, HAMT, AmtOptions.v2()).flush();
      tree.setActor(
          Builtin.STORAGE_POWER_ACTOR_ADDR,
          actor(ActorKind.STORAGE_POWER, store.put(PowerState.construct(emptyMap, emptyMultimap))));
      Cid emptyArray = AdtArray.create(store, AmtOptions.v2()).flush();
      tree.setActor(
          Builtin.STORAGE_MARKET_ACTOR_ADDR,
          actor(
              ActorKind.STORAGE_MARKET,
              store.put(MarketState.construct(emptyArray, emptyMap, emptyMap))));
      tree.setActor(
          Builtin.VERIFIED_REGISTRY_ACTOR_ADDR,
          actor(
              ActorKind.VERIFIED_REGISTRY,
              store.put(VerifiedRegistryState.construct(emptyMap, ROOT_VERIFIER))));
      tree.setActor(
          Builtin.BURNT_FUNDS_ACTOR_ADDR,
          actor(ActorKind.ACCOUNT, store.put(new AccountState(Builtin.BURNT_FUNDS_ACTOR_ADDR))));

      TokenAmount allocated = INITIAL_REWARD_BALANCE;
      for (GenesisAccount a : accounts) {
        tree.setActor(
            keyIds.get(a.keyAddress()),
            new Actor(
                BuiltinActors.codeCid(ActorKind.ACCOUNT, ACTORS_VERSION),
                store.put(new AccountState(a.keyAddress())),
                0,
                a.balance()));
        allocated = allocated.add(a.balance());
      }

      setMultisig(store, tree, ROOT_VERIFIER, keyIds, TokenAmount.ZERO, emptyMap);
      tree.setActor(
          FIRST_VERIFIER,
          actor(ActorKind.ACCOUNT, store.put(new AccountState(firstVerifierKey()))));

      TokenAmount remaining = TokenAmount.TOTAL_FILECOIN.subtract(allocated);
      if (remaining.signum() < 0) {
        throw new GenesisException(
            "somehow overallocated filecoin (allocated = " + allocated + ")");
      }
      setMultisig(store, tree, RESERVE, keyIds, remaining, emptyMap);
      return new Built(tree, Map.copyOf(keyIds));
    } catch (CborException e) {
      throw new GenesisException("building the initial state tree: " + e.getMessage(), e);
    }
  }

  private static long mapAddress(
      AdtMap addressMap, Map<Address, Address> keyIds, Address key, long id) {
    addressMap.put(Keys.address(key), w -> w.writeInt64(id));
    keyIds.put(key, Address.newId(id));
    return id + 1;
  }

  /**
   * Lotus's {@code createMultisigAccount} for a 1-of-1 multisig of {@link
   * #DEFAULT_MULTISIG_SIGNER}, without vesting: creates the signer's account first if needed.
   */
  private static void setMultisig(
      IpldStore store,
      StateTree tree,
      Address id,
      Map<Address, Address> keyIds,
      TokenAmount balance,
      Cid emptyMap)
      throws CborException {
    Address signerId = keyIds.get(DEFAULT_MULTISIG_SIGNER);
    if (tree.getActor(signerId) == null) {
      tree.setActor(
          signerId, actor(ActorKind.ACCOUNT, store.put(new AccountState(DEFAULT_MULTISIG_SIGNER))));
    }
    MultisigState st = new MultisigState(List.of(signerId), 1, 0, balance, 0, 0, emptyMap);
    tree.setActor(
        id,
        new Actor(
            BuiltinActors.codeCid(ActorKind.MULTISIG, ACTORS_VERSION), store.put(st), 0, balance));
  }

  private static Actor actor(ActorKind kind, Cid head) {
    return new Actor(BuiltinActors.codeCid(kind, ACTORS_VERSION), head, 0, TokenAmount.ZERO);
  }

  /** A BLS key address from a fixed seed (the scalar reduced into the field, little-endian). */
  private static Address firstVerifierKey() throws GenesisException {
    BigInteger scalar = new BigInteger(1, Blake2b.sum256(VERIFIER_KEY_SEED)).mod(BLS_ORDER);
    byte[] be = scalar.toByteArray();
    byte[] le = new byte[Bls.PRIVATE_KEY_BYTES];
    for (int i = 0; i < le.length && i < be.length; i++) {
      le[i] = be[be.length - 1 - i];
    }
    try {
      return Address.newBls(Bls.publicKey(le));
    } catch (CryptoException e) {
      throw new GenesisException("deriving the first verifier's key: " + e.getMessage(), e);
    }
  }
}
