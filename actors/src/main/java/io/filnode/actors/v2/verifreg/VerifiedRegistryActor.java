package io.filnode.actors.v2.verifreg;

import static io.filnode.actors.v2.verifreg.VerifiedRegistryState.MIN_VERIFIED_DEAL_SIZE;

import io.filnode.actors.builtin.AddressResolutionException;
import io.filnode.actors.builtin.Addresses;
import io.filnode.actors.builtin.Builtin;
import io.filnode.actors.builtin.Builtin.MethodsVerifiedRegistry;
import io.filnode.actors.builtin.GoPanic;
import io.filnode.actors.builtin.Params;
import io.filnode.actors.runtime.ActorCode;
import io.filnode.actors.runtime.ActorException;
import io.filnode.actors.runtime.ExitCode;
import io.filnode.actors.runtime.Runtime;
import io.filnode.actors.util.adt.AdtMap;
import io.filnode.actors.util.adt.Keys;
import io.filnode.chain.address.Address;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.state.BuiltinActors;
import java.math.BigInteger;

/**
 * The verified registry (specs-actors v2 {@code builtin/verifreg}): the root key appoints verifiers
 * with a DataCap, verifiers hand DataCap to clients, and the market draws on a client's DataCap for
 * each verified deal (UseBytes) and gives it back for deals that never start (RestoreBytes).
 *
 * <p>Each method loads and flushes its HAMTs exactly as Go does (both tables are loaded even when
 * only one is read), because every store access costs gas.
 */
public final class VerifiedRegistryActor implements ActorCode {
  private static final byte[] NONE = new byte[0];

  @Override
  public byte[] invoke(Runtime rt, long method, byte[] params) {
    if (method == MethodsVerifiedRegistry.CONSTRUCTOR) {
      constructor(rt, Params.decode(rt, params, Address::decode));
    } else if (method == MethodsVerifiedRegistry.ADD_VERIFIER) {
      addVerifier(rt, Params.decode(rt, params, AddVerifierParams::decode));
    } else if (method == MethodsVerifiedRegistry.REMOVE_VERIFIER) {
      removeVerifier(rt, Params.decode(rt, params, Address::decode));
    } else if (method == MethodsVerifiedRegistry.ADD_VERIFIED_CLIENT) {
      addVerifiedClient(rt, Params.decode(rt, params, AddVerifiedClientParams::decode));
    } else if (method == MethodsVerifiedRegistry.USE_BYTES) {
      useBytes(rt, Params.decode(rt, params, UseBytesParams::decode));
    } else if (method == MethodsVerifiedRegistry.RESTORE_BYTES) {
      restoreBytes(rt, Params.decode(rt, params, RestoreBytesParams::decode));
    } else {
      throw new ActorException(ExitCode.SYS_ERR_INVALID_METHOD, "invalid method " + method);
    }
    return NONE;
  }

  private static void constructor(Runtime rt, Address rootKey) {
    rt.validateImmediateCallerIs(Builtin.SYSTEM_ACTOR_ADDR);
    Address idAddr =
        rt.resolveAddress(rootKey)
            .orElseThrow(
                () ->
                    new ActorException(
                        ExitCode.ERR_ILLEGAL_ARGUMENT, "root should be an ID address"));
    Cid emptyMap = AdtMap.create(rt.store(), BuiltinActors.hamtOptions(2)).flush();
    rt.stateCreate(VerifiedRegistryState.construct(emptyMap, idAddr));
  }

  private static void addVerifier(Runtime rt, AddVerifierParams params) {
    if (params.allowance().compareTo(MIN_VERIFIED_DEAL_SIZE) < 0) {
      throw ActorException.abortf(
          ExitCode.ERR_ILLEGAL_ARGUMENT,
          "Allowance %s below MinVerifiedDealSize for add verifier %s",
          params.allowance(),
          params.address());
    }
    Address verifier = resolve(rt, params.address(), "failed to resolve verifier address");
    VerifiedRegistryState st = rt.stateReadonly(VerifiedRegistryState::decode);
    rt.validateImmediateCallerIs(st.rootKey());
    if (verifier.equals(st.rootKey())) {
      throw new ActorException(
          ExitCode.ERR_ILLEGAL_ARGUMENT, "Rootkey cannot be added as verifier");
    }
    rt.stateTransaction(
        VerifiedRegistryState::decode,
        s -> {
          AdtMap verifiers = load(rt, s.verifiers());
          AdtMap verifiedClients = load(rt, s.verifiedClients());
          // A verified client cannot become a verifier.
          if (verifiedClients.has(Keys.address(verifier))) {
            throw ActorException.abortf(
                ExitCode.ERR_ILLEGAL_ARGUMENT,
                "verified client %s cannot become a verifier",
                verifier);
          }
          verifiers.put(Keys.address(verifier), w -> w.writeBigInt(params.allowance()));
          s.setVerifiers(verifiers.flush());
          return null;
        });
  }

