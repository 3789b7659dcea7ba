/**
 * Containers: their records, names, configuration merging and lifecycle (create, start,
 * stop, kill, wait, remove) on top of images, snapshots and the OCI runtime. Must not
 * depend on the daemon or HTTP; speaks the API's wire types only as data.
 */
package dev.berth.engine.containers;
