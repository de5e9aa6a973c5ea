package io.filnode.actors.v2.market;

import static io.filnode.actors.v2.market.MarketHarness.ACCOUNT;
import static io.filnode.actors.v2.market.MarketHarness.CLIENT;
import static io.filnode.actors.v2.market.MarketHarness.EPOCHS_IN_DAY;
import static io.filnode.actors.v2.market.MarketHarness.MINER;
import static io.filnode.actors.v2.market.MarketHarness.MINER_ADDRS;
import static io.filnode.actors.v2.market.MarketHarness.MULTISIG;
import static io.filnode.actors.v2.market.MarketHarness.OWNER;
import static io.filnode.actors.v2.market.MarketHarness.PROVIDER;
import static io.filnode.actors.v2.market.MarketHarness.SIG;
import static io.filnode.actors.v2.market.MarketHarness.WORKER;
import static org.assertj.core.api.Assertions.assertThat;

import io.filnode.actors.builtin.Builtin;
import io.filnode.actors.builtin.Builtin.MethodsMarket;
import io.filnode.actors.runtime.ExitCode;
import io.filnode.actors.util.adt.AdtArray;
import io.filnode.actors.util.adt.AdtMap;
import io.filnode.actors.v2.market.MarketHarness.Miner;
import io.filnode.actors.v2.market.MarketHarness.PublishReq;
import io.filnode.actors.v2.verifreg.UseBytesParams;
import io.filnode.chain.address.Address;
import io.filnode.chain.amt.AmtOptions;
import io.filnode.chain.types.TokenAmount;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The market's escrow and publication methods, after specs-actors v2 market_test.go. */
class MarketActorTest {

  @Test
  void simpleConstruction() {
    MarketHarness h = MarketHarness.basicSetup();
    var emptyArray = AdtArray.create(h.rt.store(), AmtOptions.v2()).flush();
    var emptyMap = AdtMap.create(h.rt.store(), MarketStateMutation.HAMT).flush();
    MarketState st = h.state();
    assertThat(st.proposals()).isEqualTo(emptyArray);
    assertThat(st.states()).isEqualTo(emptyArray);
    assertThat(st.pendingProposals()).isEqualTo(emptyMap);
    assertThat(st.escrowTable()).isEqualTo(emptyMap);
    assertThat(st.lockedTable()).isEqualTo(emptyMap);
    assertThat(st.nextId()).isZero();
    assertThat(st.dealOpsByEpoch()).isEqualTo(emptyMap);
    assertThat(st.lastCron()).isEqualTo(-1);
  }

  @Test
  void unknownMethodIsInvalid() {
    MarketHarness h = MarketHarness.basicSetup();
    h.rt.expectAbort(ExitCode.SYS_ERR_INVALID_METHOD, () -> h.rt.call(h.actor, 10, null));
  }

  @Nested
  class AddBalance {
    @Test
    void addsToProviderEscrowFundsFromOwnerOrWorker() {
      long[][] cases = {{10, 10}, {20, 30}, {40, 70}};
      for (Address caller : List.of(OWNER, WORKER)) {
        MarketHarness h = MarketHarness.basicSetup();
        for (long[] tc : cases) {
          h.rt.setCaller(caller, ACCOUNT);
          h.rt.setReceived(TokenAmount.ofAtto(tc[0]));
          h.rt.expectValidateCallerType(ACCOUNT, MULTISIG);
          h.expectProviderControlAddresses(PROVIDER, OWNER, WORKER);
          h.rt.call(h.actor, MethodsMarket.ADD_BALANCE, PROVIDER::encode);
          h.rt.verify();
          assertThat(h.getEscrowBalance(PROVIDER)).isEqualTo(TokenAmount.ofAtto(tc[1]));
        }
      }
    }

    @Test
    void failsUnlessCalledByAnAccountActor() {
      MarketHarness h = MarketHarness.basicSetup();
      h.rt.setReceived(TokenAmount.ofAtto(10));
      h.rt.expectValidateCallerType(ACCOUNT, MULTISIG);
      h.rt.setCaller(PROVIDER, MINER);
      h.rt.expectAbort(
          ExitCode.SYS_ERR_FORBIDDEN,
          () -> h.rt.call(h.actor, MethodsMarket.ADD_BALANCE, PROVIDER::encode));
    }

