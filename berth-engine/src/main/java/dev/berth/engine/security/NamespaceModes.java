package dev.berth.engine.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.api.types.container.HostConfig;
import dev.berth.engine.error.InvalidArgumentException;
import dev.berth.engine.error.NotImplementedException;
import java.util.List;

/**
 * {@code --pid}, {@code --ipc} and {@code --uts}: a container's own namespace (the default,
 * also {@code private}, {@code shareable} and {@code none} for IPC) or the host's. With the
 * host's the namespace is left out of the spec, as moby does; the host IPC namespace also
 * brings the host's /dev/shm, the host UTS namespace the host's name. Joining another
 * container's namespace ({@code container:NAME}) is not implemented.
 */
final class NamespaceModes {

    private static final String HOST = "host";

    private NamespaceModes() {
    }

    static void check(HostConfig h) {
        mode(h.pidMode(), "PID", List.of(HOST));
        mode(h.ipcMode(), "IPC", List.of(HOST, "private", "shareable", "none"));
        mode(h.utsMode(), "UTS", List.of(HOST));
    }

    private static void mode(String mode, String kind, List<String> known) {
        if (mode == null || mode.isEmpty() || known.contains(mode)) {
            return;
        }
        if (mode.startsWith("container:")) {
            throw new NotImplementedException("--" + kind.toLowerCase(java.util.Locale.ROOT)
                    + " container:NAME is not supported by berth yet");
        }
        throw new InvalidArgumentException("invalid " + kind + " mode: " + mode);
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
                if (m.path("destination").asText().equals("/dev/shm")) {
                    ObjectNode shm = (ObjectNode) m;
                    shm.put("type", "bind").put("source", "/dev/shm");
                    ArrayNode options = shm.putArray("options");
                    options.add("rbind").add("nosuid").add("noexec").add("nodev");
                }
            }
        }
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
