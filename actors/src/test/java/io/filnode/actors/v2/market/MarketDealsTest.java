package io.filnode.actors.v2.market;

import static io.filnode.actors.v2.market.MarketHarness.ACCOUNT;
import static io.filnode.actors.v2.market.MarketHarness.CLIENT;
import static io.filnode.actors.v2.market.MarketHarness.EPOCHS_IN_DAY;
import static io.filnode.actors.v2.market.MarketHarness.MINER;
import static io.filnode.actors.v2.market.MarketHarness.MINER_ADDRS;
import static io.filnode.actors.v2.market.MarketHarness.MULTISIG;
import static io.filnode.actors.v2.market.MarketHarness.OWNER;
import static io.filnode.actors.v2.market.MarketHarness.POWER;
import static io.filnode.actors.v2.market.MarketHarness.PROVIDER;
import static io.filnode.actors.v2.market.MarketHarness.SIG;
import static io.filnode.actors.v2.market.MarketHarness.WORKER;
import static org.assertj.core.api.Assertions.assertThat;

import io.filnode.actors.builtin.Builtin;
import io.filnode.actors.builtin.Builtin.MethodsMarket;
import io.filnode.actors.builtin.MinerAddrs;
import io.filnode.actors.runtime.ExitCode;
import io.filnode.actors.runtime.proof.PieceInfo;
import io.filnode.actors.v2.market.MarketHarness.Miner;
import io.filnode.chain.address.Address;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.cid.Multihash;
import io.filnode.chain.types.TokenAmount;
import java.math.BigInteger;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Publication checks, activation, termination, VerifyDealsForActivation and ComputeDataCommitment,
 * after specs-actors v2 market_test.go.
 */
class MarketDealsTest {
  static final long START = 10;
  static final long END = START + 200 * EPOCHS_IN_DAY;
  static final long SECTOR_EXPIRY = END + 100;

  /** A change to the default deal (and maybe the runtime) before publishing it. */
  interface Setup extends BiFunction<MarketHarness, DealProposal, DealProposal> {}

  static DealProposal with(
      DealProposal d, long start, long end, TokenAmount price, TokenAmount pc, TokenAmount cc) {
    return new DealProposal(
        d.pieceCid(),
        d.pieceSize(),
        d.verifiedDeal(),
        d.client(),
        d.provider(),
        d.label(),
        start,
        end,
        price,
        pc,
        cc);
  }

  static DealProposal withPiece(DealProposal d, Cid piece, long size) {
    return new DealProposal(
        piece,
        size,
        d.verifiedDeal(),
        d.client(),
        d.provider(),
        d.label(),
        d.startEpoch(),
        d.endEpoch(),
        d.storagePricePerEpoch(),
        d.providerCollateral(),
        d.clientCollateral());
  }

  static DealProposal funded(MarketHarness h, DealProposal d) {
    h.addParticipantFunds(CLIENT, d.clientBalanceRequirement());
    h.addProviderFunds(d.providerCollateral(), MINER_ADDRS);
    return d;
  }

  static final TokenAmount ONE = TokenAmount.ofAtto(1);
  static final TokenAmount TOO_MUCH = TokenAmount.TOTAL_FILECOIN.add(ONE);

