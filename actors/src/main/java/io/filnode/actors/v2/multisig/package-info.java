/**
 * The specs-actors v2 multisig actor: a wallet whose signers propose and approve transactions, with
 * an optional linear vesting lock on its balance. Types that v2 aliases from v0 (Transaction,
 * ProposeParams…) are written here once, with v2's behaviour (signer resolution to ID addresses,
 * purging the approvals of removed signers, the network version 6 and 7 changes).
 */
package io.filnode.actors.v2.multisig;
