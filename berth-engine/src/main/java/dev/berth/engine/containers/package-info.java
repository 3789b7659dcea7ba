/**
 * Containers: their records, names, configuration merging and lifecycle (create, start,
 * stop, kill, wait, remove) on top of images, snapshots and the OCI runtime. Must not
 * depend on the daemon or HTTP; speaks the API's wire types only as data.
 *
 * <p>{@link dev.berth.engine.containers.ContainerService} is the facade the daemon and the
 * other packages call; each step of the lifecycle is one package-private class behind it
 * (ContainerCreation, ContainerStarts, ContainerExits, ContainerSignals, ContainerRemoval,
 * ContainerRecovery), all sharing one ContainerTable (records, live containers, paths).
 */
package dev.berth.engine.containers;
