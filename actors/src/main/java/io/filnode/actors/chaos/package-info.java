/**
 * The chaos actor of Lotus's conformance tests (v1.10.0 {@code conformance/chaos}): a test-only
 * actor at f098 with code CID {@code fil/1/chaos}, registered by the VM only for vectors whose
 * selector asks for it. It is deliberately not in {@link io.filnode.actors.v2.ActorsV2}.
 */
package io.filnode.actors.chaos;