    @Test
    void addsToNonProviderEscrowFunds() {
      long[][] cases = {{10, 10}, {20, 30}, {40, 70}};
      for (Address caller : List.of(CLIENT, WORKER)) {
        MarketHarness h = MarketHarness.basicSetup();
        for (long[] tc : cases) {
          h.rt.setCaller(caller, ACCOUNT);
          h.rt.setReceived(TokenAmount.ofAtto(tc[0]));
          h.rt.expectValidateCallerType(ACCOUNT, MULTISIG);
          h.rt.call(h.actor, MethodsMarket.ADD_BALANCE, caller::encode);
          h.rt.verify();
          assertThat(h.getEscrowBalance(caller)).isEqualTo(TokenAmount.ofAtto(tc[1]));
        }
      }
    }

    @Test
    void failsWhenBalanceIsZero() {
      MarketHarness h = MarketHarness.basicSetup();
      h.rt.setCaller(Address.newId(101), ACCOUNT);
      h.rt.setReceived(TokenAmount.ZERO);
      h.rt.expectAbort(
          ExitCode.ERR_ILLEGAL_ARGUMENT,
          () -> h.rt.call(h.actor, MethodsMarket.ADD_BALANCE, PROVIDER::encode));
    }
  }

  @Nested
  class WithdrawBalance {
    final long startEpoch = 10;
    final long endEpoch = startEpoch + 200 * EPOCHS_IN_DAY;
    final long publishEpoch = 5;

    @Test
    void failsWithANegativeAmount() {
      MarketHarness h = MarketHarness.basicSetup();
      h.rt.expectAbort(
          ExitCode.ERR_ILLEGAL_ARGUMENT,
          () ->
              h.rt.call(
                  h.actor,
                  MethodsMarket.WITHDRAW_BALANCE,
                  new WithdrawBalanceParams(PROVIDER, TokenAmount.ofAtto(-1))));
    }

    @Test
    void failsIfNonProviderWithdrawalIsNotByTheRecipient() {
      MarketHarness h = MarketHarness.basicSetup();
      h.addParticipantFunds(CLIENT, TokenAmount.ofAtto(20));
      h.rt.expectValidateCallerAddr(CLIENT);
      h.rt.setCaller(Address.newId(909), ACCOUNT);
      h.rt.expectAbort(
          ExitCode.SYS_ERR_FORBIDDEN,
          () ->
              h.rt.call(
                  h.actor,
                  MethodsMarket.WITHDRAW_BALANCE,
                  new WithdrawBalanceParams(CLIENT, TokenAmount.ofAtto(1))));
      assertThat(h.getEscrowBalance(CLIENT)).isEqualTo(TokenAmount.ofAtto(20));
    }

    @Test
    void failsIfProviderWithdrawalIsNotByOwnerOrWorker() {
      MarketHarness h = MarketHarness.basicSetup();
      h.addProviderFunds(TokenAmount.ofAtto(20), MINER_ADDRS);
      h.rt.expectValidateCallerAddr(OWNER, WORKER);
      h.rt.setCaller(Address.newId(909), ACCOUNT);
      h.expectProviderControlAddresses(PROVIDER, OWNER, WORKER);
      h.rt.expectAbort(
          ExitCode.SYS_ERR_FORBIDDEN,
          () ->
              h.rt.call(
                  h.actor,
                  MethodsMarket.WITHDRAW_BALANCE,
                  new WithdrawBalanceParams(PROVIDER, TokenAmount.ofAtto(1))));
      assertThat(h.getEscrowBalance(PROVIDER)).isEqualTo(TokenAmount.ofAtto(20));
    }

    @Test
    void withdrawsFromProviderEscrowAndSendsToOwner() {
      MarketHarness h = MarketHarness.basicSetup();
      h.addProviderFunds(TokenAmount.ofAtto(20), MINER_ADDRS);
      h.withdrawProviderBalance(TokenAmount.ofAtto(1), TokenAmount.ofAtto(1), MINER_ADDRS);
      assertThat(h.getEscrowBalance(PROVIDER)).isEqualTo(TokenAmount.ofAtto(19));
    }

