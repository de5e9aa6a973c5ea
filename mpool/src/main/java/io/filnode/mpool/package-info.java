/**
 * The message pool as Lotus keeps it: admission checks, nonce ordering, replace-by-fee, limits and
 * pruning, selection for block production and republishing. Nothing here yet.
 */
package io.filnode.mpool;
