package io.filnode.vm.conformance;

import io.filnode.actors.runtime.ActorCode;

/** The chaos actor for the tests, once the actors module has it. */
final class Chaos {
  private Chaos() {}

  static ActorCode actor() {
    return null;
  }
}
