package io.filnode.actors.v2.market;

import static io.filnode.actors.v2.market.MarketHarness.CLIENT;
import static io.filnode.actors.v2.market.MarketHarness.EPOCHS_IN_DAY;
import static io.filnode.actors.v2.market.MarketHarness.MINER_ADDRS;
import static io.filnode.actors.v2.market.MarketHarness.OWNER;
import static io.filnode.actors.v2.market.MarketHarness.PROVIDER;
import static io.filnode.actors.v2.market.MarketHarness.WORKER;
import static org.assertj.core.api.Assertions.assertThat;

import io.filnode.actors.builtin.Builtin;
import io.filnode.actors.runtime.ExitCode;
import io.filnode.actors.v2.market.MarketHarness.Miner;
import io.filnode.actors.v2.market.MarketHarness.PublishReq;
import io.filnode.actors.v2.market.MarketHarness.Settlement;
import io.filnode.actors.v2.verifreg.RestoreBytesParams;
import io.filnode.chain.address.Address;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.types.TokenAmount;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** CronTick: payments, expiry, time-outs and slashing, after specs-actors v2 market_test.go. */
class MarketCronTest {
  static final long START = 50;
  static final long END = START + 200 * EPOCHS_IN_DAY;
  static final long SECTOR_EXPIRY = END + 100;
  static final long INTERVAL = MarketPolicy.DEAL_UPDATES_INTERVAL;

  static TokenAmount atto(long v) {
    return TokenAmount.ofAtto(v);
  }

  @Test
  void tickWithNoDealsStillRecordsTheEpoch() {
    MarketHarness h = MarketHarness.basicSetup();
    Cid before = h.state().dealOpsByEpoch();
    h.rt.setEpoch(7);
    h.cronTick();
    assertThat(h.state().lastCron()).isEqualTo(7);
    assertThat(h.state().dealOpsByEpoch()).isEqualTo(before);
  }

  @Test
  void onlyTheCronActorMayTick() {
    MarketHarness h = MarketHarness.basicSetup();
    h.rt.expectValidateCallerAddr(Builtin.CRON_ACTOR_ADDR);
    h.rt.setCaller(WORKER, MarketHarness.ACCOUNT);
    h.rt.expectAbort(
        ExitCode.SYS_ERR_FORBIDDEN,
        () -> h.rt.call(h.actor, Builtin.MethodsMarket.CRON_TICK, null));
  }

  @Nested
  class CronTick {
    @Test
    void failWhenDealIsActivatedButProposalIsNotFound() {
      MarketHarness h = MarketHarness.basicSetup();
      long id = h.publishAndActivateDeal(CLIENT, MINER_ADDRS, START, END, 0, SECTOR_EXPIRY, START);
      h.deleteDealProposal(id);
      h.rt.setEpoch(START);
      h.rt.expectAbort(ExitCode.ERR_NOT_FOUND, h::cronTick);
    }

    @Test
    void failWhenDealUpdateEpochIsInTheFuture() {
      MarketHarness h = MarketHarness.basicSetup();
      long id = h.publishAndActivateDeal(CLIENT, MINER_ADDRS, START, END, 0, SECTOR_EXPIRY, START);
      h.rt.setEpoch(START);
      h.cronTick();
      h.updateLastUpdated(id, END + 1000);
      h.rt.setEpoch(END);
      h.rt.expectAbort(ExitCode.SYS_ERR_RESERVED_1, h::cronTick);
    }

    @Test
    void tickAtTheStartEpochPaysNothingAndSlashesNothing() {
      MarketHarness h = MarketHarness.basicSetup();
      long id = h.publishAndActivateDeal(CLIENT, MINER_ADDRS, START, END, 0, SECTOR_EXPIRY, START);
      h.rt.setEpoch(START);
      Settlement s = h.cronTickAndAssertBalances(CLIENT, PROVIDER, START, id);
      assertThat(s.payment()).isEqualTo(TokenAmount.ZERO);
      assertThat(s.slashed()).isEqualTo(TokenAmount.ZERO);
      h.getDealProposal(id);
      assertThat(h.getDealState(id).lastUpdatedEpoch()).isEqualTo(START);
    }

