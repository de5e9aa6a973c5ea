package io.filnode.chain.hamt;

/** One entry of a bucket: the key bytes and the value's raw DAG-CBOR bytes. */
final class Kv {
  final byte[] key;
  byte[] value;

  Kv(byte[] key, byte[] value) {
    this.key = key;
    this.value = value;
  }
}
