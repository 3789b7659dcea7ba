/**
 * The OCI runtime spec (config.json) for a container, with Docker's defaults: capabilities,
 * mounts, masked and read-only paths, device rules and the default seccomp profile; and the
 * resolution of Docker's {@code --user} forms against a rootfs.
 *
 * <p>Pure functions of their inputs (the rootfs is read, never written). Depends on Jackson
 * and {@code engine.error} only; knows nothing about containers' records or the runtime
 * binaries. Reference: https://github.com/opencontainers/runtime-spec/blob/v1.0.2/config.md
 */
package dev.berth.engine.runtime.spec;