    @Test
    void slashOneDealAndPayAnotherInTheSameEpoch() {
      MarketHarness h = MarketHarness.basicSetup();
      long id1 = h.publishAndActivateDeal(CLIENT, MINER_ADDRS, START, END, 0, SECTOR_EXPIRY, START);
      DealProposal d1 = h.getDealProposal(id1);
      long id2 =
          h.publishAndActivateDeal(
              CLIENT, MINER_ADDRS, START + 1, END + 1, 0, SECTOR_EXPIRY, START + 1);
      h.rt.setEpoch(150);
      h.terminateDeals(PROVIDER, id1);
      h.rt.setEpoch(151);
      h.rt.expectSend(
          Builtin.BURNT_FUNDS_ACTOR_ADDR,
          Builtin.METHOD_SEND,
          null,
          d1.providerCollateral(),
          null,
          ExitCode.OK);
      h.cronTick();
      h.assertDealDeleted(id1, d1);
      assertThat(h.getDealState(id2).lastUpdatedEpoch()).isEqualTo(151);
    }
  }

  @Nested
  class RandomCronEpochDuringPublish {
    final long sectorExpiry = END + 1;

    @Test
    void aRandomEpochIsChosenForTheFirstProcessing() {
      MarketHarness h = MarketHarness.basicSetup();
      long processEpoch = START + 5;
      long id = h.generateAndPublishDeal(CLIENT, MINER_ADDRS, START, END, processEpoch);
      DealProposal d = h.getDealProposal(id);
      h.rt.setEpoch(START - 1);
      h.activateDeals(sectorExpiry, PROVIDER, START - 1, id);

      h.rt.setEpoch(START);
      h.cronTickNoChange(CLIENT, PROVIDER);

      h.rt.setEpoch(processEpoch);
      Settlement s = h.cronTickAndAssertBalances(CLIENT, PROVIDER, processEpoch, id);
      assertThat(s.payment()).isEqualTo(d.storagePricePerEpoch().multiply(5));

      long current = processEpoch + INTERVAL;
      h.rt.setEpoch(current);
      s = h.cronTickAndAssertBalances(CLIENT, PROVIDER, current, id);
      assertThat(s.payment()).isEqualTo(d.storagePricePerEpoch().multiply(INTERVAL));
    }

    @Test
    void dealsAreScheduledForExpiryLaterThanTheEndEpoch() {
      MarketHarness h = MarketHarness.basicSetup();
      long id = h.generateAndPublishDeal(CLIENT, MINER_ADDRS, START, END, START);
      DealProposal d = h.getDealProposal(id);
      h.rt.setEpoch(START - 1);
      h.activateDeals(sectorExpiry, PROVIDER, START - 1, id);

      long curr = END - 1;
      h.rt.setEpoch(curr);
      Settlement s = h.cronTickAndAssertBalances(CLIENT, PROVIDER, curr, id);
      assertThat(s.payment()).isEqualTo(d.storagePricePerEpoch().multiply(curr - START));

      h.rt.setEpoch(END);
      h.cronTickNoChange(CLIENT, PROVIDER);
      h.getDealProposal(id);

      curr += INTERVAL;
      h.rt.setEpoch(curr);
      s = h.cronTickAndAssertBalances(CLIENT, PROVIDER, curr, id);
      assertThat(s.payment()).isEqualTo(d.storagePricePerEpoch());
      h.assertDealDeleted(id, d);
    }

    @Test
    void dealProcessedAfterItsEndEpochExpires() {
      MarketHarness h = MarketHarness.basicSetup();
      long processEpoch = END + 100;
      h.rt.setEpoch(START - 1);
      long id =
          h.publishAndActivateDeal(
              CLIENT, MINER_ADDRS, START, END, START - 1, sectorExpiry, processEpoch);
      DealProposal d = h.getDealProposal(id);
      h.rt.setEpoch(processEpoch);
      Settlement s = h.cronTickAndAssertBalances(CLIENT, PROVIDER, processEpoch, id);
      assertThat(s.slashed()).isEqualTo(TokenAmount.ZERO);
      assertThat(s.payment()).isEqualTo(d.storagePricePerEpoch().multiply(END - START));
      h.assertDealDeleted(id, d);
    }