  /** TestPublishStorageDealsFailures' table: each case and the exit code it must give. */
  static Stream<Arguments> publishFailures() {
    return Stream.of(
        Arguments.of(
            "deal end after deal start",
            (Setup)
                (h, d) ->
                    with(
                        d,
                        10,
                        9,
                        d.storagePricePerEpoch(),
                        d.providerCollateral(),
                        d.clientCollateral()),
            ExitCode.ERR_ILLEGAL_ARGUMENT,
            true),
        Arguments.of(
            "current epoch greater than start epoch",
            (Setup)
                (h, d) ->
                    with(
                        d,
                        4,
                        d.endEpoch(),
                        d.storagePricePerEpoch(),
                        d.providerCollateral(),
                        d.clientCollateral()),
            ExitCode.ERR_ILLEGAL_ARGUMENT,
            true),
        Arguments.of(
            "deal duration greater than max deal duration",
            (Setup)
                (h, d) ->
                    with(
                        d,
                        10,
                        10 + 540 * EPOCHS_IN_DAY + 1,
                        d.storagePricePerEpoch(),
                        d.providerCollateral(),
                        d.clientCollateral()),
            ExitCode.ERR_ILLEGAL_ARGUMENT,
            true),
        Arguments.of(
            "negative price per epoch",
            (Setup)
                (h, d) ->
                    with(
                        d,
                        d.startEpoch(),
                        d.endEpoch(),
                        TokenAmount.ofAtto(-1),
                        d.providerCollateral(),
                        d.clientCollateral()),
            ExitCode.ERR_ILLEGAL_ARGUMENT,
            true),
        Arguments.of(
            "price per epoch greater than total filecoin",
            (Setup)
                (h, d) ->
                    with(
                        d,
                        d.startEpoch(),
                        d.endEpoch(),
                        TOO_MUCH,
                        d.providerCollateral(),
                        d.clientCollateral()),
            ExitCode.ERR_ILLEGAL_ARGUMENT,
            true),
        Arguments.of(
            "negative provider collateral",
            (Setup)
                (h, d) ->
                    with(
                        d,
                        d.startEpoch(),
                        d.endEpoch(),
                        d.storagePricePerEpoch(),
                        TokenAmount.ofAtto(-1),
                        d.clientCollateral()),
            ExitCode.ERR_ILLEGAL_ARGUMENT,
            true),
        Arguments.of(
            "provider collateral greater than max collateral",
            (Setup)
                (h, d) ->
                    with(
                        d,
                        d.startEpoch(),
                        d.endEpoch(),
                        d.storagePricePerEpoch(),
                        TOO_MUCH,
                        d.clientCollateral()),
            ExitCode.ERR_ILLEGAL_ARGUMENT,
            true),
        Arguments.of(
            "provider collateral less than bound",
            (Setup)
                (h, d) -> {
                  // Supply equal to the network power: the minimum is 2048/100 = 20.
                  h.rt.setCirculatingSupply(TokenAmount.ofAtto(MarketHarness.NETWORK_POWER));
                  return with(
                      d,
                      d.startEpoch(),
                      d.endEpoch(),
                      d.storagePricePerEpoch(),
                      TokenAmount.ofAtto(19),
                      d.clientCollateral());
                },
            ExitCode.ERR_ILLEGAL_ARGUMENT,
            true),
        Arguments.of(
            "negative client collateral",
            (Setup)
                (h, d) ->
                    with(
                        d,
                        d.startEpoch(),
                        d.endEpoch(),
                        d.storagePricePerEpoch(),
                        d.providerCollateral(),
                        TokenAmount.ofAtto(-1)),
            ExitCode.ERR_ILLEGAL_ARGUMENT,
            true),
        Arguments.of(
            "client collateral greater than max collateral",
            (Setup)
                (h, d) ->
                    with(
                        d,
                        d.startEpoch(),
                        d.endEpoch(),
                        d.storagePricePerEpoch(),
                        d.providerCollateral(),
                        TOO_MUCH),
            ExitCode.ERR_ILLEGAL_ARGUMENT,
            true),
        Arguments.of(
            "client does not have enough balance for collateral",
            (Setup)
                (h, d) -> {
                  h.addParticipantFunds(CLIENT, d.clientBalanceRequirement().subtract(ONE));
                  h.addProviderFunds(d.providerCollateral(), MINER_ADDRS);
                  return d;
                },
            ExitCode.ERR_INSUFFICIENT_FUNDS,
            true),
        Arguments.of(
            "provider does not have enough balance for collateral",
            (Setup)
                (h, d) -> {
                  h.addParticipantFunds(CLIENT, d.clientBalanceRequirement());
                  h.addProviderFunds(d.providerCollateral().subtract(ONE), MINER_ADDRS);
                  return d;
                },
            ExitCode.ERR_INSUFFICIENT_FUNDS,
            true),
        Arguments.of(
            "unable to resolve client address",
            (Setup) (h, d) -> d.withParties(Address.newBls(new byte[48]), d.provider()),
            ExitCode.ERR_NOT_FOUND,
            true),
        Arguments.of(
            "signature is invalid", (Setup) (h, d) -> d, ExitCode.ERR_ILLEGAL_ARGUMENT, false),
        Arguments.of(
            "no entry for client in locked balance table",
            (Setup)
                (h, d) -> {
                  h.addProviderFunds(d.providerCollateral(), MINER_ADDRS);
                  return d;
                },
            ExitCode.ERR_INSUFFICIENT_FUNDS,
            true),
        Arguments.of(
            "no entry for provider in locked balance table",
            (Setup)
                (h, d) -> {
                  h.addParticipantFunds(CLIENT, d.clientBalanceRequirement());
                  return d;
                },
            ExitCode.ERR_INSUFFICIENT_FUNDS,
            true),
        Arguments.of(
            "bad piece CID",
            (Setup) (h, d) -> withPiece(d, Cid.ofDagCbor(new byte[] {(byte) 0xf6}), d.pieceSize()),
            ExitCode.ERR_ILLEGAL_ARGUMENT,
            true),
        Arguments.of(
            "zero piece size",
            (Setup) (h, d) -> withPiece(d, d.pieceCid(), 0),
            ExitCode.ERR_ILLEGAL_ARGUMENT,
            true),
        Arguments.of(
            "piece size less than 128 bytes",
            (Setup) (h, d) -> withPiece(d, d.pieceCid(), 64),
            ExitCode.ERR_ILLEGAL_ARGUMENT,
            true),
        Arguments.of(
            "piece size is not a power of 2",
            (Setup) (h, d) -> withPiece(d, d.pieceCid(), 254),
            ExitCode.ERR_ILLEGAL_ARGUMENT,
            true),
        Arguments.of(
            "label longer than 256 bytes",
            (Setup)
                (h, d) ->
                    new DealProposal(
                        d.pieceCid(),
                        d.pieceSize(),
                        false,
                        d.client(),
                        d.provider(),
                        "é".repeat(129),
                        d.startEpoch(),
                        d.endEpoch(),
                        d.storagePricePerEpoch(),
                        d.providerCollateral(),
                        d.clientCollateral()),
            ExitCode.ERR_ILLEGAL_ARGUMENT,
            true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("publishFailures")
  void publishFails(String name, Setup setup, int exitCode, boolean signatureValid) {
    MarketHarness h = MarketHarness.basicSetup();
    h.rt.setEpoch(5);
    DealProposal deal =
        setup.apply(h, MarketHarness.generateDealProposal(CLIENT, PROVIDER, START, END));
    h.rt.expectValidateCallerType(ACCOUNT, MULTISIG);
    h.expectProviderControlAddresses(PROVIDER, OWNER, WORKER);
    h.expectQueryNetworkInfo();
    h.rt.setCaller(WORKER, ACCOUNT);
    h.rt.expectVerifySignature(SIG, deal.client(), deal.toCbor(), signatureValid);
    MarketState before = h.state();
    h.rt.expectAbort(
        exitCode,
        () ->
            h.rt.call(
                h.actor, MethodsMarket.PUBLISH_STORAGE_DEALS, MarketHarness.publishParams(deal)));
    assertThat(h.state().nextId()).isEqualTo(before.nextId());
  }

  @Test
  void labelOfExactly256BytesIsAccepted() {
    // TestMaxDealLabelSize: the limit counts bytes, and 256 of them pass.
    MarketHarness h = MarketHarness.basicSetup();
    DealProposal d = MarketHarness.generateDealProposal(CLIENT, PROVIDER, START, END);
    d =
        new DealProposal(
            d.pieceCid(),
            d.pieceSize(),
            false,
            d.client(),
            d.provider(),
            "é".repeat(128),
            d.startEpoch(),
            d.endEpoch(),
            d.storagePricePerEpoch(),
            d.providerCollateral(),
            d.clientCollateral());
    funded(h, d);
    h.publishDeals(MINER_ADDRS, new MarketHarness.PublishReq(d, START));
  }

  @Test
  void theSameDealFailsTwiceButADifferentLabelMakesItNew() {
    // TestMarketActorDeals.
    MarketHarness h = MarketHarness.basicSetup();
    h.addProviderFunds(TokenAmount.ofAtto(20_000_000), MINER_ADDRS);
    h.addParticipantFunds(CLIENT, TokenAmount.ofAtto(20_000_000));
    DealProposal d = MarketHarness.generateDealProposal(CLIENT, PROVIDER, 1, 200 * EPOCHS_IN_DAY);
    h.publishDeals(MINER_ADDRS, new MarketHarness.PublishReq(d, 1));

    h.rt.expectValidateCallerType(ACCOUNT, MULTISIG);
    h.expectProviderControlAddresses(PROVIDER, OWNER, WORKER);
    h.expectQueryNetworkInfo();
    h.rt.expectVerifySignature(SIG, CLIENT, d.toCbor(), true);
    h.rt.setCaller(WORKER, ACCOUNT);
    h.rt.expectAbort(
        ExitCode.ERR_ILLEGAL_ARGUMENT,
        () ->
            h.rt.call(
                h.actor, MethodsMarket.PUBLISH_STORAGE_DEALS, MarketHarness.publishParams(d)));

    DealProposal relabelled =
        new DealProposal(
            d.pieceCid(),
            d.pieceSize(),
            false,
            d.client(),
            d.provider(),
            "foo",
            d.startEpoch(),
            d.endEpoch(),
            d.storagePricePerEpoch(),
            d.providerCollateral(),
            d.clientCollateral());
    h.publishDeals(MINER_ADDRS, new MarketHarness.PublishReq(relabelled, 1));
    assertThat(h.state().nextId()).isEqualTo(2);
  }

  @Test
  void failWhenDealsHaveDifferentProviders() {
    MarketHarness h = MarketHarness.basicSetup();
    DealProposal deal1 = h.generateDealAndAddFunds(CLIENT, MINER_ADDRS, START, END);
    Miner m2 = new Miner(OWNER, WORKER, Address.newId(1000));
    DealProposal deal2 = h.generateDealAndAddFunds(CLIENT, m2, 1, END);

    h.rt.expectValidateCallerType(ACCOUNT, MULTISIG);
    h.expectProviderControlAddresses(PROVIDER, OWNER, WORKER);
    h.expectQueryNetworkInfo();
    h.rt.setCaller(WORKER, ACCOUNT);
    h.rt.expectVerifySignature(SIG, deal1.client(), deal1.toCbor(), true);
    h.rt.expectVerifySignature(SIG, deal2.client(), deal2.toCbor(), true);
    h.expectGetRandom(deal1, 100);
    h.rt.expectAbort(
        ExitCode.ERR_ILLEGAL_ARGUMENT,
        () ->
            h.rt.call(
                h.actor,
                MethodsMarket.PUBLISH_STORAGE_DEALS,
                MarketHarness.publishParams(deal1, deal2)));
  }

  @Test
  void failWhenCallerIsNotOfSignableType() {
    MarketHarness h = MarketHarness.basicSetup();
    h.rt.setCaller(Address.newId(1000), MINER);
    h.rt.expectValidateCallerType(ACCOUNT, MULTISIG);
    DealProposal d = MarketHarness.generateDealProposal(CLIENT, PROVIDER, START, END);
    h.rt.expectAbort(
        ExitCode.SYS_ERR_FORBIDDEN,
        () ->
            h.rt.call(
                h.actor, MethodsMarket.PUBLISH_STORAGE_DEALS, MarketHarness.publishParams(d)));
  }

  @Test
  void failWhenNoDealsInParams() {
    MarketHarness h = MarketHarness.basicSetup();
    h.rt.setCaller(WORKER, ACCOUNT);
    h.rt.expectValidateCallerType(ACCOUNT, MULTISIG);
    h.rt.expectAbort(
        ExitCode.ERR_ILLEGAL_ARGUMENT,
        () ->
            h.rt.call(h.actor, MethodsMarket.PUBLISH_STORAGE_DEALS, MarketHarness.publishParams()));
  }

  @Test
  void failToResolveProviderAddress() {
    MarketHarness h = MarketHarness.basicSetup();
    DealProposal d =
        MarketHarness.generateDealProposal(CLIENT, Address.newBls(new byte[48]), START, END);
    h.rt.setCaller(WORKER, ACCOUNT);
    h.rt.expectValidateCallerType(ACCOUNT, MULTISIG);
    h.rt.expectAbort(
        ExitCode.ERR_NOT_FOUND,
        () ->
            h.rt.call(
                h.actor, MethodsMarket.PUBLISH_STORAGE_DEALS, MarketHarness.publishParams(d)));
  }

  @Test
  void callerIsNotTheWorkerOfTheMiner() {
    MarketHarness h = MarketHarness.basicSetup();
    DealProposal d = MarketHarness.generateDealProposal(CLIENT, PROVIDER, START, END);
    h.rt.expectValidateCallerType(ACCOUNT, MULTISIG);
    h.rt.expectSend(
        PROVIDER,
        Builtin.MethodsMiner.CONTROL_ADDRESSES,
        null,
        TokenAmount.ZERO,
        new MinerAddrs(OWNER, Address.newId(999), List.of()),
        ExitCode.OK);
    h.rt.setCaller(WORKER, ACCOUNT);
    h.rt.expectAbort(
        ExitCode.ERR_FORBIDDEN,
        () ->
            h.rt.call(
                h.actor, MethodsMarket.PUBLISH_STORAGE_DEALS, MarketHarness.publishParams(d)));
  }

  @Test
  void failsIfProviderIsNotAStorageMiner() {
    MarketHarness h = MarketHarness.basicSetup();
    Address p2 = Address.newId(505);
    h.rt.setAddressActorType(p2, POWER);
    DealProposal d = MarketHarness.generateDealProposal(CLIENT, p2, 1, 5);
    h.rt.expectValidateCallerType(ACCOUNT, MULTISIG);
    h.rt.setCaller(WORKER, ACCOUNT);
    h.rt.expectAbort(
        ExitCode.ERR_ILLEGAL_ARGUMENT,
        () ->
            h.rt.call(
                h.actor, MethodsMarket.PUBLISH_STORAGE_DEALS, MarketHarness.publishParams(d)));
  }

  @Test
  void cannotPublishTheSameDealTwiceBeforeACronTick() {
    MarketHarness h = MarketHarness.basicSetup();
    long start = 50;
    long end = start + 200 * EPOCHS_IN_DAY;
    long id1 = h.generateAndPublishDeal(CLIENT, MINER_ADDRS, start, end, start);
    DealProposal d1 = h.getDealProposal(id1);

    DealProposal d2 = h.generateDealAndAddFunds(CLIENT, MINER_ADDRS, start, end);
    h.rt.expectValidateCallerType(ACCOUNT, MULTISIG);
    h.expectProviderControlAddresses(PROVIDER, OWNER, WORKER);
    h.expectQueryNetworkInfo();
    h.rt.setCaller(WORKER, ACCOUNT);
    h.rt.expectVerifySignature(SIG, d2.client(), d2.toCbor(), true);
    h.rt.expectAbort(
        ExitCode.ERR_ILLEGAL_ARGUMENT,
        () ->
            h.rt.call(
                h.actor, MethodsMarket.PUBLISH_STORAGE_DEALS, MarketHarness.publishParams(d2)));

    // Once cron has processed the first, the same proposal can be published again.
    h.rt.setEpoch(d1.startEpoch() - 1);
    h.activateDeals(SECTOR_EXPIRY + 40, PROVIDER, d1.startEpoch() - 1, id1);
    h.rt.setEpoch(d1.startEpoch());
    h.cronTick();
    h.publishDeals(MINER_ADDRS, new MarketHarness.PublishReq(d2, start + 10));
  }

  @Nested
  class Activate {
    @Test
    void activateDealsMultipleTimesWithDifferentProviders() {
      MarketHarness h = MarketHarness.basicSetup();
      h.rt.setEpoch(5);
      long id1 = h.generateAndPublishDeal(CLIENT, MINER_ADDRS, START, END, START);
      long id2 = h.generateAndPublishDeal(CLIENT, MINER_ADDRS, START, END + 1, START);
      long id3 = h.generateAndPublishDeal(CLIENT, MINER_ADDRS, START, END + 2, START);
      Address provider2 = Address.newId(401);
      Miner m2 = new Miner(OWNER, WORKER, provider2);
      long id4 = h.generateAndPublishDeal(CLIENT, m2, START, END, START);
      long id5 = h.generateAndPublishDeal(CLIENT, m2, START, END + 1, START);

      h.activateDeals(SECTOR_EXPIRY, PROVIDER, 5, id1, id2);
      assertThat(List.of(id3, id4, id5)).allMatch(id -> h.findDealState(id) == null);
      h.activateDeals(SECTOR_EXPIRY, provider2, 5, id5);
      assertThat(List.of(id3, id4)).allMatch(id -> h.findDealState(id) == null);
      h.activateDeals(SECTOR_EXPIRY, PROVIDER, 5, id3);
      assertThat(h.findDealState(id4)).isNull();
    }

    @Test
    void failWhenCallerIsNotTheProvider() {
      MarketHarness h = MarketHarness.basicSetup();
      Miner m2 = new Miner(OWNER, WORKER, Address.newId(201));
      long id = h.generateAndPublishDeal(CLIENT, m2, START, END, START);
      expectActivateAbort(h, ExitCode.ERR_FORBIDDEN, SECTOR_EXPIRY, id);
    }

    @Test
    void failWhenCallerIsNotAStorageMiner() {
      MarketHarness h = MarketHarness.basicSetup();
      h.rt.expectValidateCallerType(MINER);
      h.rt.setCaller(PROVIDER, ACCOUNT);
      h.rt.expectAbort(
          ExitCode.SYS_ERR_FORBIDDEN,
          () ->
              h.rt.call(
                  h.actor, MethodsMarket.ACTIVATE_DEALS, new ActivateDealsParams(List.of(), 0)));
    }

    @Test
    void failWhenDealHasNotBeenPublished() {
      MarketHarness h = MarketHarness.basicSetup();
      expectActivateAbort(h, ExitCode.ERR_NOT_FOUND, SECTOR_EXPIRY, 42L);
    }

    @Test
    void failWhenDealHasAlreadyBeenActivated() {
      MarketHarness h = MarketHarness.basicSetup();
      long id = h.generateAndPublishDeal(CLIENT, MINER_ADDRS, START, END, START);
      h.activateDeals(SECTOR_EXPIRY, PROVIDER, 0, id);
      expectActivateAbort(h, ExitCode.ERR_ILLEGAL_ARGUMENT, SECTOR_EXPIRY, id);
    }

    @Test
    void failWhenCurrentEpochIsAfterTheDealStart() {
      MarketHarness h = MarketHarness.basicSetup();
      long id = h.generateAndPublishDeal(CLIENT, MINER_ADDRS, START, END, START);
      h.rt.setEpoch(START + 1);
      expectActivateAbort(h, ExitCode.ERR_ILLEGAL_ARGUMENT, SECTOR_EXPIRY, id);
    }

    @Test
    void failWhenDealEndsAfterTheSectorExpiry() {
      MarketHarness h = MarketHarness.basicSetup();
      long id = h.generateAndPublishDeal(CLIENT, MINER_ADDRS, START, END, START);
      expectActivateAbort(h, ExitCode.ERR_ILLEGAL_ARGUMENT, END - 1, id);
    }

    @Test
    void failToActivateAllDealsIfOneFails() {
      MarketHarness h = MarketHarness.basicSetup();
      long id1 = h.generateAndPublishDeal(CLIENT, MINER_ADDRS, START, END, START);
      h.activateDeals(SECTOR_EXPIRY, PROVIDER, 0, id1);
      long id2 = h.generateAndPublishDeal(CLIENT, MINER_ADDRS, START, END + 1, START);
      expectActivateAbort(h, ExitCode.ERR_ILLEGAL_ARGUMENT, SECTOR_EXPIRY, id1, id2);
      assertThat(h.findDealState(id2)).isNull();
    }

    private void expectActivateAbort(MarketHarness h, int code, long expiry, Long... ids) {
      h.rt.expectValidateCallerType(MINER);
      h.rt.setCaller(PROVIDER, MINER);
      h.rt.expectAbort(
          code,
          () ->
              h.rt.call(
                  h.actor,
                  MethodsMarket.ACTIVATE_DEALS,
                  new ActivateDealsParams(List.of(ids), expiry)));
    }
  }

  @Nested
  class OnMinerSectorsTerminate {
    final long current = 5;

    @Test
    void terminateMultipleDealsFromMultipleProviders() {
      MarketHarness h = MarketHarness.basicSetup();
      h.rt.setEpoch(current);
      long id1 = h.generateAndPublishDeal(CLIENT, MINER_ADDRS, START, END, START);
      long id2 = h.generateAndPublishDeal(CLIENT, MINER_ADDRS, START, END + 1, START);
      long id3 = h.generateAndPublishDeal(CLIENT, MINER_ADDRS, START, END + 2, START);
      h.activateDeals(SECTOR_EXPIRY, PROVIDER, current, id1, id2, id3);
      Address provider2 = Address.newId(501);
      Miner m2 = new Miner(OWNER, WORKER, provider2);
      long id4 = h.generateAndPublishDeal(CLIENT, m2, START, END, START);
      long id5 = h.generateAndPublishDeal(CLIENT, m2, START, END + 1, START);
      h.activateDeals(SECTOR_EXPIRY, provider2, current, id4, id5);

      h.terminateDeals(PROVIDER, id1);
      h.assertDealsTerminated(current, id1);
      h.assertDealsNotTerminated(id2, id3, id4, id5);
      h.terminateDeals(provider2, id5);
      h.assertDealsTerminated(current, id5);
      h.assertDealsNotTerminated(id2, id3, id4);
      h.terminateDeals(PROVIDER, id2, id3);
      h.assertDealsTerminated(current, id2, id3);
      h.assertDealsNotTerminated(id4);
      h.terminateDeals(provider2, id4);
      h.assertDealsTerminated(current, id4);
    }

    @Test
    void ignoreDealProposalThatDoesNotExist() {
      MarketHarness h = MarketHarness.basicSetup();
      h.rt.setEpoch(current);
      long id1 = h.generateAndPublishDeal(CLIENT, MINER_ADDRS, START, END, START);
      h.activateDeals(SECTOR_EXPIRY, PROVIDER, current, id1);
      h.terminateDeals(PROVIDER, id1, 42L);
      h.assertDealsTerminated(current, id1);
    }

    @Test
    void onlyUnexpiredDealsAreTerminated() {
      MarketHarness h = MarketHarness.basicSetup();
      h.rt.setEpoch(current);
      long id1 = h.generateAndPublishDeal(CLIENT, MINER_ADDRS, START, END, START);
      long id2 = h.generateAndPublishDeal(CLIENT, MINER_ADDRS, START, END + 1, START);
      long id3 = h.generateAndPublishDeal(CLIENT, MINER_ADDRS, START, END - 1, START);
      h.activateDeals(SECTOR_EXPIRY, PROVIDER, current, id1, id2, id3);
      h.rt.setEpoch(END - 1);
      h.terminateDeals(PROVIDER, id1, id2, id3);
      h.assertDealsTerminated(END - 1, id1, id2);
      h.assertDealsNotTerminated(id3);
    }

    @Test
    void terminatingTwiceKeepsTheFirstSlashEpoch() {
      MarketHarness h = MarketHarness.basicSetup();
      h.rt.setEpoch(current);
      long id1 = h.generateAndPublishDeal(CLIENT, MINER_ADDRS, START, END, START);
      long id2 = h.generateAndPublishDeal(CLIENT, MINER_ADDRS, START, END + 1, START);
      h.activateDeals(SECTOR_EXPIRY, PROVIDER, current, id1, id2);
      h.terminateDeals(PROVIDER, id1);
      h.rt.setEpoch(current + 1);
      h.terminateDeals(PROVIDER, id1, id2);
      h.assertDealsTerminated(current, id1);
      h.assertDealsTerminated(current + 1, id2);
    }

    @Test
    void doNotTerminateADealEndingAtOrBeforeTheCurrentEpoch() {
      MarketHarness h = MarketHarness.basicSetup();
      h.rt.setEpoch(current);
      long id1 = h.generateAndPublishDeal(CLIENT, MINER_ADDRS, START, END, START);
      h.activateDeals(SECTOR_EXPIRY, PROVIDER, current, id1);
      h.rt.setEpoch(END);
      h.terminateDeals(PROVIDER, id1);
      h.assertDealsNotTerminated(id1);
    }

    @Test
    void failWhenCallerIsNotTheProviderOfTheDeal() {
      MarketHarness h = MarketHarness.basicSetup();
      h.rt.setEpoch(current);
      long id = h.generateAndPublishDeal(CLIENT, MINER_ADDRS, START, END, START);
      h.activateDeals(SECTOR_EXPIRY, PROVIDER, current, id);
      h.rt.expectValidateCallerType(MINER);
      h.rt.setCaller(Address.newId(501), MINER);
      // An assertion in Go: a panic, which Lotus reports as SysErrReserved1.
      h.rt.expectAbort(
          ExitCode.SYS_ERR_RESERVED_1,
          () ->
              h.rt.call(
                  h.actor,
                  MethodsMarket.ON_MINER_SECTORS_TERMINATE,
                  new OnMinerSectorsTerminateParams(current, List.of(id))));
    }

    @Test
    void terminationOfAllDealsFailsWhenOneIsPublishedButNotActivated() {
      MarketHarness h = MarketHarness.basicSetup();
      h.rt.setEpoch(current);
      long id1 = h.generateAndPublishDeal(CLIENT, MINER_ADDRS, START, END, START);
      h.activateDeals(SECTOR_EXPIRY, PROVIDER, current, id1);
      long id2 = h.generateAndPublishDeal(CLIENT, MINER_ADDRS, START, END + 1, START);
      h.rt.expectValidateCallerType(MINER);
      h.rt.setCaller(PROVIDER, MINER);
      h.rt.expectAbort(
          ExitCode.ERR_ILLEGAL_ARGUMENT,
          () ->
              h.rt.call(
                  h.actor,
                  MethodsMarket.ON_MINER_SECTORS_TERMINATE,
                  new OnMinerSectorsTerminateParams(current, List.of(id1, id2))));
      h.assertDealsNotTerminated(id1);
    }
  }

  @Nested
  class VerifyDealsForActivation {
    @Test
    void weightOfAnUnverifiedDeal() {
      MarketHarness h = MarketHarness.basicSetup();
      long id = h.generateAndPublishDeal(CLIENT, MINER_ADDRS, START, END, START);
      DealProposal d = h.getDealProposal(id);
      VerifyDealsForActivationReturn ret =
          h.verifyDealsForActivation(PROVIDER, 0, SECTOR_EXPIRY, id);
      assertThat(ret.dealWeight()).isEqualTo(MarketPolicy.dealWeight(d));
      assertThat(ret.verifiedDealWeight()).isZero();
      assertThat(ret.dealSpace()).isEqualTo(2048);
      // 2048 bytes for 200 days of epochs.
      assertThat(ret.dealWeight()).isEqualTo(BigInteger.valueOf(2048L * 200 * EPOCHS_IN_DAY));
    }

    @Test
    void weightsOfVerifiedAndUnverifiedDeals() {
      MarketHarness h = MarketHarness.basicSetup();
      DealProposal plain = MarketHarness.generateDealProposal(CLIENT, PROVIDER, START, END);
      DealProposal verified =
          MarketHarness.withVerified(
              MarketHarness.generateDealProposal(CLIENT, PROVIDER, START, END + 1));
      funded(h, plain);
      funded(h, verified);
      List<Long> ids =
          h.publishDeals(
              MINER_ADDRS,
              new MarketHarness.PublishReq(plain, START),
              new MarketHarness.PublishReq(verified, START));
      VerifyDealsForActivationReturn ret =
          h.verifyDealsForActivation(PROVIDER, 0, SECTOR_EXPIRY, ids.get(0), ids.get(1));
      assertThat(ret.dealWeight()).isEqualTo(MarketPolicy.dealWeight(plain));
      assertThat(ret.verifiedDealWeight()).isEqualTo(MarketPolicy.dealWeight(verified));
      assertThat(ret.dealSpace()).isEqualTo(4096);
    }

    @Test
    void failures() {
      MarketHarness h = MarketHarness.basicSetup();
      long id = h.generateAndPublishDeal(CLIENT, MINER_ADDRS, START, END, START);
      expectVerifyAbort(h, PROVIDER, ExitCode.ERR_NOT_FOUND, 0, SECTOR_EXPIRY, 1L);
      expectVerifyAbort(h, Address.newId(205), ExitCode.ERR_FORBIDDEN, 0, SECTOR_EXPIRY, id);
      expectVerifyAbort(h, PROVIDER, ExitCode.ERR_ILLEGAL_ARGUMENT, START + 1, SECTOR_EXPIRY, id);
      expectVerifyAbort(h, PROVIDER, ExitCode.ERR_ILLEGAL_ARGUMENT, 0, END - 1, id);
      expectVerifyAbort(h, PROVIDER, ExitCode.ERR_ILLEGAL_ARGUMENT, 0, SECTOR_EXPIRY, id, id);
    }

    private void expectVerifyAbort(
        MarketHarness h, Address caller, int code, long start, long expiry, Long... ids) {
      h.rt.expectValidateCallerType(MINER);
      h.rt.setCaller(caller, MINER);
      h.rt.expectAbort(
          code,
          () ->
              h.rt.call(
                  h.actor,
                  MethodsMarket.VERIFY_DEALS_FOR_ACTIVATION,
                  new VerifyDealsForActivationParams(List.of(ids), expiry, start)));
    }
  }

  @Nested
  class ComputeDataCommitment {
    @Test
    void computesTheCidOfTheDealsPieces() throws Exception {
      MarketHarness h = MarketHarness.basicSetup();
      long id = h.generateAndPublishDeal(CLIENT, MINER_ADDRS, START, END, START);
      DealProposal d = h.getDealProposal(id);
      Cid commD =
          Cid.v1(
              Cid.FIL_COMMITMENT_UNSEALED,
              Multihash.SHA2_256_TRUNC254_PADDED,
              MarketHarness.pieceCid("commD").digest());
      h.rt.expectValidateCallerType(MINER);
      h.rt.setCaller(PROVIDER, MINER);
      h.rt.expectComputeUnsealedSectorCid(
          1, List.of(new PieceInfo(d.pieceSize(), d.pieceCid())), commD, null);
      byte[] ret =
          h.rt.call(
              h.actor,
              MethodsMarket.COMPUTE_DATA_COMMITMENT,
              new ComputeDataCommitmentParams(List.of(id), 1));
      h.rt.verify();
      assertThat(CborReader.decodeWhole(ret, "CborCid", CborReader::readCid)).isEqualTo(commD);
    }

    @Test
    void failWhenDealProposalIsAbsent() {
      MarketHarness h = MarketHarness.basicSetup();
      h.rt.expectValidateCallerType(MINER);
      h.rt.setCaller(PROVIDER, MINER);
      h.rt.expectAbort(
          ExitCode.ERR_NOT_FOUND,
          () ->
              h.rt.call(
                  h.actor,
                  MethodsMarket.COMPUTE_DATA_COMMITMENT,
                  new ComputeDataCommitmentParams(List.of(1L), 1)));
    }

    @Test
    void failWhenSyscallFails() {
      MarketHarness h = MarketHarness.basicSetup();
      long id = h.generateAndPublishDeal(CLIENT, MINER_ADDRS, START, END, START);
      DealProposal d = h.getDealProposal(id);
      h.rt.expectValidateCallerType(MINER);
      h.rt.setCaller(PROVIDER, MINER);
      h.rt.expectComputeUnsealedSectorCid(
          1, List.of(new PieceInfo(d.pieceSize(), d.pieceCid())), null, "failed");
      h.rt.expectAbort(
          ExitCode.ERR_ILLEGAL_ARGUMENT,
          () ->
              h.rt.call(
                  h.actor,
                  MethodsMarket.COMPUTE_DATA_COMMITMENT,
                  new ComputeDataCommitmentParams(List.of(id), 1)));
    }
  }
}
