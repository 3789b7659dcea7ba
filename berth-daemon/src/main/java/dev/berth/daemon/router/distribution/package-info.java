/**
 * The registry routes: pull ({@code POST /images/create?fromImage=}), push, {@code POST /auth}
 * and {@code GET /distribution/{name}/json}, over a narrow {@link DistributionBackend}.
 * Progress goes out as dockerd's JSON-message stream; an error before the first message is
 * an HTTP status, after it an in-band {@code errorDetail}.
 */
package dev.berth.daemon.router.distribution;