    @Test
    void cronProcessingAfterMissedActivationSlashes() {
      MarketHarness h = MarketHarness.basicSetup();
      long processEpoch = START + 5;
      long id = h.generateAndPublishDeal(CLIENT, MINER_ADDRS, START, END, processEpoch);
      DealProposal d = h.getDealProposal(id);
      h.rt.setEpoch(processEpoch);
      h.rt.expectSend(
          Builtin.BURNT_FUNDS_ACTOR_ADDR,
          Builtin.METHOD_SEND,
          null,
          d.providerCollateral(),
          null,
          ExitCode.OK);
      h.cronTick();
      h.assertDealDeleted(id, d);
    }
  }

  @Test
  void lockedFundTrackingStates() {
    Address p1 = Address.newId(201);
    Address p2 = Address.newId(202);
    Address p3 = Address.newId(203);
    Address c1 = Address.newId(104);
    Address c2 = Address.newId(105);
    Address c3 = Address.newId(106);
    Miner m1 = new Miner(OWNER, WORKER, p1);
    Miner m2 = new Miner(OWNER, WORKER, p2);
    Miner m3 = new Miner(OWNER, WORKER, p3);
    long sectorExpiry = END + 400;

    MarketHarness h = MarketHarness.basicSetup(OWNER, p1, WORKER, c1);
    h.assertLockedFundStates(TokenAmount.ZERO, TokenAmount.ZERO, TokenAmount.ZERO);

    DealProposal d1 = h.getDealProposal(h.generateAndPublishDeal(c1, m1, START, END, START));
    DealProposal d2 = h.getDealProposal(h.generateAndPublishDeal(c2, m2, START, END, START));
    DealProposal d3 = h.getDealProposal(h.generateAndPublishDeal(c3, m3, START, END, START));

    TokenAmount csf = d1.totalStorageFee().add(d2.totalStorageFee()).add(d3.totalStorageFee());
    TokenAmount plc =
        d1.providerCollateral().add(d2.providerCollateral()).add(d3.providerCollateral());
    TokenAmount clc = d1.clientCollateral().add(d2.clientCollateral()).add(d3.clientCollateral());
    h.assertLockedFundStates(csf, plc, clc);

    // Activation changes nothing.
    long curr = START - 1;
    h.rt.setEpoch(curr);
    h.activateDeals(sectorExpiry, p1, curr, 0L);
    h.activateDeals(sectorExpiry, p2, curr, 1L);
    h.assertLockedFundStates(csf, plc, clc);

    // Payment for deals 1 and 2; deal 3 times out.
    curr = 51;
    h.rt.setEpoch(curr);
    h.rt.expectSend(
        Builtin.BURNT_FUNDS_ACTOR_ADDR,
        Builtin.METHOD_SEND,
        null,
        d3.providerCollateral(),
        null,
        ExitCode.OK);
    h.cronTick();
    TokenAmount payment = d1.storagePricePerEpoch().multiply(2);
    csf = csf.subtract(payment).subtract(d3.totalStorageFee());
    plc = plc.subtract(d3.providerCollateral());
    clc = clc.subtract(d3.clientCollateral());
    h.assertLockedFundStates(csf, plc, clc);

    // Nothing happens before the next scheduled epoch.
    h.rt.setEpoch(curr + INTERVAL - 1);
    h.cronTick();
    h.assertLockedFundStates(csf, plc, clc);

    long curr2 = curr + INTERVAL;
    h.rt.setEpoch(curr2);
    csf = csf.subtract(d1.storagePricePerEpoch().multiply(2 * (curr2 - curr)));
    h.cronTick();
    h.assertLockedFundStates(csf, plc, clc);

    // Slash deal 1, then a tick at the end slashes it and expires deal 2.
    h.rt.setEpoch(curr2 + 1);
    h.terminateDeals(p1, 0L);
    h.rt.setEpoch(END);
    h.rt.expectSend(
        Builtin.BURNT_FUNDS_ACTOR_ADDR,
        Builtin.METHOD_SEND,
        null,
        d1.providerCollateral(),
        null,
        ExitCode.OK);
    h.cronTick();
    h.assertLockedFundStates(TokenAmount.ZERO, TokenAmount.ZERO, TokenAmount.ZERO);
  }

