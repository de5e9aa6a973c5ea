package io.filnode.vm.gas;

import io.filnode.chain.types.SignatureType;
import io.filnode.chain.types.TokenAmount;

/**
 * Gas prices, Lotus v1.10.0's {@code pricelistV0}: the genesis list, and Calico's from network
 * version 7 on. Only the prices that specs-actors v2 can reach are here (no aggregate seals).
 */
public final class PriceList {
  private static final long METHOD_SEND = 0;

  private static final PriceList GENESIS =
      new PriceList(1000, 75242, 84070, 123861062, 9226981, 748593537, 85639, true);
  private static final PriceList CALICO =
      new PriceList(1300, 114617, 353640, 117680921, 43780, 117680921, 43780, false);

  private final long storageGasMulti;
  private final long ipldGetBase;
  private final long ipldPutBase;
  private final long post512Flat;
  private final long post512Scale;
  private final long postLargeFlat;
  private final long postLargeScale;
  private final boolean verifyPostDiscount;

  private static final long COMPUTE_GAS_MULTI = 1;
  private static final long ON_CHAIN_MESSAGE_COMPUTE_BASE = 38863;
  private static final long ON_CHAIN_MESSAGE_STORAGE_BASE = 36;
  private static final long ON_CHAIN_MESSAGE_STORAGE_PER_BYTE = 1;
  private static final long ON_CHAIN_RETURN_VALUE_PER_BYTE = 1;
  private static final long SEND_BASE = 29233;
  private static final long SEND_TRANSFER_FUNDS = 27500;
  private static final long SEND_TRANSFER_ONLY_PREMIUM = 159672;
  private static final long SEND_INVOKE_METHOD = -5377;
  private static final long IPLD_PUT_PER_BYTE = 1;
  private static final long CREATE_ACTOR_COMPUTE = 1108454;
  private static final long CREATE_ACTOR_STORAGE = 36 + 40;
  private static final long DELETE_ACTOR = -CREATE_ACTOR_STORAGE;
  private static final long VERIFY_SIG_BLS = 16598605;
  private static final long VERIFY_SIG_SECP = 1637292;
  private static final long HASHING_BASE = 31355;
  private static final long COMPUTE_UNSEALED_SECTOR_CID_BASE = 98647;
  private static final long VERIFY_SEAL_BASE = 2000;
  private static final long VERIFY_CONSENSUS_FAULT = 495422;

  // registered PoSt proof numbers (abi.RegisteredPoStProof) of the window PoSts with a price
  private static final long WINDOW_32GIB = 9;
  private static final long WINDOW_64GIB = 10;

  private PriceList(
      long storageGasMulti,
      long ipldGetBase,
      long ipldPutBase,
      long post512Flat,
      long post512Scale,
      long postLargeFlat,
      long postLargeScale,
      boolean verifyPostDiscount) {
    this.storageGasMulti = storageGasMulti;
    this.ipldGetBase = ipldGetBase;
    this.ipldPutBase = ipldPutBase;
    this.post512Flat = post512Flat;
    this.post512Scale = post512Scale;
    this.postLargeFlat = postLargeFlat;
    this.postLargeScale = postLargeScale;
    this.verifyPostDiscount = verifyPostDiscount;
  }

  /** The price list in force at network version {@code nv} (Calico's from version 7). */
  public static PriceList forNetworkVersion(int nv) {
    return nv >= 7 ? CALICO : GENESIS;
  }

  public GasCharge onChainMessage(int msgSize) {
    return new GasCharge(
        "OnChainMessage",
        ON_CHAIN_MESSAGE_COMPUTE_BASE * COMPUTE_GAS_MULTI,
        (ON_CHAIN_MESSAGE_STORAGE_BASE + ON_CHAIN_MESSAGE_STORAGE_PER_BYTE * msgSize)
            * storageGasMulti);
  }

  public GasCharge onChainReturnValue(int dataSize) {
    return new GasCharge(
        "OnChainReturnValue", 0, dataSize * ON_CHAIN_RETURN_VALUE_PER_BYTE * storageGasMulti);
  }

  public GasCharge onMethodInvocation(TokenAmount value, long method) {
    long ret = SEND_BASE;
    if (!value.isZero()) {
      ret += SEND_TRANSFER_FUNDS;
      if (method == METHOD_SEND) {
        ret += SEND_TRANSFER_ONLY_PREMIUM;
      }
    }
    if (method != METHOD_SEND) {
      ret += SEND_INVOKE_METHOD;
    }
    return new GasCharge("OnMethodInvocation", ret, 0);
  }

  public GasCharge onIpldGet() {
    return new GasCharge("OnIpldGet", ipldGetBase, 0);
  }

  public GasCharge onIpldPut(int dataSize) {
    return new GasCharge("OnIpldPut", ipldPutBase, dataSize * IPLD_PUT_PER_BYTE * storageGasMulti);
  }

  public GasCharge onCreateActor() {
    return new GasCharge(
        "OnCreateActor", CREATE_ACTOR_COMPUTE, CREATE_ACTOR_STORAGE * storageGasMulti);
  }

  public GasCharge onDeleteActor() {
    return new GasCharge("OnDeleteActor", 0, DELETE_ACTOR * storageGasMulti);
  }

  public GasCharge onVerifySignature(SignatureType type) {
    return switch (type) {
      case BLS -> new GasCharge("OnVerifySignature", VERIFY_SIG_BLS, 0);
      case SECP256K1 -> new GasCharge("OnVerifySignature", VERIFY_SIG_SECP, 0);
    };
  }

  public GasCharge onHashing(int dataSize) {
    return new GasCharge("OnHashing", HASHING_BASE, 0);
  }

  public GasCharge onComputeUnsealedSectorCid() {
    return new GasCharge("OnComputeUnsealedSectorCid", COMPUTE_UNSEALED_SECTOR_CID_BASE, 0);
  }

  public GasCharge onVerifySeal() {
    return new GasCharge("OnVerifySeal", VERIFY_SEAL_BASE, 0);
  }

  /**
   * The charge for a window PoSt of {@code proofType} (of the first proof; -1 when there is none)
   * over {@code challengedSectors} sectors.
   */
  public GasCharge onVerifyPost(long proofType, int challengedSectors) {
    long flat;
    long scale;
    if (proofType == WINDOW_32GIB || proofType == WINDOW_64GIB) {
      flat = postLargeFlat;
      scale = postLargeScale;
    } else {
      // WINDOW_512MIB (8), and every type without a price of its own, as Lotus falls back
      flat = post512Flat;
      scale = post512Scale;
    }
    long gas = flat + challengedSectors * scale;
    if (verifyPostDiscount) {
      gas /= 2;
    }
    return new GasCharge("OnVerifyPost", gas, 0);
  }

  public GasCharge onVerifyConsensusFault() {
    return new GasCharge("OnVerifyConsensusFault", VERIFY_CONSENSUS_FAULT, 0);
  }
}
