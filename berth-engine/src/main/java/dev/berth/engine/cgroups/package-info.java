/**
 * A container's cgroup as the kernel shows it, on cgroup v1 (one hierarchy per controller)
 * and v2 (one unified tree): where its files are ({@link dev.berth.engine.cgroups.CgroupLayout}),
 * what they say now ({@link dev.berth.engine.cgroups.CgroupReader}: CPU, memory, PIDs,
 * block I/O for {@code stats}), and whether the memory controller's OOM killer struck
 * ({@link dev.berth.engine.cgroups.OomWatcher}).
 *
 * <p>Reads only; the runtime (crun, runc) creates, limits and deletes cgroups. Depends on
 * berth-posix and {@code engine.error}; knows nothing about container records or the API.
 */
package dev.berth.engine.cgroups;
