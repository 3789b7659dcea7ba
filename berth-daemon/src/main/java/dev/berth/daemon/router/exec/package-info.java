/**
 * The exec routes: {@code POST /containers/{id}/exec}, {@code POST /exec/{id}/start}
 * (hijacked, or plain with Detach), {@code GET /exec/{id}/json}. Over the engine's
 * ExecService only; must not reach into containers' internals.
 */
package dev.berth.daemon.router.exec;