    @Test
    void withdrawsFromNonProviderEscrow() {
      MarketHarness h = MarketHarness.basicSetup();
      h.addParticipantFunds(CLIENT, TokenAmount.ofAtto(20));
      h.withdrawClientBalance(CLIENT, TokenAmount.ofAtto(1), TokenAmount.ofAtto(1));
      assertThat(h.getEscrowBalance(CLIENT)).isEqualTo(TokenAmount.ofAtto(19));
    }

    @Test
    void clientWithdrawingMoreThanEscrowIsLimitedToAvailableFunds() {
      MarketHarness h = MarketHarness.basicSetup();
      h.addParticipantFunds(CLIENT, TokenAmount.ofAtto(20));
      h.withdrawClientBalance(CLIENT, TokenAmount.ofAtto(25), TokenAmount.ofAtto(20));
      h.assertAccountZero(CLIENT);
    }

    @Test
    void workerWithdrawingMoreThanEscrowIsLimitedToAvailableFunds() {
      MarketHarness h = MarketHarness.basicSetup();
      h.addProviderFunds(TokenAmount.ofAtto(20), MINER_ADDRS);
      h.withdrawProviderBalance(TokenAmount.ofAtto(25), TokenAmount.ofAtto(20), MINER_ADDRS);
      h.assertAccountZero(PROVIDER);
    }

    @Test
    void balanceAfterWithdrawalIsNeverBelowTheLockedAmount() {
      MarketHarness h = MarketHarness.basicSetup();
      h.rt.setEpoch(publishEpoch);
      long dealId = h.generateAndPublishDeal(CLIENT, MINER_ADDRS, startEpoch, endEpoch, startEpoch);
      DealProposal deal = h.getDealProposal(dealId);
      assertThat(h.getEscrowBalance(PROVIDER)).isEqualTo(deal.providerCollateral());
      assertThat(h.getEscrowBalance(CLIENT)).isEqualTo(deal.clientBalanceRequirement());

      // Everything is locked: nothing can be withdrawn.
      h.withdrawClientBalance(CLIENT, TokenAmount.ofAtto(1), TokenAmount.ZERO);
      h.withdrawProviderBalance(TokenAmount.ofAtto(1), TokenAmount.ZERO, MINER_ADDRS);

      // Only what was added on top can be.
      h.addProviderFunds(TokenAmount.ofAtto(25), MINER_ADDRS);
      h.withdrawProviderBalance(TokenAmount.ofAtto(30), TokenAmount.ofAtto(25), MINER_ADDRS);
      h.addParticipantFunds(CLIENT, TokenAmount.ofAtto(25));
      h.withdrawClientBalance(CLIENT, TokenAmount.ofAtto(30), TokenAmount.ofAtto(25));
    }

    @Test
    void workerBalanceAfterWithdrawalAccountsForSlashedFunds() {
      MarketHarness h = MarketHarness.basicSetup();
      h.rt.setEpoch(publishEpoch);
      long dealId = h.generateAndPublishDeal(CLIENT, MINER_ADDRS, startEpoch, endEpoch, startEpoch);
      h.activateDeals(endEpoch + 1, PROVIDER, publishEpoch, dealId);

      h.rt.setEpoch(publishEpoch + 1);
      h.terminateDeals(PROVIDER, dealId);
      assertThat(h.getDealState(dealId).slashEpoch()).isEqualTo(publishEpoch + 1);

      h.withdrawProviderBalance(TokenAmount.ofAtto(1), TokenAmount.ZERO, MINER_ADDRS);
      h.addProviderFunds(TokenAmount.ofAtto(25), MINER_ADDRS);
      h.withdrawProviderBalance(TokenAmount.ofAtto(30), TokenAmount.ofAtto(25), MINER_ADDRS);
    }
  }

  @Nested
  class PublishStorageDeals {
    final long startEpoch = 42;
    final long endEpoch = startEpoch + 200 * EPOCHS_IN_DAY;