  @Nested
  class TimedOutDeals {
    @Test
    void timedOutDealIsSlashedAndDeleted() {
      MarketHarness h = MarketHarness.basicSetup();
      long id = h.generateAndPublishDeal(CLIENT, MINER_ADDRS, START, END, START);
      DealProposal d = h.getDealProposal(id);
      TokenAmount cEscrow = h.getEscrowBalance(CLIENT);
      h.rt.setEpoch(START);
      h.rt.expectSend(
          Builtin.BURNT_FUNDS_ACTOR_ADDR,
          Builtin.METHOD_SEND,
          null,
          d.providerCollateral(),
          null,
          ExitCode.OK);
      h.cronTick();
      assertThat(h.getEscrowBalance(CLIENT)).isEqualTo(cEscrow);
      assertThat(h.getLockedBalance(CLIENT)).isEqualTo(TokenAmount.ZERO);
      h.assertAccountZero(PROVIDER);
      h.assertDealDeleted(id, d);
    }

    @Test
    void aTimedOutDealCanBePublishedAgainAfterTheTick() {
      MarketHarness h = MarketHarness.basicSetup();
      long id = h.generateAndPublishDeal(CLIENT, MINER_ADDRS, START, END, START);
      DealProposal d = h.getDealProposal(id);
      assertThat(h.isPending(d)).isTrue();

      h.rt.setEpoch(START);
      h.rt.expectSend(
          Builtin.BURNT_FUNDS_ACTOR_ADDR,
          Builtin.METHOD_SEND,
          null,
          d.providerCollateral(),
          null,
          ExitCode.OK);
      h.cronTick();
      h.assertDealDeleted(id, d);

      // No longer pending, the same proposal is accepted (publishing at epoch START is allowed).
      assertThat(h.generateAndPublishDeal(CLIENT, MINER_ADDRS, START, END, START)).isEqualTo(1);
    }

    @Test
    void timedOutVerifiedDealsAreSlashedDeletedAndReturnedToTheRegistry() {
      MarketHarness h = MarketHarness.basicSetup();
      DealProposal deal1 =
          MarketHarness.withVerified(h.generateDealAndAddFunds(CLIENT, MINER_ADDRS, START, END));
      DealProposal deal2 =
          MarketHarness.withVerified(
              h.generateDealAndAddFunds(CLIENT, MINER_ADDRS, START, END + 1));
      DealProposal deal3 = h.generateDealAndAddFunds(CLIENT, MINER_ADDRS, START, END + 2);
      List<Long> ids =
          h.publishDeals(
              MINER_ADDRS,
              new PublishReq(deal1, START),
              new PublishReq(deal2, START),
              new PublishReq(deal3, START));

      h.rt.setEpoch(START);
      for (DealProposal d : List.of(deal1, deal2)) {
        h.rt.expectSend(
            Builtin.VERIFIED_REGISTRY_ACTOR_ADDR,
            Builtin.MethodsVerifiedRegistry.RESTORE_BYTES,
            new RestoreBytesParams(d.client(), d.pieceSizeUnsigned()),
            TokenAmount.ZERO,
            null,
            ExitCode.OK);
      }
      h.rt.expectSend(
          Builtin.BURNT_FUNDS_ACTOR_ADDR,
          Builtin.METHOD_SEND,
          null,
          deal1.providerCollateral().multiply(3),
          null,
          ExitCode.OK);
      h.cronTick();

      h.cronTickNoChange(CLIENT, PROVIDER);
      h.assertAccountZero(PROVIDER);
      h.assertDealDeleted(ids.get(0), deal1);
      h.assertDealDeleted(ids.get(1), deal2);
      h.assertDealDeleted(ids.get(2), deal3);
    }

    @Test
    void aFailedRestoreBytesDoesNotFailTheTick() {
      MarketHarness h = MarketHarness.basicSetup();
      DealProposal deal =
          MarketHarness.withVerified(h.generateDealAndAddFunds(CLIENT, MINER_ADDRS, START, END));
      long id = h.publishDeals(MINER_ADDRS, new PublishReq(deal, START)).get(0);
      h.rt.setEpoch(START);
      h.rt.expectSend(
          Builtin.VERIFIED_REGISTRY_ACTOR_ADDR,
          Builtin.MethodsVerifiedRegistry.RESTORE_BYTES,
          new RestoreBytesParams(deal.client(), deal.pieceSizeUnsigned()),
          TokenAmount.ZERO,
          null,
          ExitCode.ERR_ILLEGAL_ARGUMENT);
      h.rt.expectSend(
          Builtin.BURNT_FUNDS_ACTOR_ADDR,
          Builtin.METHOD_SEND,
          null,
          deal.providerCollateral(),
          null,
          ExitCode.OK);
      h.cronTick();
      h.assertDealDeleted(id, deal);
    }
  }

