package io.filnode.actors.v2.multisig;

import static org.assertj.core.api.Assertions.assertThat;

import io.filnode.actors.builtin.Builtin;
import io.filnode.actors.testing.VectorMessages;
import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.crypto.Blake2b;
import io.filnode.chain.state.ActorKind;
import io.filnode.chain.state.BuiltinActors;
import io.filnode.chain.types.UnsignedMessage;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The multisig parameter and return types against the messages and receipts of the conformance
 * vectors in {@code multisig/}: every value decodes and encodes back to the same bytes, and the
 * proposal hashes that approvals and cancels carry are what {@link ProposalHashData} hashes to.
 */
class MultisigVectorCodecTest {
  private static final Cid MULTISIG_CODE = BuiltinActors.codeCid(ActorKind.MULTISIG, 2);

  @Test
  void paramsAndReturnsRoundTrip() throws Exception {
    int constructors = 0;
    int calls = 0;
    int returns = 0;
    for (VectorMessages v : VectorMessages.load("multisig")) {
      for (int i = 0; i < v.messages().size(); i++) {
        UnsignedMessage msg = v.messages().get(i);
        byte[] params = msg.params();
        if (msg.to().equals(Builtin.INIT_ACTOR_ADDR)) {
          CborReader r = new CborReader(params);
          r.readTupleHeader(2, "ExecParams");
          assertThat(r.readCid()).isEqualTo(MULTISIG_CODE);
          byte[] inner = r.readBytes();
          assertRoundTrip(inner, ConstructorParams.decode(new CborReader(inner)));
          constructors++;
          continue;
        }
        calls++;
        assertRoundTrip(params, decodeParams(msg.method(), params));
        VectorMessages.Receipt receipt = v.receipts().get(i);
        if (receipt.exitCode() == 0 && msg.method() == Builtin.MethodsMultisig.PROPOSE) {
          assertRoundTrip(receipt.ret(), ProposeReturn.decode(new CborReader(receipt.ret())));
          returns++;
        } else if (receipt.exitCode() == 0 && msg.method() == Builtin.MethodsMultisig.APPROVE) {
          assertRoundTrip(receipt.ret(), ApproveReturn.decode(new CborReader(receipt.ret())));
          returns++;
        }
      }
    }
    assertThat(constructors).isEqualTo(7);
    assertThat(calls).isGreaterThan(10);
    assertThat(returns).isGreaterThan(5);
  }

  @Test
  void proposalHashesMatchTheProposals() throws Exception {
    int checked = 0;
    for (VectorMessages v : VectorMessages.load("multisig")) {
      UnsignedMessage lastPropose = null;
      for (int i = 0; i < v.messages().size(); i++) {
        UnsignedMessage msg = v.messages().get(i);
        if (msg.to().equals(Builtin.INIT_ACTOR_ADDR)) {
          continue;
        }
        if (msg.method() == Builtin.MethodsMultisig.PROPOSE
            && v.receipts().get(i).exitCode() == 0) {
          lastPropose = msg;
        } else if (msg.method() == Builtin.MethodsMultisig.APPROVE
            || msg.method() == Builtin.MethodsMultisig.CANCEL) {
          TxnIdParams p = TxnIdParams.decode(new CborReader(msg.params()));
          if (!p.hasProposalHash()) {
            continue;
          }
          assertThat(lastPropose).isNotNull();
          ProposeParams proposal = ProposeParams.decode(new CborReader(lastPropose.params()));
          // The proposer sent from its ID address, which is what the transaction records.
          Transaction txn =
              new Transaction(
                  proposal.to(),
                  proposal.value(),
                  proposal.method(),
                  proposal.params(),
                  List.of(lastPropose.from()));
          assertThat(Blake2b.sum256(ProposalHashData.of(txn).toCbor())).isEqualTo(p.proposalHash());
          checked++;
        }
      }
    }
    assertThat(checked).isGreaterThanOrEqualTo(4);
  }

  private static CborEncodable decodeParams(long method, byte[] params) throws CborException {
    CborReader r = new CborReader(params);
    if (method == Builtin.MethodsMultisig.PROPOSE) {
      return ProposeParams.decode(r);
    } else if (method == Builtin.MethodsMultisig.APPROVE
        || method == Builtin.MethodsMultisig.CANCEL) {
      return TxnIdParams.decode(r);
    } else if (method == Builtin.MethodsMultisig.ADD_SIGNER) {
      return AddSignerParams.decode(r);
    }
    throw new AssertionError("the multisig vectors call no method " + method + " directly");
  }

  private static void assertRoundTrip(byte[] bytes, CborEncodable decoded) {
    assertThat(decoded.toCbor()).isEqualTo(bytes);
  }
}
