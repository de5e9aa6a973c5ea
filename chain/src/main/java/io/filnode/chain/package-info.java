/**
 * The data model everything stands on: the strict DAG-CBOR codec, CIDs, multihashes and multibase,
 * addresses, token amounts, signatures, the chain types (messages, block headers, tipsets,
 * receipts), the IPLD structures (HAMT, AMT, RLE+ bitfields), the state tree, the RocksDB
 * blockstore, CAR files, the chain store and genesis. Depends on no other filnode module.
 */
package io.filnode.chain;
