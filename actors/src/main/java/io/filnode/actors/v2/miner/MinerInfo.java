package io.filnode.actors.v2.miner;

import io.filnode.chain.address.Address;
import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The miner's static-ish information (miner.MinerInfo), stored in its own block and tuple-encoded
 * with 11 fields. Mutable: methods change it and store it again.
 */
public final class MinerInfo implements CborEncodable {
  Address owner;
  Address worker;
  List<Address> controlAddresses;
  WorkerKeyChange pendingWorkerKey; // nullable
  byte[] peerId;
  List<byte[]> multiaddrs;
  long sealProofType;
  long sectorSize;
  long windowPoStPartitionSectors;
  long consensusFaultElapsed;
  Address pendingOwnerAddress; // nullable

  @SuppressWarnings("TooManyParameters") // mirrors the Go struct
  MinerInfo(
      Address owner,
      Address worker,
      List<Address> controlAddresses,
      WorkerKeyChange pendingWorkerKey,
      byte[] peerId,
      List<byte[]> multiaddrs,
      long sealProofType,
      long sectorSize,
      long windowPoStPartitionSectors,
      long consensusFaultElapsed,
      Address pendingOwnerAddress) {
    this.owner = owner;
    this.worker = worker;
    this.controlAddresses = controlAddresses;
    this.pendingWorkerKey = pendingWorkerKey;
    this.peerId = peerId;
    this.multiaddrs = multiaddrs;
    this.sealProofType = sealProofType;
    this.sectorSize = sectorSize;
    this.windowPoStPartitionSectors = windowPoStPartitionSectors;
    this.consensusFaultElapsed = consensusFaultElapsed;
    this.pendingOwnerAddress = pendingOwnerAddress;
  }

  public Address owner() {
    return owner;
  }

  public Address worker() {
    return worker;
  }

  public List<Address> controlAddresses() {
    return controlAddresses == null ? List.of() : List.copyOf(controlAddresses);
  }

  public WorkerKeyChange pendingWorkerKey() {
    return pendingWorkerKey;
  }

  public byte[] peerId() {
    return peerId == null ? null : peerId.clone();
  }

  public List<byte[]> multiaddrs() {
    return multiaddrs == null ? List.of() : List.copyOf(multiaddrs);
  }

  public long sealProofType() {
    return sealProofType;
  }

  public long sectorSize() {
    return sectorSize;
  }

  public long windowPoStPartitionSectors() {
    return windowPoStPartitionSectors;
  }

  public long consensusFaultElapsed() {
    return consensusFaultElapsed;
  }

  public Address pendingOwnerAddress() {
    return pendingOwnerAddress;
  }

  /** The addresses allowed to act for the miner: control addresses, then owner and worker. */
  Address[] controlOwnerWorker() {
    List<Address> all = new ArrayList<>(controlAddresses());
    all.add(owner);
    all.add(worker);
    return all.toArray(new Address[0]);
  }

  @Override
  public void encode(CborWriter w) {
    w.writeArrayHeader(11);
    owner.encode(w);
    worker.encode(w);
    // cbor-gen writes a nil slice as an empty array
    List<Address> ctrl = controlAddresses();
    w.writeArrayHeader(ctrl.size());
    for (Address a : ctrl) {
      a.encode(w);
    }
    if (pendingWorkerKey == null) {
      w.writeNull();
    } else {
      pendingWorkerKey.encode(w);
    }
    w.writeBytes(peerId == null ? new byte[0] : peerId);
    List<byte[]> mas = multiaddrs();
    w.writeArrayHeader(mas.size());
    for (byte[] ma : mas) {
      w.writeBytes(ma);
    }
    w.writeInt64(sealProofType);
    w.writeUint64(sectorSize);
    w.writeUint64(windowPoStPartitionSectors);
    w.writeInt64(consensusFaultElapsed);
    if (pendingOwnerAddress == null) {
      w.writeNull();
    } else {
      pendingOwnerAddress.encode(w);
    }
  }

  public static MinerInfo decode(CborReader r) throws CborException {
    r.readTupleHeader(11, "MinerInfo");
    Address owner = Address.decode(r);
    Address worker = Address.decode(r);
    int n = r.readArrayHeader();
    List<Address> ctrl = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      ctrl.add(Address.decode(r));
    }
    WorkerKeyChange pending = null;
    if (r.peekNull()) {
      r.readNull();
    } else {
      pending = WorkerKeyChange.decode(r);
    }
    byte[] peerId = r.readBytes();
    int m = r.readArrayHeader();
    List<byte[]> mas = new ArrayList<>(m);
    for (int i = 0; i < m; i++) {
      mas.add(r.readBytes());
    }
    long sealProof = r.readInt64();
    long sectorSize = r.readUint64();
    long partitionSectors = r.readUint64();
    long cfElapsed = r.readInt64();
    Address pendingOwner = null;
    if (r.peekNull()) {
      r.readNull();
    } else {
      pendingOwner = Address.decode(r);
    }
    return new MinerInfo(
        owner,
        worker,
        ctrl,
        pending,
        peerId,
        mas,
        sealProof,
        sectorSize,
        partitionSectors,
        cfElapsed,
        pendingOwner);
  }
}