    @Test
    void resolvesProviderAndClientBeforeStoringAndSendsVerifiedDealsToTheRegistry() {
      Address providerBls = Address.newBls(filled(48, 101));
      Address providerResolved = Address.newId(102);
      Address clientBls = Address.newBls(filled(48, 90));
      Address clientResolved = Address.newId(333);

      MarketHarness h = MarketHarness.basicSetup(OWNER, providerResolved, WORKER, clientResolved);
      h.rt.addIdAddress(providerBls, providerResolved);
      h.rt.addIdAddress(clientBls, clientResolved);

      DealProposal deal =
          MarketHarness.withVerified(
              MarketHarness.generateDealProposal(clientBls, providerBls, startEpoch, endEpoch));

      h.addParticipantFunds(clientBls, deal.clientBalanceRequirement());
      assertThat(h.getEscrowBalance(clientResolved)).isEqualTo(deal.clientBalanceRequirement());

      h.rt.setReceived(deal.providerCollateral());
      h.rt.setCaller(OWNER, ACCOUNT);
      h.rt.expectValidateCallerType(ACCOUNT, MULTISIG);
      h.expectProviderControlAddresses(providerResolved, OWNER, WORKER);
      h.rt.call(h.actor, MethodsMarket.ADD_BALANCE, providerBls::encode);
      h.rt.verify();
      h.rt.setBalance(h.rt.balance().add(deal.providerCollateral()));
      assertThat(h.getEscrowBalance(providerResolved)).isEqualTo(deal.providerCollateral());

      h.rt.setCaller(WORKER, ACCOUNT);
      h.rt.expectValidateCallerType(ACCOUNT, MULTISIG);
      h.expectProviderControlAddresses(providerResolved, OWNER, WORKER);
      h.expectQueryNetworkInfo();
      h.rt.expectVerifySignature(SIG, clientBls, deal.toCbor(), true);
      // The randomness is drawn over the proposal with ID addresses.
      h.expectGetRandom(deal.withParties(clientResolved, providerResolved), 100);
      h.rt.expectSend(
          Builtin.VERIFIED_REGISTRY_ACTOR_ADDR,
          Builtin.MethodsVerifiedRegistry.USE_BYTES,
          new UseBytesParams(clientResolved, deal.pieceSizeUnsigned()),
          TokenAmount.ZERO,
          null,
          ExitCode.OK);
      PublishStorageDealsReturn ret =
          h.rt.call(
              h.actor,
              MethodsMarket.PUBLISH_STORAGE_DEALS,
              MarketHarness.publishParams(deal),
              PublishStorageDealsReturn::decode);
      h.rt.verify();

      DealProposal stored = h.getDealProposal(ret.ids().get(0));
      assertThat(stored.client()).isEqualTo(clientResolved);
      assertThat(stored.provider()).isEqualTo(providerResolved);
    }

    @Test
    void publishAfterActivatingADealStartingFarInTheFuture() {
      long start = 1000;
      long end = start + 200 * EPOCHS_IN_DAY;
      MarketHarness h = MarketHarness.basicSetup();
      h.rt.setEpoch(1);
      long deal1 = h.generateAndPublishDeal(CLIENT, MINER_ADDRS, start, end, start);
      h.activateDeals(end, PROVIDER, 1, deal1);
      h.rt.setEpoch(2);
      long deal2 = h.generateAndPublishDeal(CLIENT, MINER_ADDRS, start + 1, end + 1, start + 1);
      h.activateDeals(end + 1, PROVIDER, 2, deal2);
      assertThat(List.of(deal1, deal2)).containsExactly(0L, 1L);
    }

    @Test
    void publishWithEnoughCollateralWhenCirculatingSupplyIsPositive() {
      long start = 1000;
      long end = start + 200 * EPOCHS_IN_DAY;
      MarketHarness h = MarketHarness.basicSetup();
      // Power and circulating supply cancel: the minimum is 1% of the deal size, 20 attoFIL.
      TokenAmount providerCollateral = TokenAmount.ofAtto(2048 / 100);
      DealProposal deal =
          MarketHarness.generateDealProposalWithCollateral(
              CLIENT, PROVIDER, providerCollateral, TokenAmount.ofAtto(10), start, end);
      h.addProviderFunds(deal.providerCollateral(), MINER_ADDRS);
      h.addParticipantFunds(CLIENT, deal.clientBalanceRequirement());
      h.rt.setCirculatingSupply(TokenAmount.ofAtto(MarketHarness.NETWORK_POWER));
      h.rt.setEpoch(1);
      h.publishDeals(MINER_ADDRS, new PublishReq(deal, start));
    }

