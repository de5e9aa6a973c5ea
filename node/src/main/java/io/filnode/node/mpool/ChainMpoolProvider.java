package io.filnode.node.mpool;

import io.filnode.actors.v2.miner.Policy;
import io.filnode.chain.address.Address;
import io.filnode.chain.address.Protocol;
import io.filnode.chain.blockstore.Blockstore;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.state.Actor;
import io.filnode.chain.store.ChainStore;
import io.filnode.chain.store.ChainStoreException;
import io.filnode.chain.types.BlockHeader;
import io.filnode.chain.types.SignatureType;
import io.filnode.chain.types.SignedMessage;
import io.filnode.chain.types.TipSet;
import io.filnode.chain.types.TipSetKey;
import io.filnode.chain.types.TokenAmount;
import io.filnode.mpool.MpoolProvider;
import io.filnode.mpool.MpoolProviderException;
import io.filnode.vm.gas.PriceList;
import io.filnode.vm.stmgr.StateManager;
import io.filnode.vm.stmgr.StateManagerException;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The pool's view of the node (Lotus's {@code mpoolProvider}): actor state after a tipset from the
 * {@link StateManager}, key addresses at finality, block messages and tipsets from the {@link
 * ChainStore}, the gas of a message's on-chain size from the price list of the epoch's network
 * version, messages stored in the blockstore, and gossip through a hook the daemon sets once the
 * messages topic is wired (until then publishing does nothing).
 */
public final class ChainMpoolProvider implements MpoolProvider {
  private final StateManager stateManager;
  private final ChainStore chain;
  private volatile Consumer<byte[]> publisher = m -> {};

  public ChainMpoolProvider(StateManager stateManager) {
    this.stateManager = stateManager;
    this.chain = stateManager.chain();
  }

  /** Sets what {@link #publish} does: e.g. publish on the {@code /fil/msgs/NETWORK} topic. */
  public void setPublisher(Consumer<byte[]> publisher) {
    this.publisher = publisher;
  }

  @Override
  public Optional<Actor> getActorAfter(Address address, TipSet tipSet)
      throws MpoolProviderException {
    try {
      return stateManager.actorAfter(address, tipSet);
    } catch (StateManagerException e) {
      throw new MpoolProviderException("computing tipset state for GetActor: " + e.getMessage(), e);
    }
  }

  /**
   * As Lotus's {@code ResolveToKeyAddressAtFinality}: key addresses as they are, actor addresses
   * refused, and ID addresses looked up in the parent state of the tipset a finality before {@code
   * tipSet} (or of {@code tipSet} itself near genesis), where a reorg can no longer change them.
   */
  @Override
  public Address resolveToKey(Address address, TipSet tipSet) throws MpoolProviderException {
    Protocol p = address.protocol();
    if (p == Protocol.SECP256K1 || p == Protocol.BLS) {
      return address;
    }
    if (p == Protocol.ACTOR) {
      throw new MpoolProviderException("cannot resolve actor address to key address");
    }
    TipSet lookback = tipSet;
    if (tipSet.height() > Policy.CHAIN_FINALITY) {
      try {
        lookback = chain.tipSetByHeight(tipSet.height() - Policy.CHAIN_FINALITY, tipSet, true);
      } catch (ChainStoreException e) {
        throw new MpoolProviderException("failed to load lookback tipset: " + e.getMessage(), e);
      }
    }
    try {
      return stateManager.resolveToKey(address, lookback.parentStateRoot());
    } catch (StateManagerException e) {
      throw new MpoolProviderException("ID address not found in lookback state", e);
    }
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
  public TokenAmount computeBaseFee(TipSet tipSet) throws MpoolProviderException {
    try {
      return stateManager.computeBaseFee(tipSet);
    } catch (StateManagerException e) {
      throw new MpoolProviderException(
          "computing base fee at " + tipSet.key() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public long onChainMessageGas(long epoch, int chainLength) {
    int nv = stateManager.schedule().versionAt(epoch);
    return PriceList.forNetworkVersion(nv).onChainMessage(chainLength).total();
  }

  /**
   * Stores the signed message under its own CID and, for BLS, the unsigned message under the
   * message's CID, which is what a block's BLS message AMT links to.
   */
  @Override
  public void putMessage(SignedMessage message) {
    Blockstore blocks = chain.blockstore();
    byte[] signed = message.toCbor();
    blocks.put(Cid.ofDagCbor(signed), signed);
    if (message.signature().type() == SignatureType.BLS) {
      blocks.put(message.message().cid(), message.message().toCbor());
    }
  }

  @Override
  public void publish(byte[] signedMessageCbor) {
    publisher.accept(signedMessageCbor);
  }
}
