/**
 * Running containers: the OCI runtime binary (crun or runc) driven as a subprocess
 * ({@link dev.berth.engine.runtime.OciRuntime}), the choice between them for this host
 * ({@link dev.berth.engine.runtime.RuntimeSelector}), and the supervision of a container's
 * process from start to exit code ({@link dev.berth.engine.runtime.TaskMonitor}).
 *
 * <p>Depends on {@code runtime.spec}, {@code engine.error}, {@code engine.metadata} and
 * berth-posix. Knows nothing about container records, images or the API: callers pass ids,
 * bundle directories and signals.
 */
package dev.berth.engine.runtime;
