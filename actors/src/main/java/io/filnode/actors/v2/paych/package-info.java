/**
 * The specs-actors v2 payment channel actor: a payer funds the channel, the payee redeems signed
 * vouchers per lane, and either party settles and collects. v2 differs from v0 in resolving both
 * parties to ID addresses at construction (creating accounts if needed), resolving the voucher's
 * channel address, refusing updates once settled, and bounding the secret's size.
 */
package io.filnode.actors.v2.paych;
