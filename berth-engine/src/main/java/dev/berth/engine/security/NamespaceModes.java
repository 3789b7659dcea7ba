package dev.berth.engine.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.api.types.container.HostConfig;
import dev.berth.engine.error.InvalidArgumentException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code --pid}, {@code --ipc}, {@code --uts} and {@code --cgroupns}: a container's own
 * namespace (the default), the host's, or for PID and IPC another running container's
 * ({@code container:NAME}).
 *
 * <p>IPC has dockerd's five modes: {@code private} (the default) and {@code shareable} both
 * get an own namespace, but only a {@code shareable} (or {@code host}) one may be joined;
 * {@code none} is an own namespace without a /dev/shm mount; {@code host} leaves the
 * namespace out of the spec and brings the host's /dev/shm; {@code container:NAME} joins
 * the other container's namespace (its SysV shared memory, semaphores and message queues;
 * the joiner keeps its own /dev/shm tmpfs). With the host's PID or UTS namespace the entry is
 * left out of the spec, as moby does; the host UTS namespace also brings the host's name.
 *
 * <p>Which container a {@code container:} mode names is looked up by the caller; this class
 * only writes the joined namespace's path ({@link #join}).
 */
public final class NamespaceModes {

    private static final String HOST = "host";
    private static final String CONTAINER = "container:";
    private static final String PRIVATE = "private";
    static final String IPC_NONE = "none";
    static final String IPC_SHAREABLE = "shareable";

    private NamespaceModes() {
    }

    /** dockerd's create-time check: a known mode, or {@code container:} with a name (PID and IPC only). */
    static void check(HostConfig h) {
        mode(h.pidMode(), "PID", List.of(HOST), true);
        mode(h.ipcMode(), "IPC", List.of(HOST, PRIVATE, IPC_SHAREABLE, IPC_NONE), true);
        mode(h.utsMode(), "UTS", List.of(HOST), false);
        if (h.cgroupnsMode() != null && !h.cgroupnsMode().isEmpty() && !List.of(HOST, PRIVATE).contains(h.cgroupnsMode())) {
            throw new InvalidArgumentException("invalid cgroup namespace mode: " + h.cgroupnsMode());
        }
    }

    /**
     * Whether the container gets its own cgroup namespace: unless {@code --cgroupns host}.
     * berth's default is {@code private} on cgroup v1 hosts too (dockerd's is {@code host}
     * there): the container sees its own cgroup as the root, as on v2.
     */
    public static boolean privateCgroup(HostConfig h) {
        return !HOST.equals(h.cgroupnsMode());
    }

    private static void mode(String mode, String kind, List<String> known, boolean joinable) {
        if (mode == null || mode.isEmpty() || known.contains(mode)) {
            return;
        }
        if (joinable && joinedContainer(mode).isPresent()) {
            return;
        }
        throw new InvalidArgumentException("invalid " + kind + " mode: " + mode);
    }

    /** The container a {@code container:NAME} mode names; empty for every other mode (and a bare {@code container:}). */
    public static Optional<String> joinedContainer(String mode) {
        if (mode == null || !mode.startsWith(CONTAINER) || mode.length() == CONTAINER.length()) {
            return Optional.empty();
        }
        return Optional.of(mode.substring(CONTAINER.length()));
    }

    /**
     * Whether other containers may join the IPC namespace of a container with {@code ipcMode}:
     * dockerd's rule is that the donor has a shareable /dev/shm, which {@code shareable} and
     * {@code host} containers have and those joining such a container share; {@code private}
     * (also the default, empty mode) and {@code none} do not.
     */
    public static boolean ipcShareable(String ipcMode) {
        return IPC_SHAREABLE.equals(ipcMode) || HOST.equals(ipcMode) || joinedContainer(ipcMode).isPresent();
    }

    /**
     * Points the spec's namespace of {@code type} ({@code "pid"}, {@code "ipc"}) at the one the
     * process {@code pid} lives in: {@code /proc/<pid>/ns/<type>}.
     */
    public static void join(ObjectNode root, String type, long pid) {
        ObjectNode linux = (ObjectNode) root.path("linux");
        drop(linux, type);
        ((ArrayNode) linux.path("namespaces")).addObject().put("type", type)
                .put("path", "/proc/" + pid + "/ns/" + type.toLowerCase(Locale.ROOT));
    }

    static void apply(ObjectNode root, HostConfig h) {
        ObjectNode linux = (ObjectNode) root.path("linux");
        if (HOST.equals(h.pidMode())) {
            drop(linux, "pid");
        }
        if (HOST.equals(h.utsMode())) {
            drop(linux, "uts");
            root.remove("hostname"); // the runtime cannot set a name without its own UTS namespace
        }
        if (HOST.equals(h.ipcMode())) {
            drop(linux, "ipc");
            for (JsonNode m : root.path("mounts")) {
                if (isShm(m)) {
                    ObjectNode shm = (ObjectNode) m;
                    shm.put("type", "bind").put("source", "/dev/shm");
                    ArrayNode options = shm.putArray("options");
                    options.add("rbind").add("nosuid").add("noexec").add("nodev");
                }
            }
        }
        if (IPC_NONE.equals(h.ipcMode())) {
            ArrayNode mounts = (ArrayNode) root.path("mounts");
            for (int i = mounts.size() - 1; i >= 0; i--) {
                if (isShm(mounts.get(i))) {
                    mounts.remove(i);
                }
            }
        }
    }

    /** The default /dev/shm tmpfs (a user's own mount there stays). */
    private static boolean isShm(JsonNode mount) {
        return mount.path("destination").asText().equals("/dev/shm") && mount.path("source").asText().equals("shm");
    }

    private static void drop(ObjectNode linux, String type) {
        ArrayNode namespaces = (ArrayNode) linux.path("namespaces");
        for (int i = namespaces.size() - 1; i >= 0; i--) {
            if (namespaces.get(i).path("type").asText().equals(type)) {
                namespaces.remove(i);
            }
        }
    }
}
