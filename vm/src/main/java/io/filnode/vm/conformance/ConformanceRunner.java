package io.filnode.vm.conformance;

import io.filnode.actors.chaos.ChaosActor;
import io.filnode.actors.runtime.ActorCode;
import io.filnode.actors.runtime.ActorException;
import io.filnode.actors.runtime.ExitCode;
import io.filnode.chain.blockstore.Block;
import io.filnode.chain.blockstore.MemoryBlockstore;
import io.filnode.chain.car.CarException;
import io.filnode.chain.car.CarReader;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.types.MessageReceipt;
import io.filnode.chain.types.TokenAmount;
import io.filnode.chain.types.UnsignedMessage;
import io.filnode.vm.ActorRegistry;
import io.filnode.vm.ApplyRet;
import io.filnode.vm.BlockMessages;
import io.filnode.vm.ChainMessage;
import io.filnode.vm.MessageApplyException;
import io.filnode.vm.NetworkSchedule;
import io.filnode.vm.ProofVerifier;
import io.filnode.vm.Randomness;
import io.filnode.vm.TipsetExecutor;
import io.filnode.vm.Vm;
import io.filnode.vm.VmConfig;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * Runs conformance test vectors as Lotus v1.10.0's {@code conformance} runner and driver do: every
 * variant at a supported network version (4 to 9) on a fresh copy of the pre-state, comparing each
 * receipt (exit code, return, gas used), the receipts roots and the final state root.
 */
public final class ConformanceRunner {
  /** The network versions this VM runs (specs-actors v2). */
  public static final int MIN_NV = 4;

  public static final int MAX_NV = 9;

  private static final TokenAmount DEFAULT_BASE_FEE = TokenAmount.ofAtto(100);

  private final ActorCode chaos;
  private final Consumer<ApplyRet> onApplied;

  /**
   * @param chaos the chaos actor to register for vectors whose selector asks for it (null: such
   *     vectors fail to run); normally {@link #chaosActor()}
   * @param onApplied sees every message result, with its call trace when tracing (may be null)
   */
  public ConformanceRunner(ActorCode chaos, Consumer<ApplyRet> onApplied) {
    this.chaos = chaos;
    this.onApplied = onApplied;
  }

  /** The chaos actor the conformance driver registers for vectors that ask for it. */
  public static ActorCode chaosActor() {
    return new ChaosActor();
  }

  /** Runs every variant of the vector in {@code file}; an unreadable vector is one failed run. */
  public List<RunResult> run(Path file) {
    TestVector v;
    try {
      v = TestVector.read(file);
    } catch (TestVector.VectorException e) {
      return List.of(RunResult.failed(file.toString(), "-", e.getMessage()));
    }
    List<RunResult> out = new ArrayList<>();
    for (TestVector.Variant variant : v.variants()) {
      out.add(run(file.toString(), v, variant));
    }
    return out;
  }

  /** Runs one variant of a parsed vector. */
  public RunResult run(String file, TestVector v, TestVector.Variant variant) {
    if (variant.nv() < MIN_NV || variant.nv() > MAX_NV) {
      return new RunResult(
          file,
          variant.id(),
          RunResult.Status.SKIPPED,
          List.of("network version " + variant.nv()),
          null);
    }
    List<String> problems = new ArrayList<>();
    Cid root = null;
    try {
      if (v.chaos() && chaos == null) {
        throw new IllegalStateException("the vector needs the chaos actor, which is not available");
      }
      MemoryBlockstore bs = loadCar(v.car());
      switch (v.kind()) {
        case "message" -> root = runMessages(v, variant, bs, problems);
        case "tipset" -> root = runTipsets(v, variant, bs, problems);
        default -> problems.add("unknown vector class " + v.kind());
      }
    } catch (MessageApplyException | CarException | IOException | CborException e) {
      problems.add("failed to apply: " + e.getMessage());
    } catch (RuntimeException e) {
      problems.add("VM error: " + e);
    }
    return new RunResult(
        file,
        variant.id(),
        problems.isEmpty() ? RunResult.Status.PASSED : RunResult.Status.FAILED,
        problems,
        root == null ? null : root.toString());
  }

  private VmConfig config(TestVector v, TokenAmount baseFee, VmConfig.CircSupply circ) {
    ActorRegistry registry = ActorRegistry.builtin();
    if (v.chaos()) {
      registry.withChaos(chaos);
    }
    return new VmConfig(
        NetworkSchedule.mainnet(),
        baseFee,
        circ,
        Randomness.fixed(),
        ProofVerifier.acceptAll(),
        registry,
        null,
        onApplied != null);
  }

  private Cid runMessages(
      TestVector v, TestVector.Variant variant, MemoryBlockstore bs, List<String> problems)
      throws MessageApplyException, CborException {
    TokenAmount baseFee = v.baseFee() == null ? DEFAULT_BASE_FEE : TokenAmount.ofAtto(v.baseFee());
    TokenAmount circ =
        v.circSupply() == null ? TokenAmount.TOTAL_FILECOIN : TokenAmount.ofAtto(v.circSupply());
    VmConfig cfg = config(v, baseFee, (epoch, st) -> circ);
    Cid root = v.preRoot();
    long epoch = variant.epoch();
    for (int i = 0; i < v.messages().size(); i++) {
      TestVector.ApplyMessage am = v.messages().get(i);
      epoch += am.epochOffset();
      UnsignedMessage msg = UnsignedMessage.fromCbor(am.bytes());
      Vm vm = new Vm(bs, root, epoch, cfg);
      ChainMessage cm = ChainMessage.forConformance(msg);
      ApplyRet ret = vm.applyMessage(cm.message(), cm.chainLength());
      root = vm.flush();
      if (onApplied != null) {
        onApplied.accept(ret);
      }
      compareReceipt(problems, "msg " + i, receiptAt(v, i, problems), ret.receipt());
    }
    if (!root.equals(v.postRoot())) {
      problems.add("state root: expected " + v.postRoot() + ", got " + root);
    }
    return root;
  }

