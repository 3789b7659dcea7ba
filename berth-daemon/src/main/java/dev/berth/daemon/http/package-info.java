/**
 * berthd's HTTP server over a UNIX-domain socket: connection handling (keep-alive, timeouts,
 * hijack), the handler contract ({@link dev.berth.daemon.http.HttpHandler},
 * {@link dev.berth.daemon.http.ServerRequest}, {@link dev.berth.daemon.http.ServerResponse}),
 * and the route table ({@link dev.berth.daemon.http.Router}) with Engine API path templates
 * and version prefixes.
 *
 * <p>Depends on the JDK and {@code dev.berth.api.http} (the shared codec) only. Must not depend
 * on the engine or on route implementations: error mapping from engine exceptions to statuses
 * lives with the routes, not here.
 */
package dev.berth.daemon.http;
