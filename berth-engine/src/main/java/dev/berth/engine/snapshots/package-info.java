/**
 * Container root filesystems: a stack of read-only layer directories (from the layer store)
 * under a container's writable layer, mounted as one tree for the runtime.
 *
 * <p>Depends on berth-posix (mount) and {@code engine.error}; it knows nothing about images,
 * containers or the runtime, and never decides where layers live: callers pass the paths.
 */
package dev.berth.engine.snapshots;
