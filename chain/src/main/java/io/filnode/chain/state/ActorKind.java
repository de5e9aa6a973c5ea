package io.filnode.chain.state;

/**
 * The kinds of built-in actor, named as in their code CID strings ({@code fil/<n>/<name>}). {@link
 * #CHAOS} is the test-only actor Lotus's conformance driver registers; it never exists on a real
 * network.
 */
public enum ActorKind {
  SYSTEM("system"),
  INIT("init"),
  CRON("cron"),
  ACCOUNT("account"),
  STORAGE_POWER("storagepower"),
  STORAGE_MINER("storageminer"),
  STORAGE_MARKET("storagemarket"),
  PAYMENT_CHANNEL("paymentchannel"),
  MULTISIG("multisig"),
  REWARD("reward"),
  VERIFIED_REGISTRY("verifiedregistry"),
  CHAOS("chaos");

  private final String codeName;

  ActorKind(String codeName) {
    this.codeName = codeName;
  }

  /** The name in the code CID string, e.g. {@code storageminer}. */
  public String codeName() {
    return codeName;
  }
}
