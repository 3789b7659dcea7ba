/**
 * What {@code HostConfig} grants a container beyond Docker's defaults, checked with
 * dockerd's rules and wording and written into a generated OCI spec: capabilities
 * ({@code --cap-add}, {@code --cap-drop}), devices ({@code --device}, {@code
 * --device-cgroup-rule}), namespaced sysctls ({@code --sysctl}), namespace modes ({@code
 * --pid}, {@code --ipc}, {@code --uts}) and {@code --privileged}.
 *
 * <p>Pure functions over the request and the spec tree, except {@link
 * dev.berth.engine.security.HostDevices}, which reads device nodes from the host. Depends on
 * Jackson, the API types and {@code engine.error}; knows nothing about container records,
 * the runtime binaries or how the default spec is built.
 */
package dev.berth.engine.security;
