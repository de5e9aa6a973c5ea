/**
 * The AMT (array mapped trie) of go-amt-ipld v2 and v3, byte for byte: Filecoin's sparse array from
 * unsigned 64-bit indexes to DAG-CBOR values (message and receipt lists, miner sectors, deadlines,
 * partitions…).
 *
 * <h2>API</h2>
 *
 * <pre>{@code
 * Amt a = Amt.create(store, AmtOptions.v3(5));   // or AmtOptions.v2() (bit width 3)
 * a.set(7, cborValueBytes);                      // true when the index was new
 * byte[] raw = a.get(7);                         // null when unset
 * Foo foo = a.get(7, Foo::decode);
 * a.delete(7);  a.batchSet(values);  a.batchDelete(indexes, strict);
 * a.forEach((i, v) -> ...);  a.forEachFrom(start, (i, v) -> ...);   // ascending
 * Cid root = a.flush();
 * Amt again = Amt.load(store, root, AmtOptions.v3(5));
 * }</pre>
 *
 * <h2>Format and the v2/v3 differences</h2>
 *
 * <ul>
 *   <li>Node {@code [bmap, [link…], [value…]]}: bit {@code i%8} of bmap byte {@code i/8} marks slot
 *       {@code i}; a node holds links (height above 0) or values (height 0), never both.
 *   <li>v2 root {@code [height, count, node]}, bit width 3, bmap one byte, indexes up to 2^63−1,
 *       height at most 20. A delete lowers the height only while the root's sole child is its
 *       first, so an AMT emptied by deletes keeps its height (as Go v2 does).
 *   <li>v3 root {@code [bitWidth, height, count, node]}, bmap of max(1, 2^bitWidth/8) bytes,
 *       indexes up to 2^64−2 (a negative {@code long} is an index ≥ 2^63). Deletes collapse to the
 *       canonical height (empty: height 0). Loading checks the bit width, the height against the
 *       count, that links point to DAG-CBOR, and that only an empty root may be empty.
 *   <li>Both: the bitmap must have the right size and one bit per element. Every problem with
 *       stored nodes is a {@link io.filnode.chain.cbor.CborException}.
 * </ul>
 */
package io.filnode.chain.amt;
