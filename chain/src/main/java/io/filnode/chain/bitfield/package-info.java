/**
 * The RLE+ bitfield of Filecoin, as go-bitfield v0.2.4 (specs-actors v2–v4, Lotus v1.10.0) defines
 * it: an immutable {@link io.filnode.chain.bitfield.BitField} of unsigned 64-bit bit indexes with
 * the RLE+ codec and the set operations the actors use.
 *
 * <p>Decoding accepts exactly what go-bitfield's validating decoder accepts, which includes some
 * non-minimal encodings (a run of 1 in the short form, a run below 16 as a varint, an explicit
 * terminator followed by ignored bits); encoding is always the canonical form go-bitfield's encoder
 * writes. Untrusted bytes raise only {@link io.filnode.chain.bitfield.BitFieldException}.
 */
package io.filnode.chain.bitfield;