  private static void removeVerifier(Runtime rt, Address verifierAddr) {
    Address verifier = resolve(rt, verifierAddr, "failed to resolve verifier address");
    VerifiedRegistryState st = rt.stateReadonly(VerifiedRegistryState::decode);
    rt.validateImmediateCallerIs(st.rootKey());
    rt.stateTransaction(
        VerifiedRegistryState::decode,
        s -> {
          AdtMap verifiers = load(rt, s.verifiers());
          // go-hamt-ipld fails a delete of a missing key.
          if (!verifiers.delete(Keys.address(verifier))) {
            throw ActorException.abortf(
                ExitCode.ERR_ILLEGAL_STATE, "failed to remove verifier %s: not found", verifier);
          }
          s.setVerifiers(verifiers.flush());
          return null;
        });
  }

  private static void addVerifiedClient(Runtime rt, AddVerifiedClientParams params) {
    // The caller is checked against the verifiers table below.
    rt.validateImmediateCallerAcceptAny();
    if (params.allowance().compareTo(MIN_VERIFIED_DEAL_SIZE) < 0) {
      throw ActorException.abortf(
          ExitCode.ERR_ILLEGAL_ARGUMENT,
          "allowance %s below MinVerifiedDealSize for add verified client %s",
          params.allowance(),
          params.address());
    }
    Address client = resolve(rt, params.address(), "failed to resolve verified client address");
    VerifiedRegistryState st = rt.stateReadonly(VerifiedRegistryState::decode);
    if (st.rootKey().equals(client)) {
      throw new ActorException(
          ExitCode.ERR_ILLEGAL_ARGUMENT, "Rootkey cannot be added as a verified client");
    }
    rt.stateTransaction(
        VerifiedRegistryState::decode,
        s -> {
          AdtMap verifiers = load(rt, s.verifiers());
          AdtMap verifiedClients = load(rt, s.verifiedClients());
          Address verifier = rt.caller();
          BigInteger verifierCap = verifiers.get(Keys.address(verifier), CborReader::readBigInt);
          if (verifierCap == null) {
            throw ActorException.abortf(ExitCode.ERR_NOT_FOUND, "no such verifier %s", verifier);
          }
          if (verifiers.has(Keys.address(client))) {
            throw ActorException.abortf(
                ExitCode.ERR_ILLEGAL_ARGUMENT,
                "verifier %s cannot be added as a verified client",
                client);
          }
          if (verifierCap.compareTo(params.allowance()) < 0) {
            throw ActorException.abortf(
                ExitCode.ERR_ILLEGAL_ARGUMENT,
                "add more DataCap (%s) for VerifiedClient than allocated %s",
                params.allowance(),
                verifierCap);
          }
          BigInteger newVerifierCap = verifierCap.subtract(params.allowance());
          verifiers.put(Keys.address(verifier), w -> w.writeBigInt(newVerifierCap));
          // A one-time allocation: a client that still exists cannot be topped up.
          if (verifiedClients.get(Keys.address(client), CborReader::readBigInt) != null) {
            throw ActorException.abortf(
                ExitCode.ERR_ILLEGAL_ARGUMENT, "verified client already exists: %s", client);
          }
          verifiedClients.put(Keys.address(client), w -> w.writeBigInt(params.allowance()));
          s.setVerifiers(verifiers.flush());
          s.setVerifiedClients(verifiedClients.flush());
          return null;
        });
  }

