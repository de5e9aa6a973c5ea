package io.filnode.actors.v2.miner;

import io.filnode.actors.builtin.RawBytes;
import io.filnode.actors.util.adt.AdtArray;
import io.filnode.chain.amt.AmtOptions;
import io.filnode.chain.bitfield.BitField;
import io.filnode.chain.blockstore.IpldStore;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;
import io.filnode.chain.cid.Cid;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** An AMT of bitfields keyed by quantized epoch (miner.BitfieldQueue). */
public final class BitfieldQueue {
  /** A visitor of queue entries. */
  @FunctionalInterface
  interface Visitor {
    void visit(long epoch, BitField bf);
  }

  private final AdtArray array;
  private final QuantSpec quant;

  private BitfieldQueue(AdtArray array, QuantSpec quant) {
    this.array = array;
    this.quant = quant;
  }

  public static BitfieldQueue load(IpldStore store, Cid root, QuantSpec quant) {
    return new BitfieldQueue(AdtArray.load(store, root, AmtOptions.v2()), quant);
  }

  /** Adds {@code values} at the quantized {@code rawEpoch}. */
  public void addToQueue(long rawEpoch, BitField values) {
    if (values.isEmpty()) {
      return;
    }
    long epoch = quant.quantizeUp(rawEpoch);
    BitField bf = array.get(epoch, BitFields::decode);
    BitField merged = bf == null ? values : bf.union(values);
    set(epoch, merged);
  }

  public void addToQueueValues(long epoch, List<Long> values) {
    if (values.isEmpty()) {
      return;
    }
    addToQueue(epoch, BitField.fromSet(values));
  }

  /** Removes the values in {@code toCut} and closes their gaps in every entry. */
  public void cut(BitField toCut) {
    List<Long> epochsToRemove = new ArrayList<>();
    forEach(
        (epoch, bf) -> {
          BitField cut = bf.cut(toCut);
          if (!cut.isEmpty()) {
            set(epoch, cut);
          } else {
            epochsToRemove.add(epoch);
          }
        });
    batchDelete(epochsToRemove);
  }

  /**
   * Adds many values, by raw epoch, in increasing quantized epoch order. As in Go, a quantized
   * epoch that several raw epochs map to is visited once per raw epoch (with all its values).
   */
  public void addManyToQueueValues(Map<Long, List<Long>> values) {
    Map<Long, List<Long>> quantized = new TreeMap<>();
    List<Long> updatedEpochs = new ArrayList<>();
    for (Map.Entry<Long, List<Long>> e : values.entrySet()) {
      long epoch = quant.quantizeUp(e.getKey());
      updatedEpochs.add(epoch);
      quantized.computeIfAbsent(epoch, k -> new ArrayList<>()).addAll(e.getValue());
    }
    updatedEpochs.sort(null);
    for (long epoch : updatedEpochs) {
      addToQueueValues(epoch, quantized.get(epoch));
    }
  }

  /** The result of {@link #popUntil}: the merged values and whether anything was popped. */
  public record Popped(BitField values, boolean modified) {}

  /** Removes and merges every entry at or before {@code until}. */
  public Popped popUntil(long until) {
    List<BitField> poppedValues = new ArrayList<>();
    List<Long> poppedKeys = new ArrayList<>();
    try {
      forEach(
          (epoch, bf) -> {
            if (epoch > until) {
              throw new StopIteration();
            }
            poppedKeys.add(epoch);
            poppedValues.add(bf);
          });
    } catch (StopIteration stop) {
      // reached the first later epoch
    }
    if (poppedKeys.isEmpty()) {
      return new Popped(BitField.empty(), false);
    }
    batchDelete(poppedKeys);
    return new Popped(BitField.multiMerge(poppedValues), true);
  }

  void forEach(Visitor visitor) {
    array.forEach(
        (i, v) -> visitor.visit(i, CborReader.decodeWhole(v, "bitfield", BitFields::decode)));
  }

  void set(long epoch, BitField bf) {
    CborWriter w = new CborWriter();
    BitFields.encode(w, bf);
    array.set(epoch, new RawBytes(w.toByteArray()));
  }

  void batchDelete(List<Long> keys) {
    array.batchDelete(keys.stream().mapToLong(Long::longValue).toArray(), true);
  }

  long length() {
    return array.length();
  }

  public Cid flush() {
    return array.flush();
  }
}
