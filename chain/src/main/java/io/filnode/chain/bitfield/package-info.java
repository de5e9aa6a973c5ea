/**
 * The RLE+ bitfield of Filecoin, as go-bitfield v0.2.4 (specs-actors v2–v4, Lotus v1.10.0) defines
 * it: an immutable {@link io.filnode.chain.bitfield.BitField} of unsigned 64-bit bit indexes with
 * the RLE+ codec and the set operations the actors use.
 *
 * <p>Decoding accepts exactly what go-bitfield's validating decoder accepts, which includes some
 * non-minimal encodings (a run of 1 in the short form, a run below 16 as a varint, an explicit
 * terminator followed by ignored bits, a trailing run of zeros); encoding is always the canonical
 * form go-bitfield's encoder writes. Untrusted bytes raise only {@link
 * io.filnode.chain.bitfield.BitFieldException}.
 *
 * <p>For whoever wraps this in CBOR: go-bitfield's unmarshaller checks only the byte-string length
 * ({@link io.filnode.chain.bitfield.BitField#MAX_ENCODED_SIZE}) and the version bits; every other
 * check runs when the field is first used, and a field that was never modified is marshalled again
 * with its original bytes. Where that timing (which exit code an actor returns for a bad bitfield
 * parameter) or those bytes (a non-canonical field stored unmodified) reach consensus, keep the raw
 * bytes and call {@link io.filnode.chain.bitfield.BitField#decode} on first use.
 */
package io.filnode.chain.bitfield;