  /**
   * Called by the market for each verified deal it publishes. A deal may not be partly verified; a
   * client left with less than the minimum deal size is removed.
   */
  private static void useBytes(Runtime rt, UseBytesParams params) {
    rt.validateImmediateCallerIs(Builtin.STORAGE_MARKET_ACTOR_ADDR);
    Address client = resolve(rt, params.address(), "failed to resolve verified client address");
    if (params.dealSize().compareTo(MIN_VERIFIED_DEAL_SIZE) < 0) {
      throw ActorException.abortf(
          ExitCode.ERR_ILLEGAL_ARGUMENT,
          "VerifiedDealSize: %s below minimum in UseBytes",
          params.dealSize());
    }
    rt.stateTransaction(
        VerifiedRegistryState::decode,
        s -> {
          AdtMap verifiedClients = load(rt, s.verifiedClients());
          BigInteger vcCap = verifiedClients.get(Keys.address(client), CborReader::readBigInt);
          if (vcCap == null) {
            throw ActorException.abortf(
                ExitCode.ERR_NOT_FOUND, "no such verified client %s", client);
          }
          if (vcCap.signum() < 0) {
            throw GoPanic.of(rt, "negative DataCap for verified client " + client);
          }
          if (params.dealSize().compareTo(vcCap) > 0) {
            throw ActorException.abortf(
                ExitCode.ERR_ILLEGAL_ARGUMENT,
                "DealSize %s exceeds allowable cap: %s for VerifiedClient %s",
                params.dealSize(),
                vcCap,
                client);
          }
          BigInteger newVcCap = vcCap.subtract(params.dealSize());
          if (newVcCap.compareTo(MIN_VERIFIED_DEAL_SIZE) < 0) {
            // Restored later by RestoreBytes if the deal never gets activated.
            verifiedClients.delete(Keys.address(client));
          } else {
            verifiedClients.put(Keys.address(client), w -> w.writeBigInt(newVcCap));
          }
          s.setVerifiedClients(verifiedClients.flush());
          return null;
        });
  }

  /**
   * Called by the market when a verified deal fails to start: gives the client its DataCap back,
   * re-creating the client if UseBytes removed it.
   */
  private static void restoreBytes(Runtime rt, RestoreBytesParams params) {
    rt.validateImmediateCallerIs(Builtin.STORAGE_MARKET_ACTOR_ADDR);
    if (params.dealSize().compareTo(MIN_VERIFIED_DEAL_SIZE) < 0) {
      throw ActorException.abortf(
          ExitCode.ERR_ILLEGAL_ARGUMENT,
          "Below minimum VerifiedDealSize requested in RestoreBytes: %s",
          params.dealSize());
    }
    Address client = resolve(rt, params.address(), "failed to resolve verified client addr");
    VerifiedRegistryState st = rt.stateReadonly(VerifiedRegistryState::decode);
    if (st.rootKey().equals(client)) {
      throw new ActorException(
          ExitCode.ERR_ILLEGAL_ARGUMENT, "Cannot restore allowance for Rootkey");
    }
    rt.stateTransaction(
        VerifiedRegistryState::decode,
        s -> {
          AdtMap verifiedClients = load(rt, s.verifiedClients());
          AdtMap verifiers = load(rt, s.verifiers());
          if (verifiers.has(Keys.address(client))) {
            throw new ActorException(
                ExitCode.ERR_ILLEGAL_ARGUMENT, "cannot restore allowance for a verifier");
          }
          BigInteger vcCap = verifiedClients.get(Keys.address(client), CborReader::readBigInt);
          BigInteger newVcCap = (vcCap == null ? BigInteger.ZERO : vcCap).add(params.dealSize());
          verifiedClients.put(Keys.address(client), w -> w.writeBigInt(newVcCap));
          s.setVerifiedClients(verifiedClients.flush());
          return null;
        });
  }

  private static AdtMap load(Runtime rt, Cid root) {
    return AdtMap.load(rt.store(), root, BuiltinActors.hamtOptions(2));
  }

  /**
   * specs-actors' ResolveToIDAddr under {@code RequireNoErr(…, ErrIllegalState, …)}: a failed send
   * aborts with the send's exit code, anything else with ErrIllegalState.
   */
  private static Address resolve(Runtime rt, Address address, String what) {
    try {
      return Addresses.resolveToIdAddr(rt, address);
    } catch (AddressResolutionException e) {
      throw new ActorException(e.exitCode(), what + " " + address + ": " + e.getMessage(), e);
    }
  }
}
