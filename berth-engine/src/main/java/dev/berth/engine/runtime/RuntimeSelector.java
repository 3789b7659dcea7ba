package dev.berth.engine.runtime;

import dev.berth.engine.error.InvalidArgumentException;
import dev.berth.engine.error.UnavailableException;
import dev.berth.posix.Mounts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Chooses crun where it works on this host, else runc; {@code --runtime} overrides.
 *
 * <p>crun 1.8 refuses to run ("cgroups in hybrid mode not supported") when the host has
 * cgroup v1 hierarchies and the cgroup2 mount at {@code <root>/unified} still lists
 * controllers in cgroup.controllers. A controller can move to a v1 hierarchy of its own
 * if no cgroup2 group enables it (it is not in the root's cgroup.subtree_control); with
 * {@code fixHybrid} the selector does that (mount -t cgroup -o NAME under the cgroup root),
 * else, or when a controller is in use, it falls back to runc and says why.
 */
public final class RuntimeSelector {

    /** Mounts one cgroup v1 controller hierarchy; replaceable in tests. */
    @FunctionalInterface
    public interface ControllerMounter {
        void mount(String controller, Path at) throws IOException;
    }

    /** The real mounter: {@code mount -t cgroup -o <controller> cgroup <at>}. */
    public static final ControllerMounter CGROUP_V1 = (controller, at) -> {
        Files.createDirectories(at);
        Mounts.mount("cgroup", at, "cgroup", Mounts.MS_NOSUID | Mounts.MS_NODEV | Mounts.MS_NOEXEC, controller);
    };

    private static final Set<String> KNOWN = Set.of("crun", "runc");

    private final Path cgroupRoot;
    private final Function<String, Optional<Path>> which;
    private final ControllerMounter mounter;
    private final boolean fixHybrid;

    /**
     * @param cgroupRoot usually /sys/fs/cgroup
     * @param which      finds an executable by name (see {@link #searchPath})
     * @param mounter    how to mount a v1 controller when fixing a hybrid host
     * @param fixHybrid  whether to move controllers off cgroup2 so that crun runs
     */
    public RuntimeSelector(Path cgroupRoot, Function<String, Optional<Path>> which,
                           ControllerMounter mounter, boolean fixHybrid) {
        this.cgroupRoot = cgroupRoot;
        this.which = which;
        this.mounter = mounter;
        this.fixHybrid = fixHybrid;
    }

    /** The selector for this host: /sys/fs/cgroup, $PATH, real mounts, fixing allowed. */
    public static RuntimeSelector forHost() {
        return new RuntimeSelector(Path.of("/sys/fs/cgroup"), RuntimeSelector::searchPath, CGROUP_V1, true);
    }

    /**
     * @param requested {@code --runtime} ("crun", "runc" or a path to either), or empty for the default
     */
    public RuntimeChoice select(Optional<String> requested) {
        if (requested.isPresent()) {
            return requested(requested.get());
        }
        Optional<Path> crun = which.apply("crun");
        Optional<Path> runc = which.apply("runc");
        if (crun.isEmpty()) {
            return runc.map(p -> new RuntimeChoice("runc", p, "runc (crun is not installed)"))
                    .orElseThrow(() -> new UnavailableException("no OCI runtime found: install crun or runc"));
        }
        Optional<String> blocker = crunBlocker();
        if (blocker.isEmpty()) {
            return new RuntimeChoice("crun", crun.get(), "crun (default)");
        }
        return runc.map(p -> new RuntimeChoice("runc", p, "runc (" + blocker.get() + ")"))
                .orElseThrow(() -> new UnavailableException(blocker.get() + ", and runc is not installed"));
    }

    private RuntimeChoice requested(String value) {
        Path asPath = Path.of(value);
        String name = asPath.getFileName().toString();
        if (!KNOWN.contains(name)) {
            throw new InvalidArgumentException("unknown or invalid runtime name: " + value);
        }
        Path binary = value.contains("/")
                ? Optional.of(asPath).filter(Files::isExecutable).orElse(null)
                : which.apply(name).orElse(null);
        if (binary == null) {
            throw new InvalidArgumentException("runtime " + value + " is not installed");
        }
        if (name.equals("crun")) {
            Optional<String> blocker = crunBlocker();
            if (blocker.isPresent()) {
                throw new UnavailableException(blocker.get());
            }
        }
        return new RuntimeChoice(name, binary, name + " (--runtime)");
    }

    /** Why crun cannot run here, after trying to fix it when allowed; empty when it can. */
    Optional<String> crunBlocker() {
        List<String> listed = hybridControllers();
        if (listed.isEmpty()) {
            return Optional.empty();
        }
        String problem = "crun does not support cgroup v2 controllers in hybrid mode ("
                + cgroupRoot.resolve("unified/cgroup.controllers") + " lists " + String.join(" ", listed) + ")";
        if (!fixHybrid) {
            return Optional.of(problem);
        }
        List<String> inUse = words(cgroupRoot.resolve("unified/cgroup.subtree_control"));
        List<String> failed = new ArrayList<>();
        for (String controller : listed) {
            if (inUse.contains(controller)) {
                failed.add(controller + " is in use on cgroup2");
                continue;
            }
            try {
                mounter.mount(controller, cgroupRoot.resolve(controller));
            } catch (IOException | RuntimeException e) {
                failed.add("mounting " + controller + " failed: " + e.getMessage());
            }
        }
        List<String> remaining = hybridControllers();
        if (remaining.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(problem + "; could not move them to cgroup v1: " + String.join("; ", failed));
    }

    // Only a hybrid host matters: on pure cgroup2 the root itself has cgroup.controllers.
    private List<String> hybridControllers() {
        if (Files.exists(cgroupRoot.resolve("cgroup.controllers"))) {
            return List.of();
        }
        return words(cgroupRoot.resolve("unified/cgroup.controllers"));
    }

    private static List<String> words(Path file) {
        try {
            String s = Files.readString(file).strip();
            return s.isEmpty() ? List.of() : List.of(s.split("\\s+"));
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Finds an executable in $PATH (plus /usr/sbin and /sbin, where Debian puts runc). */
    public static Optional<Path> searchPath(String name) {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("") + ":/usr/local/sbin:/usr/sbin:/sbin";
        for (String dir : path.split(":")) {
            if (!dir.isEmpty()) {
                Path p = Path.of(dir, name);
                if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }
}
