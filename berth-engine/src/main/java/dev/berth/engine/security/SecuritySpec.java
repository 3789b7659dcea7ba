package dev.berth.engine.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.api.types.container.DeviceMapping;
import dev.berth.api.types.container.HostConfig;
import dev.berth.engine.error.InvalidArgumentException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes what {@code HostConfig} grants into a generated spec, as moby's oci_linux.go does:
 * the capability set in {@code process.capabilities}; each {@code --device} as a {@code
 * linux.devices} node plus an allow rule; each {@code --device-cgroup-rule}; and for
 * {@code --privileged} every host device with an allow-all rule, no masked or read-only
 * paths, no seccomp filter and a writable /sys and /sys/fs/cgroup; the host's PID, IPC or
 * UTS namespace when asked, and no /dev/shm for {@code --ipc none} ({@link NamespaceModes};
 * joining another container's namespace is {@link NamespaceModes#join}, by the caller that
 * knows the other container).
 */
public final class SecuritySpec {

    private static final Pattern CGROUP_RULE = Pattern.compile("^([acb]) ([0-9]+|\\*):([0-9]+|\\*) ([rwm]{1,3})$");

    private SecuritySpec() {
    }

    /** dockerd's create-time checks of these options, with its words. */
    public static void check(HostConfig h) {
        Capabilities.check(h.capAdd(), h.capDrop());
        if (h.devices() != null) {
            h.devices().forEach(HostDevices::check);
        }
        if (h.deviceCgroupRules() != null) {
            h.deviceCgroupRules().forEach(SecuritySpec::cgroupRule);
        }
        NamespaceModes.check(h);
        Sysctls.check(h.sysctls(), h.networkMode(), h.ipcMode());
        if (h.shmSize() != null && h.shmSize() < 0) {
            throw new InvalidArgumentException("SHM size can not be less than 0");
        }
    }

    /**
     * Amends {@code root} (a generated config.json).
     *
     * @param capabilities the container's set ({@link Capabilities#resolve})
     * @param devices      the host devices it gets: its {@code --device}s, or all of them when privileged
     */
    public static void apply(ObjectNode root, HostConfig h, List<String> capabilities, List<HostDevice> devices) {
        NamespaceModes.apply(root, h);
        ObjectNode caps = ((ObjectNode) root.path("process")).putObject("capabilities");
        for (String set : List.of("bounding", "effective", "permitted")) {
            ArrayNode a = caps.putArray(set);
            capabilities.forEach(a::add);
        }
        ObjectNode linux = (ObjectNode) root.path("linux");
        ObjectNode resources = linux.has("resources") ? (ObjectNode) linux.get("resources") : linux.putObject("resources");
        ArrayNode rules = resources.has("devices") ? (ArrayNode) resources.get("devices") : resources.putArray("devices");
        if (!devices.isEmpty()) {
            ArrayNode nodes = linux.has("devices") ? (ArrayNode) linux.get("devices") : linux.putArray("devices");
            devices.forEach(d -> nodes.add(d.toOci()));
        }
        if (h.isPrivileged()) {
            rules.removeAll();
            rules.addObject().put("allow", true).put("access", "rwm");
            linux.remove(List.of("maskedPaths", "readonlyPaths", "seccomp"));
            for (JsonNode m : root.path("mounts")) {
                String dest = m.path("destination").asText();
                if (dest.equals("/sys") || dest.equals("/sys/fs/cgroup")) {
                    ArrayNode options = (ArrayNode) m.path("options");
                    for (int i = options.size() - 1; i >= 0; i--) {
                        if (options.get(i).asText().equals("ro")) {
                            options.remove(i);
                        }
                    }
                }
            }
            return;
        }
        devices.forEach(d -> rules.add(d.toCgroupRule()));
        if (h.deviceCgroupRules() != null) {
            h.deviceCgroupRules().forEach(r -> rules.add(cgroupRule(r)));
        }
    }

    /** The devices a container gets from the host: every one when privileged, else its {@code --device}s. */
    public static List<HostDevice> devices(HostConfig h) {
        if (h.isPrivileged()) {
            return HostDevices.all(java.nio.file.Path.of("/dev"));
        }
        List<DeviceMapping> mappings = h.devices() == null ? List.of() : h.devices();
        return mappings.stream().flatMap(m -> HostDevices.of(m).stream()).toList();
    }

    /** {@code c 1:3 rwm}, {@code b 8:* rm}, {@code a *:* rwm} as a {@code linux.resources.devices} rule. */
    static ObjectNode cgroupRule(String rule) {
        Matcher m = CGROUP_RULE.matcher(rule);
        if (!m.matches()) {
            throw new InvalidArgumentException("invalid device cgroup rule format: '" + rule + "'");
        }
        ObjectNode r = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        r.put("allow", true).put("type", m.group(1));
        if (!m.group(2).equals("*")) {
            r.put("major", Long.parseLong(m.group(2)));
        }
        if (!m.group(3).equals("*")) {
            r.put("minor", Long.parseLong(m.group(3)));
        }
        return r.put("access", m.group(4));
    }
}