    @Test
    void multipleDealsForDifferentClientsKeepCorrectBalances() {
      MarketHarness h = MarketHarness.basicSetup();
      Address client1 = Address.newId(900);
      Address client2 = Address.newId(901);
      Address client3 = Address.newId(902);
      DealProposal deal1 = h.generateDealAndAddFunds(client1, MINER_ADDRS, startEpoch, endEpoch);
      DealProposal deal2 = h.generateDealAndAddFunds(client2, MINER_ADDRS, startEpoch, endEpoch);
      DealProposal deal3 = h.generateDealAndAddFunds(client3, MINER_ADDRS, startEpoch, endEpoch);
      h.publishDeals(
          MINER_ADDRS,
          new PublishReq(deal1, startEpoch),
          new PublishReq(deal2, startEpoch),
          new PublishReq(deal3, startEpoch));

      TokenAmount providerLocked =
          deal1
              .providerCollateral()
              .add(deal2.providerCollateral())
              .add(deal3.providerCollateral());
      assertThat(h.getLockedBalance(client1)).isEqualTo(deal1.clientBalanceRequirement());
      assertThat(h.getLockedBalance(client2)).isEqualTo(deal2.clientBalanceRequirement());
      assertThat(h.getLockedBalance(client3)).isEqualTo(deal3.clientBalanceRequirement());
      assertThat(h.getLockedBalance(PROVIDER)).isEqualTo(providerLocked);
      TokenAmount clientCollateral =
          deal1.clientCollateral().add(deal2.clientCollateral()).add(deal3.clientCollateral());
      TokenAmount storageFee =
          deal1.totalStorageFee().add(deal2.totalStorageFee()).add(deal3.totalStorageFee());
      h.assertLockedFundStates(storageFee, providerLocked, clientCollateral);

      // Two more deals for client3 with the same provider.
      DealProposal deal4 =
          h.generateDealAndAddFunds(client3, MINER_ADDRS, 1000, 1000 + 200 * EPOCHS_IN_DAY);
      DealProposal deal5 =
          h.generateDealAndAddFunds(client3, MINER_ADDRS, 100, 100 + 200 * EPOCHS_IN_DAY);
      h.publishDeals(MINER_ADDRS, new PublishReq(deal4, 1000), new PublishReq(deal5, 100));
      providerLocked =
          providerLocked.add(deal4.providerCollateral()).add(deal5.providerCollateral());
      assertThat(h.getLockedBalance(PROVIDER)).isEqualTo(providerLocked);
      assertThat(h.getLockedBalance(client3))
          .isEqualTo(
              deal3
                  .clientBalanceRequirement()
                  .add(deal4.clientBalanceRequirement())
                  .add(deal5.clientBalanceRequirement()));

      // Deals with a second provider.
      Address provider2 = Address.newId(109);
      Miner miner2 = new Miner(OWNER, WORKER, provider2);
      DealProposal deal6 = h.generateDealAndAddFunds(client1, miner2, 20, 20 + 200 * EPOCHS_IN_DAY);
      DealProposal deal7 = h.generateDealAndAddFunds(client1, miner2, 25, 60 + 200 * EPOCHS_IN_DAY);
      h.publishDeals(miner2, new PublishReq(deal6, 20), new PublishReq(deal7, 25));
      assertThat(h.getLockedBalance(provider2))
          .isEqualTo(deal6.providerCollateral().add(deal7.providerCollateral()));
      assertThat(h.getLockedBalance(client1))
          .isEqualTo(
              deal1
                  .clientBalanceRequirement()
                  .add(deal6.clientBalanceRequirement())
                  .add(deal7.clientBalanceRequirement()));
      assertThat(h.getLockedBalance(PROVIDER)).isEqualTo(providerLocked);
      assertThat(h.state().nextId()).isEqualTo(7);
    }
  }

  static byte[] filled(int n, int value) {
    byte[] b = new byte[n];
    Arrays.fill(b, (byte) value);
    return b;
  }
}
