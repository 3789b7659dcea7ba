/**
 * The compose runtime: brings a loaded {@code dev.berth.compose.model.Project} to life through
 * the Engine API, as docker compose v2 does. Convergence ({@link dev.berth.compose.project.Up})
 * creates the project's networks and volumes, pulls or builds images, and creates and starts
 * containers in depends_on order, recreating only those whose config hash changed; the other
 * operations (down, start, stop, ...) find the project's containers by their
 * {@code com.docker.compose.*} labels, so projects made by docker compose are managed alike.
 *
 * <p>Depends on the compose model and on berth-api's client and types only: compose is a client
 * of the Engine API and must work against berthd and a Docker daemon alike. It must not depend
 * on the CLI (progress and log output go through {@link dev.berth.compose.project.Progress} and
 * {@link dev.berth.compose.project.LogSink}), nor on the engine or daemon.
 */
package dev.berth.compose.project;