  @Nested
  class DealExpiry {
    final long sectorExpiry = END + 400;

    @Test
    void processedTwiceInTheSameTick() {
      MarketHarness h = MarketHarness.basicSetup();
      long id = h.publishAndActivateDeal(CLIENT, MINER_ADDRS, START, END, 0, sectorExpiry, START);
      DealProposal d = h.getDealProposal(id);
      h.rt.setEpoch(START);
      Settlement s = h.cronTickAndAssertBalances(CLIENT, PROVIDER, START, id);
      assertThat(s.payment()).isEqualTo(TokenAmount.ZERO);

      long current = END + 5;
      h.rt.setEpoch(current);
      s = h.cronTickAndAssertBalances(CLIENT, PROVIDER, current, id);
      assertThat(s.payment()).isEqualTo(d.storagePricePerEpoch().multiply(END - START));
      assertThat(s.slashed()).isEqualTo(TokenAmount.ZERO);
      h.assertDealDeleted(id, d);
    }

    @Test
    void regularPaymentsUntilExpiryThenFundsUnlock() {
      MarketHarness h = MarketHarness.basicSetup();
      long id = h.publishAndActivateDeal(CLIENT, MINER_ADDRS, START, END, 0, sectorExpiry, START);
      DealProposal d = h.getDealProposal(id);

      long current = START + 5;
      h.rt.setEpoch(current);
      assertThat(h.cronTickAndAssertBalances(CLIENT, PROVIDER, current, id).payment())
          .isEqualTo(atto(50));

      h.rt.setEpoch(current + INTERVAL - 1);
      h.cronTickNoChange(CLIENT, PROVIDER);

      long current2 = current + INTERVAL;
      h.rt.setEpoch(current2);
      assertThat(h.cronTickAndAssertBalances(CLIENT, PROVIDER, current2, id).payment())
          .isEqualTo(d.storagePricePerEpoch().multiply(INTERVAL));
      h.cronTickNoChange(CLIENT, PROVIDER);

      long current3 = current2 + INTERVAL;
      h.rt.setEpoch(current3);
      assertThat(h.cronTickAndAssertBalances(CLIENT, PROVIDER, current3, id).payment())
          .isEqualTo(d.storagePricePerEpoch().multiply(INTERVAL));

      long current4 = END + 300;
      h.rt.setEpoch(current4);
      Settlement s = h.cronTickAndAssertBalances(CLIENT, PROVIDER, current4, id);
      assertThat(s.payment()).isEqualTo(d.storagePricePerEpoch().multiply(END - current3));
      assertThat(s.slashed()).isEqualTo(TokenAmount.ZERO);
      h.assertDealDeleted(id, d);
    }

    @Test
    void paymentForADealAlreadyExpiredBeforeATick() {
      long start = 5;
      long end = start + 200 * EPOCHS_IN_DAY;
      MarketHarness h = MarketHarness.basicSetup();
      long id = h.publishAndActivateDeal(CLIENT, MINER_ADDRS, start, end, 0, sectorExpiry, START);
      DealProposal d = h.getDealProposal(id);
      long current = end + 25;
      h.rt.setEpoch(current);
      Settlement s = h.cronTickAndAssertBalances(CLIENT, PROVIDER, current, id);
      assertThat(s.payment()).isEqualTo(d.storagePricePerEpoch().multiply(end - start));
      h.assertDealDeleted(id, d);
      h.cronTickNoChange(CLIENT, PROVIDER);
    }

    @Test
    void expiredDealUnlocksTheRemainingBalancesAndIsDeleted() {
      MarketHarness h = MarketHarness.basicSetup();
      long id = h.publishAndActivateDeal(CLIENT, MINER_ADDRS, START, END, 0, sectorExpiry, START);
      DealProposal d = h.getDealProposal(id);
      TokenAmount cEscrow = h.getEscrowBalance(CLIENT);
      TokenAmount pEscrow = h.getEscrowBalance(PROVIDER);
      h.rt.setEpoch(END + 1000);
      h.cronTick();
      TokenAmount payment = d.totalStorageFee();
      assertThat(h.getEscrowBalance(CLIENT)).isEqualTo(cEscrow.subtract(payment));
      assertThat(h.getLockedBalance(CLIENT)).isEqualTo(TokenAmount.ZERO);
      assertThat(h.getEscrowBalance(PROVIDER)).isEqualTo(pEscrow.add(payment));
      assertThat(h.getLockedBalance(PROVIDER)).isEqualTo(TokenAmount.ZERO);
      h.assertDealDeleted(id, d);
    }

