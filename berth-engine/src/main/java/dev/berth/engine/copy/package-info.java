/**
 * Copying files in and out of a container ({@code docker cp}): paths resolved as the
 * container sees them (through its volume and bind mounts; symlinks resolved inside the
 * container's root, never out of it), stat with Go's FileMode bits, tar out and in.
 *
 * <p>Depends on archive, runtime.spec (RootfsPath), volumes (ContainerMount) and error. Must
 * not depend on containers: the container service hands in the mounted rootfs.
 */
package dev.berth.engine.copy;
