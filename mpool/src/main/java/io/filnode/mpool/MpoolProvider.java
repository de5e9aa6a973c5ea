package io.filnode.mpool;

import io.filnode.chain.address.Address;
import io.filnode.chain.state.Actor;
import io.filnode.chain.types.BlockHeader;
import io.filnode.chain.types.SignedMessage;
import io.filnode.chain.types.TipSet;
import io.filnode.chain.types.TipSetKey;
import io.filnode.chain.types.TokenAmount;
import io.filnode.chain.types.UnsignedMessage;
import java.util.List;
import java.util.Optional;

/**
 * What the message pool needs from the rest of the node (Lotus's messagepool {@code Provider}):
 * actor state after a tipset, the messages of blocks, tipsets by key, the base fee, the minimum gas
 * a message costs on chain, and gossip. The node implements it over the chain store and the VM;
 * tests implement it in memory.
 */
public interface MpoolProvider {
  /** The actor at {@code address} in the state after applying {@code tipSet}, if it exists. */
  Optional<Actor> getActorAfter(Address address, TipSet tipSet) throws MpoolProviderException;

  /** The key address (secp256k1 or BLS) behind {@code address}, at finality from {@code tipSet}. */
  Address resolveToKey(Address address, TipSet tipSet) throws MpoolProviderException;

  /** The BLS messages (unsigned) and secp256k1 messages (signed) of a block. */
  BlockMessages messagesForBlock(BlockHeader block) throws MpoolProviderException;

  TipSet loadTipSet(TipSetKey key) throws MpoolProviderException;

  /** The base fee of the block that would follow {@code tipSet}. */
  TokenAmount computeBaseFee(TipSet tipSet) throws MpoolProviderException;

  /**
   * The gas charged for a message of {@code chainLength} bytes at {@code epoch} (OnChainMessage).
   */
  long onChainMessageGas(long epoch, int chainLength);

  /** Stores the message's blocks so that blocks referring to it can be built. */
  void putMessage(SignedMessage message);

  /** Publishes a signed message's CBOR on the messages topic. */
  void publish(byte[] signedMessageCbor);

  /** A block's messages as the chain stores them. */
  record BlockMessages(List<UnsignedMessage> bls, List<SignedMessage> secp) {
    public BlockMessages {
      bls = List.copyOf(bls);
      secp = List.copyOf(secp);
    }
  }
}