    @Test
    void clientWithdrawsCollateralAfterExpiryAndItsAccountIsRemoved() {
      MarketHarness h = MarketHarness.basicSetup();
      long id = h.publishAndActivateDeal(CLIENT, MINER_ADDRS, START, END, 0, sectorExpiry, START);
      DealProposal d = h.getDealProposal(id);
      h.rt.setEpoch(END + 100);
      h.cronTick();
      assertThat(h.getEscrowBalance(CLIENT)).isEqualTo(d.clientCollateral());
      h.withdrawClientBalance(CLIENT, d.clientCollateral(), d.clientCollateral());
      h.assertAccountZero(CLIENT);
    }
  }

  /** TestCronTickDealSlashing's edge cases: start, end, activation, termination, tick, payment. */
  static Stream<Arguments> slashingCases() {
    long end = 10 + 200 * EPOCHS_IN_DAY;
    return Stream.of(
        Arguments.of("slashed after the start epoch, then the first tick", 10, end, 5, 15, 16, 50),
        Arguments.of("slashed at the start epoch, then the first tick", 10, end, 5, 10, 11, 0),
        Arguments.of("slashed before the start epoch, then the first tick", 10, end, 5, 6, 10, 0),
        Arguments.of(
            "terminated at the activation epoch, then the first tick", 10, end, 5, 5, 10, 0),
        Arguments.of(
            "slashed, then expiry on the tick, but slashing still occurs", 10, end, 5, 15, 25, 50),
        Arguments.of("slashed just before the end epoch", 10, end, 5, 19, 19, 90));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("slashingCases")
  void slashingEdgeCases(
      String name,
      long start,
      long end,
      long activation,
      long termination,
      long tick,
      long payment) {
    long sectorExpiry = 400 + 200 * EPOCHS_IN_DAY;
    MarketHarness h = MarketHarness.basicSetup();
    h.rt.setEpoch(activation);
    long id =
        h.publishAndActivateDeal(CLIENT, MINER_ADDRS, start, end, activation, sectorExpiry, start);
    DealProposal d = h.getDealProposal(id);
    h.rt.setEpoch(termination);
    h.terminateDeals(PROVIDER, id);
    h.rt.setEpoch(tick);
    Settlement s = h.cronTickAndAssertBalances(CLIENT, PROVIDER, tick, id);
    assertThat(s.payment()).isEqualTo(atto(payment));
    assertThat(s.slashed()).isEqualTo(d.providerCollateral());
    h.assertDealDeleted(id, d);
    if (payment == 0) {
      h.assertAccountZero(PROVIDER);
      TokenAmount cLocked = h.getLockedBalance(CLIENT);
      TokenAmount cEscrow = h.getEscrowBalance(CLIENT);
      h.cronTick();
      assertThat(h.getEscrowBalance(CLIENT)).isEqualTo(cEscrow);
      assertThat(h.getLockedBalance(CLIENT)).isEqualTo(cLocked);
    } else {
      h.cronTickNoChange(CLIENT, PROVIDER);
    }
  }

  @Nested
  class Slashing {
    final long sectorExpiry = 400 + 200 * EPOCHS_IN_DAY;

    @Test
    void slashedAtTheEndEpochIsNotSlashedButExpired() {
      MarketHarness h = MarketHarness.basicSetup();
      long id = h.publishAndActivateDeal(CLIENT, MINER_ADDRS, START, END, 0, sectorExpiry, START);
      DealProposal d = h.getDealProposal(id);
      h.rt.setEpoch(END);
      h.terminateDeals(PROVIDER, id);
      long current = END + 300;
      h.rt.setEpoch(current);
      Settlement s = h.cronTickAndAssertBalances(CLIENT, PROVIDER, current, id);
      assertThat(s.payment()).isEqualTo(d.storagePricePerEpoch().multiply(END - START));
      assertThat(s.slashed()).isEqualTo(TokenAmount.ZERO);
      h.assertDealDeleted(id, d);
    }

    @Test
    void processedTwiceInTheSameTickAndSlashed() {
      MarketHarness h = MarketHarness.basicSetup();
      long id = h.publishAndActivateDeal(CLIENT, MINER_ADDRS, START, END, 0, sectorExpiry, START);
      DealProposal d = h.getDealProposal(id);
      h.rt.setEpoch(START);
      h.cronTickAndAssertBalances(CLIENT, PROVIDER, START, id);
      long slashEpoch = START + INTERVAL + 1;
      h.rt.setEpoch(slashEpoch);
      h.terminateDeals(PROVIDER, id);
      long current2 = START + INTERVAL + 2;
      h.rt.setEpoch(current2);
      Settlement s = h.cronTickAndAssertBalances(CLIENT, PROVIDER, current2, id);
      assertThat(s.payment()).isEqualTo(d.storagePricePerEpoch().multiply(slashEpoch - START));
      assertThat(s.slashed()).isEqualTo(d.providerCollateral());
      h.assertDealDeleted(id, d);
    }

    @Test
    void slashMultipleDealsInTheSameEpoch() {
      MarketHarness h = MarketHarness.basicSetup();
      long id1 = h.publishAndActivateDeal(CLIENT, MINER_ADDRS, START, END, 0, sectorExpiry, START);
      long id2 =
          h.publishAndActivateDeal(CLIENT, MINER_ADDRS, START, END + 1, 0, sectorExpiry, START);
      long id3 =
          h.publishAndActivateDeal(CLIENT, MINER_ADDRS, START, END + 2, 0, sectorExpiry, START);
      DealProposal d1 = h.getDealProposal(id1);
      DealProposal d2 = h.getDealProposal(id2);
      DealProposal d3 = h.getDealProposal(id3);
      h.rt.setEpoch(151);
      h.terminateDeals(PROVIDER, id1, id2, id3);
      h.rt.setEpoch(300);
      h.rt.expectSend(
          Builtin.BURNT_FUNDS_ACTOR_ADDR,
          Builtin.METHOD_SEND,
          null,
          d1.providerCollateral().add(d2.providerCollateral()).add(d3.providerCollateral()),
          null,
          ExitCode.OK);
      h.cronTick();
      h.assertDealDeleted(id1, d1);
      h.assertDealDeleted(id2, d2);
      h.assertDealDeleted(id3, d3);
    }

    @Test
    void regularPaymentsUntilSlashedThenSlashingIsProcessed() {
      MarketHarness h = MarketHarness.basicSetup();
      long id = h.publishAndActivateDeal(CLIENT, MINER_ADDRS, START, END, 0, sectorExpiry, START);
      DealProposal d = h.getDealProposal(id);
      long current = START + 5;
      h.rt.setEpoch(current);
      assertThat(h.cronTickAndAssertBalances(CLIENT, PROVIDER, current, id).payment())
          .isEqualTo(atto(50));
      long current2 = current + INTERVAL - 1;
      h.rt.setEpoch(current2);
      h.cronTickNoChange(CLIENT, PROVIDER);
      h.cronTickNoChange(CLIENT, PROVIDER);
      long current3 = current2 + 1;
      h.rt.setEpoch(current3);
      assertThat(h.cronTickAndAssertBalances(CLIENT, PROVIDER, current3, id).payment())
          .isEqualTo(d.storagePricePerEpoch().multiply(current3 - current));
      h.cronTickNoChange(CLIENT, PROVIDER);

      long slashEpoch = current3 + 1;
      h.rt.setEpoch(slashEpoch);
      h.terminateDeals(PROVIDER, id);
      long current4 = current3 + INTERVAL - 1;
      h.rt.setEpoch(current4);
      h.cronTickNoChange(CLIENT, PROVIDER);
      long current5 = current4 + 1;
      h.rt.setEpoch(current5);
      Settlement s = h.cronTickAndAssertBalances(CLIENT, PROVIDER, current5, id);
      assertThat(s.payment()).isEqualTo(d.storagePricePerEpoch().multiply(slashEpoch - current3));
      assertThat(s.slashed()).isEqualTo(d.providerCollateral());
      h.assertDealDeleted(id, d);
    }
  }
}
