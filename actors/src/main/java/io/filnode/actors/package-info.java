/**
 * The built-in actors of specs-actors v2, v3 and v4: the {@code Runtime} interface they see, the
 * version-independent building blocks, one package per actors version that reuses the earlier one
 * where behaviour is identical, version-neutral state readers, the nv10 and nv12 state migrations,
 * and the chaos actor used only by conformance tests.
 */
package io.filnode.actors;
