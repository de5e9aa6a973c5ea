package io.filnode.node.mpool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.filnode.chain.address.Address;
import io.filnode.chain.blockstore.MemoryBlockstore;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.crypto.Signer;
import io.filnode.chain.store.ChainStore;
import io.filnode.chain.store.MemoryChainMetadata;
import io.filnode.chain.types.SignatureType;
import io.filnode.chain.types.SignedMessage;
import io.filnode.chain.types.TokenAmount;
import io.filnode.chain.types.UnsignedMessage;
import io.filnode.mpool.MpoolProviderException;
import io.filnode.vm.NetworkSchedule;
import io.filnode.vm.gas.PriceList;
import io.filnode.vm.stmgr.StateManager;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The parts of the provider that need no executed state (those come from the StateManager). */
class ChainMpoolProviderTest {
  private final MemoryBlockstore blocks = new MemoryBlockstore();
  private final ChainStore chain = new ChainStore(blocks, new MemoryChainMetadata());
  private final ChainMpoolProvider provider =
      new ChainMpoolProvider(new StateManager(chain, NetworkSchedule.fixed(9), null, null, null));

  private static SignedMessage message(SignatureType type) throws Exception {
    byte[] key = new byte[32];
    key[31] = 5;
    Address from = Signer.address(type, key);
    return Signer.signMessage(
        type,
        key,
        new UnsignedMessage(
            0,
            Address.newId(100),
            from,
            0,
            TokenAmount.ofAtto(1),
            1_000_000,
            TokenAmount.ofAtto(2000),
            TokenAmount.ofAtto(1000),
            0,
            new byte[0]));
  }

  @Test
  void putMessageStoresTheSignedMessageAndForBlsTheUnsignedOne() throws Exception {
    SignedMessage secp = message(SignatureType.SECP256K1);
    provider.putMessage(secp);
    assertThat(blocks.get(secp.cid())).isEqualTo(secp.toCbor());

    SignedMessage bls = message(SignatureType.BLS);
    provider.putMessage(bls);
    // a BLS message's CID is its unsigned message's, which is what blocks link to
    assertThat(blocks.get(bls.cid())).isEqualTo(bls.message().toCbor());
    assertThat(SignedMessage.fromCbor(blocks.get(Cid.ofDagCbor(bls.toCbor())))).isEqualTo(bls);
  }

  @Test
  void onChainGasIsThePriceListsOfTheEpochsVersion() {
    assertThat(provider.onChainMessageGas(10, 120))
        .isEqualTo(PriceList.forNetworkVersion(9).onChainMessage(120).total())
        .isPositive();
  }

  @Test
  void keyAddressesResolveToThemselvesAndActorAddressesNever() throws Exception {
    Address key = message(SignatureType.SECP256K1).message().from();
    assertThat(provider.resolveToKey(key, null)).isEqualTo(key);
    assertThatThrownBy(() -> provider.resolveToKey(Address.newActor(new byte[] {1}), null))
        .isInstanceOf(MpoolProviderException.class)
        .hasMessage("cannot resolve actor address to key address");
  }

  @Test
  void publishGoesToTheHookOnceSet() {
    List<byte[]> sent = new ArrayList<>();
    provider.publish(new byte[] {1}); // no hook yet: nothing happens
    provider.setPublisher(sent::add);
    provider.publish(new byte[] {2});
    assertThat(sent).containsExactly(new byte[] {2});
  }
}
