/**
 * The built-in actors of specs-actors v2 (network versions 4 to 9), one package per actor: the
 * actor's methods ({@code XxxActor implements ActorCode}), its state ({@code XxxState}) and its
 * parameter types. The table of all of them is {@link io.filnode.actors.v2.ActorsV2}.
 */
package io.filnode.actors.v2;
