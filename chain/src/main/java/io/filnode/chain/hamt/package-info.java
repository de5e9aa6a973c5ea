/**
 * The HAMT (hash array mapped trie) of go-hamt-ipld, byte for byte: Filecoin's map from byte-string
 * keys to DAG-CBOR values (the state tree, balance tables, multisig transactions, claims…).
 *
 * <h2>API</h2>
 *
 * <pre>{@code
 * IpldStore store = new IpldStore(blockstore);
 * Hamt h = Hamt.create(store, HamtOptions.v3(5));            // or HamtOptions.v2(5)
 * h.set(keyBytes, cborValueBytes);                           // overwrite; setIfAbsent too
 * byte[] raw = h.get(keyBytes);                              // null when absent
 * Foo foo = h.get(keyBytes, Foo::decode);                    // typed read
 * boolean removed = h.delete(keyBytes);
 * h.forEach((k, v) -> ...);                                  // canonical (hash) order
 * Cid root = h.flush();                                      // writes changed nodes
 * Hamt again = Hamt.load(store, root, HamtOptions.v3(5));
 * }</pre>
 *
 * <p>{@link io.filnode.chain.hamt.HamtOptions} carries the bit width (1–8; 5 for Filecoin), the
 * serialized form ({@link io.filnode.chain.hamt.HamtVersion#V2} for specs-actors v0/v2 and state
 * trees v0/v1, {@link io.filnode.chain.hamt.HamtVersion#V3} for specs-actors v3+ and state trees
 * v2+) and the key hash (SHA-256). None of these are stored in the HAMT.
 *
 * <h2>Format and rules (as go-hamt-ipld v2.0.0 and v3.1.0)</h2>
 *
 * <ul>
 *   <li>Node: {@code [bitfield, [pointer…]]}; the bitfield is a big integer's minimal big-endian
 *       bytes (empty for no pointers); bit {@code i} set means slot {@code i} is occupied.
 *   <li>Pointer: v2 {@code {"0": link}} or {@code {"1": bucket}}; v3 a bare link or a bare bucket.
 *       A bucket is {@code [[key bytes, value]…]}, 1–3 entries in ascending unsigned byte order.
 *   <li>Slot of a key at depth {@code d}: bits {@code d·w … d·w+w-1} of SHA-256(key), most
 *       significant bit first.
 *   <li>A fourth entry in a full bucket turns the bucket into a child node holding all four. After
 *       a delete, a child without links and with at most three entries collapses back into one
 *       sorted bucket, up the tree as far as it goes: the shape depends only on the contents.
 *   <li>Loading checks what Go checks: pointers ≤ 2^w and equal to the bits set, links to DAG-CBOR
 *       only, bucket sizes and order; a non-root node must be non-empty and not collapsible. Every
 *       problem with stored nodes is a {@link io.filnode.chain.cbor.CborException}.
 * </ul>
 */
package io.filnode.chain.hamt;
