/**
 * Human-readable renderings of durations, sizes and container states, exactly as Docker prints
 * them (github.com/docker/go-units and moby's container state text).
 *
 * <p>Shared by the daemon (the {@code Status} of {@code GET /containers/json}) and the CLI
 * (tables). Pure functions of their inputs: the caller passes "now", so output is testable.
 * Depends on nothing but the JDK.
 */
package dev.berth.api.units;
