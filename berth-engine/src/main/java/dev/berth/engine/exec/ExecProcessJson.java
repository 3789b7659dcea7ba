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

    private ExecProcessJson() {
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
