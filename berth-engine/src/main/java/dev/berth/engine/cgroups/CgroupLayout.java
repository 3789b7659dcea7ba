package dev.berth.engine.cgroups;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a cgroup's files live. On cgroup v2 ({@code cgroup.controllers} at the root) every
 * controller shares one directory, {@code <root>/<cgroupsPath>}; on v1 each controller has
 * its own hierarchy, {@code <root>/<controller>/<cgroupsPath>} (a host with a v2 mount at
 * {@code unified} but the controllers on v1, as this one, is v1 for our purposes).
 *
 * @param root    the cgroup mount point, {@code /sys/fs/cgroup} (a temp directory in tests)
 * @param unified whether it is a v2 tree
 */
public record CgroupLayout(Path root, boolean unified) {

    public static final Path DEFAULT_ROOT = Path.of("/sys/fs/cgroup");

    /** The layout of the cgroup tree mounted at {@code root}. */
    public static CgroupLayout detect(Path root) {
        return new CgroupLayout(root, Files.exists(root.resolve("cgroup.controllers")));
    }

    public static CgroupLayout host() {
        return detect(DEFAULT_ROOT);
    }

    /**
     * The directory of {@code controller} (memory, cpu, cpuacct, pids, blkio, cpuset) for the
     * OCI {@code cgroupsPath} (absolute, e.g. "/berth/&lt;id&gt;").
     */
    public Path dir(String controller, String cgroupsPath) {
        String relative = cgroupsPath.startsWith("/") ? cgroupsPath.substring(1) : cgroupsPath;
        return unified ? root.resolve(relative) : root.resolve(controller).resolve(relative);
    }
}
