package dev.berth.engine.exec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.engine.runtime.spec.ResolvedUser;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The OCI process of an exec ({@code <runtime> exec --process}), as dockerd builds it: the
 * container's own process (capabilities, rlimits, noNewPrivileges, environment) with the
 * exec's command, TTY, working directory and user, the exec's variables replacing or
 * added to the container's, and with {@code --privileged} every capability. A pure function.
 */
final class ExecProcessJson {

    /** Every capability up to CAP_CHECKPOINT_RESTORE (40), in number order. */
    static final List<String> ALL_CAPABILITIES = List.of(
            "CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_DAC_READ_SEARCH", "CAP_FOWNER", "CAP_FSETID", "CAP_KILL",
            "CAP_SETGID", "CAP_SETUID", "CAP_SETPCAP", "CAP_LINUX_IMMUTABLE", "CAP_NET_BIND_SERVICE",
            "CAP_NET_BROADCAST", "CAP_NET_ADMIN", "CAP_NET_RAW", "CAP_IPC_LOCK", "CAP_IPC_OWNER",
            "CAP_SYS_MODULE", "CAP_SYS_RAWIO", "CAP_SYS_CHROOT", "CAP_SYS_PTRACE", "CAP_SYS_PACCT",
            "CAP_SYS_ADMIN", "CAP_SYS_BOOT", "CAP_SYS_NICE", "CAP_SYS_RESOURCE", "CAP_SYS_TIME",
            "CAP_SYS_TTY_CONFIG", "CAP_MKNOD", "CAP_LEASE", "CAP_AUDIT_WRITE", "CAP_AUDIT_CONTROL",
            "CAP_SETFCAP", "CAP_MAC_OVERRIDE", "CAP_MAC_ADMIN", "CAP_SYSLOG", "CAP_WAKE_ALARM",
            "CAP_BLOCK_SUSPEND", "CAP_AUDIT_READ", "CAP_PERFMON", "CAP_BPF", "CAP_CHECKPOINT_RESTORE");

    private ExecProcessJson() {
    }

    /**
     * What {@code --privileged} grants: every capability in the daemon's own bounding set
     * (as moby does), since the runtime cannot grant one the daemon lacks.
     */
    static List<String> boundingCapabilities() {
        try {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status"))) {
                if (line.startsWith("CapBnd:")) {
                    return fromMask(Long.parseUnsignedLong(line.substring(7).strip(), 16));
                }
            }
        } catch (java.io.IOException | NumberFormatException e) {
            // fall through: every known capability
        }
        return ALL_CAPABILITIES;
    }

    /** The capabilities whose bits are set in {@code mask}. */
    static List<String> fromMask(long mask) {
        List<String> caps = new java.util.ArrayList<>();
        for (int bit = 0; bit < ALL_CAPABILITIES.size(); bit++) {
            if ((mask & (1L << bit)) != 0) {
                caps.add(ALL_CAPABILITIES.get(bit));
            }
        }
        return caps;
    }

    /**
     * @param container     the {@code process} object of the container's config.json
     * @param args          the exec's command
     * @param execEnv       the exec's {@code -e} variables (may be empty)
     * @param cwd           the working directory, or null for the container's
     * @param tty           whether the exec gets a terminal
     * @param user          the exec's user resolved in the rootfs, or null for the container's
     * @param capabilities  the capability set of a privileged exec, or null for the container's
     */
    static ObjectNode build(JsonNode container, List<String> args, List<String> execEnv, String cwd, boolean tty,
            ResolvedUser user, List<String> capabilities) {
        ObjectNode p = ((ObjectNode) container).deepCopy();
        p.remove("consoleSize");
        p.put("terminal", tty);
        strings(p.putArray("args"), args);
        strings(p.putArray("env"), environment(container.path("env"), execEnv, tty, user));
        if (cwd != null && !cwd.isEmpty()) {
            p.put("cwd", cwd);
        }
        if (user != null) {
            ObjectNode u = p.putObject("user");
            u.put("uid", user.uid());
            u.put("gid", user.gid());
            if (!user.additionalGids().isEmpty()) {
                ArrayNode gids = u.putArray("additionalGids");
                user.additionalGids().forEach(gids::add);
            }
        }
        if (capabilities != null) {
            ObjectNode caps = p.putObject("capabilities");
            for (String set : List.of("bounding", "effective", "permitted")) {
                strings(caps.putArray(set), capabilities);
            }
        }
        return p;
    }

    /**
     * The container's variables; TERM=xterm follows the exec's TTY (dockerd sets it for a TTY
     * only); HOME follows an exec's user; then the exec's own, replacing by name.
     */
    static List<String> environment(JsonNode containerEnv, List<String> execEnv, boolean tty, ResolvedUser user) {
        Map<String, String> byName = new LinkedHashMap<>();
        containerEnv.forEach(e -> put(byName, e.asText()));
        if (tty) {
            byName.putIfAbsent("TERM", "TERM=xterm");
        } else if ("TERM=xterm".equals(byName.get("TERM"))) {
            byName.remove("TERM");
        }
        if (user != null) {
            byName.put("HOME", "HOME=" + (user.home() == null || user.home().isEmpty() ? "/" : user.home()));
        }
        execEnv.forEach(e -> put(byName, e));
        return List.copyOf(byName.values());
    }

    private static void put(Map<String, String> byName, String entry) {
        int eq = entry.indexOf('=');
        byName.put(eq < 0 ? entry : entry.substring(0, eq), entry);
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
