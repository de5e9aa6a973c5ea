/**
 * Lotus API tokens: HS256 JWTs with an {@code Allow} list ({@link io.filnode.rpc.auth.Jwt}), and
 * the {@code AuthNew}/{@code AuthVerify}/{@code Session} methods ({@link
 * io.filnode.rpc.auth.AuthApi}).
 */
package io.filnode.rpc.auth;
