/**
 * Volumes and a container's mounts: the local volume store ({@code <data-root>/volumes/<name>/_data}
 * with a {@code volume.json} written atomically), parsing of {@code -v}, {@code --mount},
 * {@code --tmpfs} and image {@code VOLUME}s into typed mounts, the mount table each container
 * keeps ({@code containers/<id>/mounts.json}), in-use tracking, copy-up of image files into
 * empty volumes, and the bind and tmpfs mounts handed to the OCI spec.
 *
 * <p>Depends on error, metadata, archive (copy-up), runtime.spec (mount values, rootfs path
 * resolution), berth-posix (local driver device mounts) and berth-api's container types. Must
 * not depend on containers (which calls into this package) or on images.
 */
package dev.berth.engine.volumes;
