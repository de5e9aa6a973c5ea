package io.filnode.actors.v2.paych;

import static org.assertj.core.api.Assertions.assertThat;

import io.filnode.actors.builtin.Builtin;
import io.filnode.actors.testing.VectorMessages;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.crypto.SignatureVerifier;
import io.filnode.chain.state.ActorKind;
import io.filnode.chain.state.BuiltinActors;
import io.filnode.chain.types.TokenAmount;
import io.filnode.chain.types.UnsignedMessage;
import org.junit.jupiter.api.Test;

/**
 * The payment channel types against the conformance vectors in {@code paych/}: constructor and
 * voucher parameters encode back to their bytes, and each voucher's signature verifies over {@link
 * SignedVoucher#signingBytes()} by the party that did not submit it (and fails once the voucher
 * changes).
 */
class PaychVectorCodecTest {
  private static final Cid PAYCH_CODE = BuiltinActors.codeCid(ActorKind.PAYMENT_CHANNEL, 2);

  @Test
  void vouchersRoundTripAndTheirSignaturesVerify() throws Exception {
    int vouchers = 0;
    for (VectorMessages v : VectorMessages.load("paych")) {
      ConstructorParams channel = null;
      for (UnsignedMessage msg : v.messages()) {
        if (msg.to().equals(Builtin.INIT_ACTOR_ADDR)) {
          CborReader r = new CborReader(msg.params());
          r.readTupleHeader(2, "ExecParams");
          assertThat(r.readCid()).isEqualTo(PAYCH_CODE);
          byte[] inner = r.readBytes();
          channel = ConstructorParams.decode(new CborReader(inner));
          assertThat(channel.toCbor()).isEqualTo(inner);
        } else if (msg.method() == Builtin.MethodsPaych.UPDATE_CHANNEL_STATE) {
          UpdateChannelStateParams p =
              UpdateChannelStateParams.decode(new CborReader(msg.params()));
          assertThat(p.toCbor()).isEqualTo(msg.params());
          assertThat(channel).isNotNull();
          SignedVoucher sv = p.sv();
          // The payer submits here, so the payee signed the voucher.
          assertThat(msg.from()).isEqualTo(channel.from());
          assertThat(SignatureVerifier.verify(sv.signature(), channel.to(), sv.signingBytes()))
              .isTrue();
          SignedVoucher changed =
              new SignedVoucher(
                  sv.channelAddr(),
                  sv.timeLockMin(),
                  sv.timeLockMax(),
                  sv.secretPreimage(),
                  sv.extra(),
                  sv.lane(),
                  sv.nonce(),
                  sv.amount().add(TokenAmount.ofAtto(1)),
                  sv.minSettleHeight(),
                  sv.merges(),
                  sv.signature());
          assertThat(SignatureVerifier.verify(sv.signature(), channel.to(), changed.signingBytes()))
              .isFalse();
          vouchers++;
        }
      }
    }
    assertThat(vouchers).isEqualTo(2);
  }
}
