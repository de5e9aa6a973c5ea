package io.filnode.rpc.server;

import io.filnode.rpc.auth.TokenVerifier;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;

/** What the connection handlers share: endpoints, auth, extra routes, the worker pool, limits. */
record Served(
    Map<String, Dispatcher> apis,
    TokenVerifier tokens,
    Map<String, HttpRoute> routes,
    ExecutorService workers,
    AtomicBoolean ready,
    int maxRequestBytes) {}
