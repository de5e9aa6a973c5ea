package io.filnode.node.mpool;

import io.filnode.chain.address.Address;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.state.Actor;
import io.filnode.chain.store.ChainStore;
import io.filnode.chain.store.ChainStoreException;
import io.filnode.chain.types.BlockHeader;
import io.filnode.chain.types.SignedMessage;
import io.filnode.chain.types.TipSet;
import io.filnode.chain.types.TipSetKey;
import io.filnode.chain.types.TokenAmount;
import io.filnode.mpool.LocalMessageStore;
import io.filnode.mpool.MpoolProvider;
import io.filnode.mpool.MpoolProviderException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A pool provider for tests: actors (nonce and balance) from a map instead of executed state,
 * tipsets and block messages from a real {@link ChainStore}, a fixed base fee, and published
 * messages collected.
 */
public final class MemoryMpoolProvider implements MpoolProvider {
  private static final Cid ACCOUNT_CODE = Cid.ofDagCbor(new byte[] {0x60});

  public final Map<Address, Actor> actors = new ConcurrentHashMap<>();
  public final List<byte[]> published = new ArrayList<>();
  private final ChainStore chain;
  public volatile TokenAmount baseFee = TokenAmount.ofAtto(100);

  public MemoryMpoolProvider(ChainStore chain) {
    this.chain = chain;
  }

  public void setActor(Address a, long nonce, TokenAmount balance) {
    actors.put(a, new Actor(ACCOUNT_CODE, ACCOUNT_CODE, nonce, balance));
  }

  @Override
  public Optional<Actor> getActorAfter(Address address, TipSet tipSet) {
    return Optional.ofNullable(actors.get(address));
  }

  @Override
  public Address resolveToKey(Address address, TipSet tipSet) {
    return address;
  }

  @Override
  public BlockMessages messagesForBlock(BlockHeader block) throws MpoolProviderException {
    try {
      var m = chain.blockMessages(block);
      return new BlockMessages(m.blsMessages(), m.secpkMessages());
    } catch (ChainStoreException e) {
      throw new MpoolProviderException(e.getMessage(), e);
    }
  }

  @Override
  public TipSet loadTipSet(TipSetKey key) throws MpoolProviderException {
    try {
      return chain.loadTipSet(key);
    } catch (ChainStoreException e) {
      throw new MpoolProviderException(e.getMessage(), e);
    }
  }

  @Override
  public TokenAmount computeBaseFee(TipSet tipSet) {
    return baseFee;
  }

  @Override
  public long onChainMessageGas(long epoch, int chainLength) {
    return 38_863 + 36L * chainLength; // the genesis price list's OnChainMessage
  }

  @Override
  public void putMessage(SignedMessage message) {}

  @Override
  public synchronized void publish(byte[] signedMessageCbor) {
    published.add(signedMessageCbor);
  }

  /** A local message store in memory. */
  public static final class MemoryLocalStore implements LocalMessageStore {
    public final Map<Cid, byte[]> messages = new ConcurrentHashMap<>();

    @Override
    public void put(Cid cid, byte[] signedMessageCbor) {
      messages.put(cid, signedMessageCbor);
    }

    @Override
    public void delete(Cid cid) {
      messages.remove(cid);
    }

    @Override
    public List<byte[]> all() {
      return new ArrayList<>(messages.values());
    }
  }
}
