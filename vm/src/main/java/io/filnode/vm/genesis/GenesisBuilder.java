package io.filnode.vm.genesis;

import io.filnode.actors.builtin.Builtin;
import io.filnode.chain.amt.Amt;
import io.filnode.chain.amt.AmtOptions;
import io.filnode.chain.blockstore.Blockstore;
import io.filnode.chain.blockstore.IpldStore;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.cid.Hex;
import io.filnode.chain.cid.Multihash;
import io.filnode.chain.crypto.Blake2b;
import io.filnode.chain.types.BeaconEntry;
import io.filnode.chain.types.BlockHeader;
import io.filnode.chain.types.ElectionProof;
import io.filnode.chain.types.MsgMeta;
import io.filnode.chain.types.Ticket;
import io.filnode.chain.types.TokenAmount;
import io.filnode.vm.ActorRegistry;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Builds a devnet's genesis as Lotus v1.10.0's {@code MakeGenesisBlock}: the initial state tree
 * ({@link InitialStateTree}), the storage miners with mock committed-capacity sectors ({@link
 * MinerSetup}), then the genesis block header, whose parent is the Filecoin genesis block Lotus
 * stores (the "Filecoin" manifesto), with empty messages and receipts, weight 0, height 0 and the
 * initial base fee. Where Lotus draws random bytes (the ticket, the first verifier's key) this
 * builder derives them from its input, so the same spec always gives the same genesis CID.
 *
 * <p>Requirements on the spec: every miner's owner and worker are among the accounts (the worker a
 * BLS address); the owner sends each sector's pre-commit deposit plus initial pledge to the miner,
 * so its balance must cover them: with actors v2's initial estimates that is about 2.72 FIL per 32
 * GiB sector (870.27 FIL for 320 sectors; the 1.72 FIL deposit is unlocked into the miner's
 * balance, the 1 FIL pledge stays locked), and the build fails naming the amount when an owner is
 * short; the network version is one executed by actors v2 (4 to 9). A miner's power counts towards
 * the network's total, and so for leader election, only from 10 TiB (320 sectors of 32 GiB), as
 * mainnet policy says: a devnet needs at least one such miner to mine.
 */
public final class GenesisBuilder {
  /** Lotus's {@code build.InitialBaseFee}. */
  static final TokenAmount INITIAL_BASE_FEE = TokenAmount.ofAtto(100_000_000L);

  /** The CID of the Filecoin genesis block that every Lotus genesis names as its parent. */
  static final Cid FILECOIN_GENESIS_CID =
      Cid.parse("bafyreiaqpwbbyjo4a42saasj36kkrpv4tsherf2e7bvezkert2a7dhonoi");

  /** That block's bytes (DAG-CBOR, sha2-256), as Lotus's {@code genblock.go} holds them. */
  private static final String FILECOIN_GENESIS_HEX =
      "a5684461746574696d6573323031372d30352d30352030313a32373a3531674e6574776f726b6846696c65636f"
          + "696e65546f6b656e6846696c65636f696e6c546f6b656e416d6f756e7473a36b546f74616c537570706c79"
          + "6d322c3030302c3030302c303030664d696e6572736d312c3430302c3030302c3030306c50726f746f636f"
          + "6c4c616273a36b446576656c6f706d656e746b3330302c3030302c3030306b46756e6472616973696e676b"
          + "3230302c3030302c3030306a466f756e646174696f6e6b3130302c3030302c303030674d65737361676578"
          + "4854686973206973207468652047656e6573697320426c6f636b206f66207468652046696c65636f696e20"
          + "446563656e7472616c697a65642053746f72616765204e6574776f726b2e";

  private static final byte[] TICKET_DOMAIN =
      "filnode/genesis/ticket".getBytes(StandardCharsets.US_ASCII);

  private GenesisBuilder() {}

  /**
   * Builds the genesis of {@code spec} into {@code store} (state, header and the blocks they link)
   * and returns its header.
   *
   * @throws GenesisException when the spec is unusable or an actor refuses a step, saying which
   */
  public static GenesisResult build(Blockstore store, GenesisSpec spec) throws GenesisException {
    return build(store, spec, false);
  }

  /** {@code oneByOne}: confirm and claim each sector on its own, as Lotus (see MinerSetup). */
  static GenesisResult build(Blockstore store, GenesisSpec spec, boolean oneByOne)
      throws GenesisException {
    int nv = spec.networkVersion();
    if (ActorRegistry.actorsVersionFor(nv) != 2) {
      throw new GenesisException(
          "network version " + nv + " is not run by actors v2 (versions 4 to 9 are)");
    }
    IpldStore ipld = new IpldStore(store);
    InitialStateTree.Built initial = InitialStateTree.build(ipld, spec, stateTreeVersion(nv));
    Cid initialRoot = initial.tree().flush();
    MinerSetup.Result miners =
        MinerSetup.run(store, initialRoot, nv, spec.miners(), initial.keyIds(), oneByOne);
    Cid stateRoot = miners.stateRoot();

    Cid emptyAmt = Amt.create(ipld, AmtOptions.v2()).flush();
    Cid msgMeta = ipld.put(new MsgMeta(emptyAmt, emptyAmt));
    store.put(FILECOIN_GENESIS_CID, filecoinGenesisBlock());

    BlockHeader header =
        new BlockHeader(
            Builtin.SYSTEM_ACTOR_ADDR,
            new Ticket(ticket(stateRoot, spec.timestamp())),
            new ElectionProof(0, new byte[0]),
            List.of(new BeaconEntry(0, new byte[32])),
            List.of(),
            List.of(FILECOIN_GENESIS_CID),
            BigInteger.ZERO,
            0,
            stateRoot,
            emptyAmt,
            msgMeta,
            null,
            spec.timestamp(),
            null,
            0,
            INITIAL_BASE_FEE);
    Cid cid = ipld.put(header);
    return new GenesisResult(header, cid, miners.minerIds());
  }

  /** Lotus's {@code VersionForNetwork}: state tree version 1 for network versions 4 to 9. */
  private static int stateTreeVersion(int nv) {
    return nv <= 3 ? 0 : 1;
  }

  /** The ticket Lotus draws at random, here a hash of the state and the timestamp. */
  private static byte[] ticket(Cid stateRoot, long timestamp) {
    byte[] root = stateRoot.bytes();
    ByteBuffer in = ByteBuffer.allocate(TICKET_DOMAIN.length + root.length + Long.BYTES);
    in.put(TICKET_DOMAIN).put(root).putLong(timestamp);
    return Blake2b.sum256(in.array());
  }

  private static byte[] filecoinGenesisBlock() {
    byte[] data = Hex.decode(FILECOIN_GENESIS_HEX);
    Cid computed = Cid.of(Cid.DAG_CBOR, Multihash.SHA2_256, data);
    if (!computed.equals(FILECOIN_GENESIS_CID)) {
      throw new IllegalStateException("the Filecoin genesis block does not hash to its CID");
    }
    return data;
  }
}
