/**
 * Exec instances: another process run in a running container ({@code docker exec}), built
 * from the container's own OCI process (environment, capabilities, user) with the exec's
 * changes, and run by the OCI runtime's {@code exec} as a child of the daemon. Depends on
 * containers (to find the running container) and runtime; must not depend on the daemon
 * or HTTP.
 */
package dev.berth.engine.exec;
