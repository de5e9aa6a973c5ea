package io.filnode.mpool;

import io.filnode.chain.address.Address;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.state.Actor;
import io.filnode.chain.types.BlockHeader;
import io.filnode.chain.types.SignedMessage;
import io.filnode.chain.types.Ticket;
import io.filnode.chain.types.TipSet;
import io.filnode.chain.types.TipSetKey;
import io.filnode.chain.types.TokenAmount;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** An in-memory chain for pool tests: actors by address, tipsets, block messages, gossip. */
final class TestProvider implements MpoolProvider {
  static final Cid DUMMY =
      Cid.ofDagCbor(new byte[] {0x64, 'f', 'i', 'l', 'n'}); // any valid CID will do

  final Map<Address, Actor> actors = new HashMap<>();
  final Map<TipSetKey, TipSet> tipsets = new HashMap<>();
  final Map<Cid, BlockMessages> blockMessages = new HashMap<>();
  final List<byte[]> published = new ArrayList<>();
  TokenAmount baseFee = TokenAmount.ofAtto(100);

  void setActor(Address a, long nonce, TokenAmount balance) {
    actors.put(a, new Actor(DUMMY, DUMMY, nonce, balance));
  }

  /** A one-block tipset at {@code height} on {@code parent} whose block holds {@code secp}. */
  TipSet tipSet(long height, TipSet parent, List<SignedMessage> secp) {
    BlockHeader b =
        new BlockHeader(
            Address.newId(1000),
            new Ticket(("t" + height).getBytes(StandardCharsets.UTF_8)),
            null,
            List.of(),
            List.of(),
            parent == null ? List.of() : parent.cids(),
            BigInteger.ZERO,
            height,
            DUMMY,
            DUMMY,
            Cid.ofDagCbor(new byte[] {(byte) 0x1a, 0, 0, (byte) (height >> 8), (byte) height}),
            null,
            height * 30,
            null,
            0,
            baseFee);
    TipSet ts = TipSet.of(b);
    tipsets.put(ts.key(), ts);
    blockMessages.put(b.cid(), new BlockMessages(List.of(), secp));
    return ts;
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
    BlockMessages m = blockMessages.get(block.cid());
    if (m == null) {
      throw new MpoolProviderException("no messages for block " + block.cid());
    }
    return m;
  }

  @Override
  public TipSet loadTipSet(TipSetKey key) throws MpoolProviderException {
    TipSet ts = tipsets.get(key);
    if (ts == null) {
      throw new MpoolProviderException("no tipset " + key);
    }
    return ts;
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
  public void publish(byte[] signedMessageCbor) {
    published.add(signedMessageCbor);
  }

  /** A local message store in memory. */
  static final class MemoryLocalStore implements LocalMessageStore {
    final Map<Cid, byte[]> messages = new ConcurrentHashMap<>();

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
