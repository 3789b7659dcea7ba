/**
 * Container healthchecks, as dockerd runs them: the settings of a healthcheck
 * ({@link dev.berth.engine.health.HealthSettings}), the pure state machine over probe results
 * ({@link dev.berth.engine.health.Health}), the scheduler that runs probes
 * ({@link dev.berth.engine.health.HealthMonitor}, over a {@link dev.berth.engine.health.ProbeRunner}),
 * and the wiring to containers: probes run as exec instances, state follows container events
 * and is kept in {@code containers/<id>/health.json} ({@link dev.berth.engine.health.ContainerHealth}).
 * Depends on containers, exec and events; must not depend on the daemon or HTTP.
 */
package dev.berth.engine.health;
