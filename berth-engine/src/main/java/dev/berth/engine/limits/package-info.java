/**
 * What {@code HostConfig} asks of a container's resources and process, checked with
 * dockerd's rules and wording and turned into OCI spec fields: memory, CPU, PIDs and block
 * I/O limits ({@code linux.resources}, also the body of the runtime's {@code update}),
 * {@code --ulimit} (rlimits), {@code --oom-score-adj}, {@code --security-opt}.
 *
 * <p>Pure functions over the request and {@link dev.berth.engine.limits.HostLimits} (what
 * the host allows, read once). Depends on Jackson, the API types and {@code engine.error};
 * knows nothing about container records or the runtime binaries.
 */
package dev.berth.engine.limits;
