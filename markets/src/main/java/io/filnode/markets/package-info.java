/**
 * Storage and retrieval deals: the deal and ask protocols, data transfer, retrieval, piece
 * commitments, a client and a provider. Nothing here yet.
 */
package io.filnode.markets;