  private Cid runTipsets(
      TestVector v, TestVector.Variant variant, MemoryBlockstore bs, List<String> problems)
      throws MessageApplyException, CborException {
    // Lotus's tipset driver computes the circulating supply from a genesis it does not have, so
    // an actor that asks for it gets an error.
    VmConfig.CircSupply circ =
        (epoch, st) -> {
          throw new ActorException(
              ExitCode.ERR_ILLEGAL_STATE, "failed to get total circ supply: no genesis");
        };
    Cid root = v.preRoot();
    long base = variant.epoch();
    long prev = base;
    int receiptIdx = 0;
    for (int i = 0; i < v.tipsets().size(); i++) {
      TestVector.Tipset ts = v.tipsets().get(i);
      long execEpoch = base + ts.epochOffset();
      TokenAmount baseFee =
          ts.baseFee() == null || ts.baseFee().signum() == 0
              ? DEFAULT_BASE_FEE
              : TokenAmount.ofAtto(ts.baseFee());
      VmConfig cfg = config(v, baseFee, circ);
      List<BlockMessages> blocks = new ArrayList<>();
      for (TestVector.Block b : ts.blocks()) {
        List<ChainMessage> bls = new ArrayList<>();
        List<ChainMessage> secp = new ArrayList<>();
        for (byte[] raw : b.messages()) {
          UnsignedMessage m = UnsignedMessage.fromCbor(raw);
          switch (m.from().protocol()) {
            case SECP256K1 -> secp.add(ChainMessage.forConformance(m));
            case BLS -> bls.add(ChainMessage.unsigned(m));
            default -> {
              // the driver puts other senders' messages in both lists; dedup keeps the first
              secp.add(ChainMessage.unsigned(m));
              bls.add(ChainMessage.unsigned(m));
            }
          }
        }
        List<ChainMessage> all = new ArrayList<>(bls);
        all.addAll(secp);
        blocks.add(new BlockMessages(b.miner(), b.winCount(), all));
      }
      TipsetExecutor.Result r = TipsetExecutor.applyBlocks(bs, prev, root, blocks, execEpoch, cfg);
      for (int j = 0; j < r.results().size(); j++) {
        ApplyRet ret = r.results().get(j);
        if (onApplied != null) {
          onApplied.accept(ret);
        }
        compareReceipt(
            problems,
            "msg " + j + " of tipset " + i,
            receiptAt(v, receiptIdx, problems),
            ret.receipt());
        receiptIdx++;
      }
      if (i >= v.receiptsRoots().size()) {
        problems.add("no expected receipts root for tipset " + i);
      } else if (!v.receiptsRoots().get(i).equals(r.receiptsRoot())) {
        problems.add(
            "receipts root of tipset "
                + i
                + ": expected "
                + v.receiptsRoots().get(i)
                + ", got "
                + r.receiptsRoot());
      }
      prev = execEpoch;
      root = r.stateRoot();
    }
    if (receiptIdx != v.receipts().size()) {
      problems.add("expected " + v.receipts().size() + " receipts, got " + receiptIdx);
    }
    if (!root.equals(v.postRoot())) {
      problems.add("state root: expected " + v.postRoot() + ", got " + root);
    }
    return root;
  }

  private static TestVector.Receipt receiptAt(TestVector v, int i, List<String> problems) {
    if (i >= v.receipts().size()) {
      problems.add("no expected receipt " + i);
      return null;
    }
    return v.receipts().get(i);
  }

  private static void compareReceipt(
      List<String> problems, String label, TestVector.Receipt want, MessageReceipt got) {
    if (want == null) {
      return;
    }
    if (want.exitCode() != got.exitCode()) {
      problems.add(
          "exit code of " + label + ": expected " + want.exitCode() + ", got " + got.exitCode());
    }
    if (want.gasUsed() != got.gasUsed()) {
      problems.add(
          "gas used of " + label + ": expected " + want.gasUsed() + ", got " + got.gasUsed());
    }
    if (!Arrays.equals(want.returnValue(), got.returnValue())) {
      Base64.Encoder e = Base64.getEncoder();
      problems.add(
          "return of "
              + label
              + ": expected "
              + e.encodeToString(want.returnValue())
              + ", got "
              + e.encodeToString(got.returnValue()));
    }
  }

  /** Loads a vector's gzip-compressed CAR into a fresh in-memory store. */
  static MemoryBlockstore loadCar(byte[] gzipped) throws IOException, CarException {
    MemoryBlockstore bs = new MemoryBlockstore();
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped));
        CarReader car = CarReader.open(in)) {
      for (Block b = car.next(); b != null; b = car.next()) {
        bs.put(b.cid(), b.data());
      }
    }
    return bs;
  }

  /** Sums up runs: {@code N passed, N failed, N skipped}. */
  public static String summary(List<RunResult> results) {
    long passed = results.stream().filter(r -> r.status() == RunResult.Status.PASSED).count();
    long failed = results.stream().filter(r -> r.status() == RunResult.Status.FAILED).count();
    long skipped = results.stream().filter(r -> r.status() == RunResult.Status.SKIPPED).count();
    return passed + " passed, " + failed + " failed, " + skipped + " skipped";
  }
}
