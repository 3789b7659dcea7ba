/**
 * Compose: whole applications from one file. {@code model} holds the loaded, fully resolved
 * project as immutable records; {@code loader} turns compose files, {@code .env} files and the
 * environment into that model; {@code project} drives the Engine API from it.
 *
 * <p>Compose is a client of the Engine API: this module may depend on berth-api, never on
 * berth-engine or berth-daemon, so it works against berthd and a Docker daemon alike.
 */
package dev.berth.compose;
