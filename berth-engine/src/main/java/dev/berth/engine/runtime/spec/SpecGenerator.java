package dev.berth.engine.runtime.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Builds the OCI runtime spec (config.json, version 1.0.2) of a container from a
 * {@link ContainerSpec}, with Docker's defaults ({@link RuntimeDefaults}, the default seccomp
 * profile). A pure function: the same input and host give the same JSON.
 *
 * <p>Left out on purpose: rlimits (the daemon may lack CAP_SYS_RESOURCE, and raising one
 * above the hard limit fails the start; the container inherits the daemon's), oomScoreAdj,
 * AppArmor/SELinux labels, the time namespace (runc 1.1 does not know it), resource limits.
 */
public final class SpecGenerator {

    public static final String OCI_VERSION = "1.0.2";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final HostProfile host;

    public SpecGenerator(HostProfile host) {
        this.host = host;
    }

    /** The config.json tree for {@code spec}. */
    public ObjectNode generate(ContainerSpec spec) {
        return generate(spec, List.of());
    }

    /** The config.json tree for {@code spec} with tmpfs mounts; mounts are ordered parents first. */
    public ObjectNode generate(ContainerSpec spec, List<TmpfsMount> tmpfs) {
        ObjectNode root = JSON.createObjectNode();
        root.put("ociVersion", OCI_VERSION);
        root.set("process", process(spec));
        ObjectNode rootfs = root.putObject("root");
        rootfs.put("path", spec.rootfs().toString());
        rootfs.put("readonly", spec.readonlyRootfs());
        root.put("hostname", spec.hostname());
        root.set("mounts", mounts(spec, tmpfs));
        root.set("linux", linux(spec));
        return root;
    }

    /** {@link #generate} serialised as config.json bytes. */
    public byte[] generateJson(ContainerSpec spec) {
        return generateJson(spec, List.of());
    }

    /** {@link #generate(ContainerSpec, List)} serialised as config.json bytes. */
    public byte[] generateJson(ContainerSpec spec, List<TmpfsMount> tmpfs) {
        return generateJson(spec, tmpfs, java.util.Optional.empty());
    }

    /** The same, with the TTY's size before the process runs (ignored without a terminal). */
    public byte[] generateJson(ContainerSpec spec, List<TmpfsMount> tmpfs, java.util.Optional<ConsoleSize> console) {
        return toJson(generate(spec, tmpfs, console));
    }

    /** {@link #generate(ContainerSpec, List)} with the TTY's size before the process runs (ignored without a terminal). */
    public ObjectNode generate(ContainerSpec spec, List<TmpfsMount> tmpfs, java.util.Optional<ConsoleSize> console) {
        ObjectNode config = generate(spec, tmpfs);
        if (spec.terminal()) {
            console.ifPresent(size -> size.applyTo((ObjectNode) config.get("process")));
        }
        return config;
    }

    /** A generated (and possibly amended) config.json tree as bytes. */
    public static byte[] toJson(ObjectNode config) {
        try {
            return JSON.writeValueAsBytes(config);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The OCI form of a Docker-format seccomp profile ({@code --security-opt seccomp=<file>}) for this host. */
    public ObjectNode seccomp(com.fasterxml.jackson.databind.JsonNode dockerProfile) {
        return SeccompProfile.toOci(dockerProfile, RuntimeDefaults.CAPABILITIES, host);
    }

    /** {@link #seccomp(com.fasterxml.jackson.databind.JsonNode)} for a container with other capabilities than Docker's defaults. */
    public ObjectNode seccomp(com.fasterxml.jackson.databind.JsonNode dockerProfile, List<String> capabilities) {
        return SeccompProfile.toOci(dockerProfile, capabilities, host);
    }

    /** Docker's default profile as moby filters it for a container with {@code capabilities}. */
    public ObjectNode defaultSeccomp(List<String> capabilities) {
        return SeccompProfile.dockerDefault(capabilities, host);
    }

    private ObjectNode process(ContainerSpec spec) {
        ObjectNode p = JSON.createObjectNode();
        p.put("terminal", spec.terminal());
        ObjectNode user = p.putObject("user");
        user.put("uid", spec.user().uid());
        user.put("gid", spec.user().gid());
        if (!spec.user().additionalGids().isEmpty()) {
            ArrayNode gids = user.putArray("additionalGids");
            spec.user().additionalGids().forEach(gids::add);
        }
        strings(p.putArray("args"), spec.args());
        strings(p.putArray("env"), spec.env());
        p.put("cwd", spec.cwd());
        ObjectNode caps = p.putObject("capabilities");
        for (String set : List.of("bounding", "effective", "permitted")) {
            strings(caps.putArray(set), RuntimeDefaults.CAPABILITIES);
        }
        p.put("noNewPrivileges", false);
        return p;
    }

    private ArrayNode mounts(ContainerSpec spec, List<TmpfsMount> tmpfs) {
        Set<String> overridden = new HashSet<>();
        spec.binds().forEach(b -> overridden.add(b.destination()));
        tmpfs.forEach(t -> overridden.add(t.destination()));
        boolean devReplaced = overridden.contains("/dev");
        ArrayNode mounts = JSON.createArrayNode();
        record Default(String destination, String type, String source, List<String> options) {
        }
        List<Default> defaults = List.of(
                new Default("/proc", "proc", "proc", List.of("nosuid", "noexec", "nodev")),
                new Default("/dev", "tmpfs", "tmpfs", List.of("nosuid", "strictatime", "mode=755", "size=65536k")),
                new Default("/dev/pts", "devpts", "devpts",
                        List.of("nosuid", "noexec", "newinstance", "ptmxmode=0666", "mode=0620", "gid=5")),
                new Default("/sys", "sysfs", "sysfs", List.of("nosuid", "noexec", "nodev", "ro")),
                new Default("/sys/fs/cgroup", "cgroup", "cgroup", List.of("ro", "nosuid", "noexec", "nodev")),
                new Default("/dev/mqueue", "mqueue", "mqueue", List.of("nosuid", "noexec", "nodev")),
                new Default("/dev/shm", "tmpfs", "shm",
                        List.of("nosuid", "noexec", "nodev", "mode=1777", "size=" + spec.shmSizeBytes())));
        for (Default d : defaults) {
            if (overridden.contains(d.destination()) || (devReplaced && d.destination().startsWith("/dev/"))) {
                continue;
            }
            mount(mounts, d.destination(), d.type(), d.source(), d.options());
        }
        List<Default> user = new java.util.ArrayList<>();
        for (BindMount b : spec.binds()) {
            List<String> options = b.readOnly() ? List.of("rbind", b.propagation(), "ro") : List.of("rbind", b.propagation());
            user.add(new Default(b.destination(), "bind", b.source().toString(), options));
        }
        tmpfs.forEach(t -> user.add(new Default(t.destination(), "tmpfs", "tmpfs", t.options())));
        // Parents before children (a stable sort by depth), so /data is not mounted over /data/sub.
        user.sort(java.util.Comparator.comparingInt(d -> d.destination().split("/").length));
        user.forEach(d -> mount(mounts, d.destination(), d.type(), d.source(), d.options()));
        return mounts;
    }

    private static void mount(ArrayNode mounts, String destination, String type, String source, List<String> options) {
        ObjectNode m = mounts.addObject();
        m.put("destination", destination);
        m.put("type", type);
        m.put("source", source);
        strings(m.putArray("options"), options);
    }

    private ObjectNode linux(ContainerSpec spec) {
        ObjectNode linux = JSON.createObjectNode();
        // As moby: a shared bind needs a shared rootfs, a slave bind at least a slave one,
        // or mounts made on the host below the source never reach the container.
        if (spec.binds().stream().anyMatch(b -> b.propagation().endsWith("shared"))) {
            linux.put("rootfsPropagation", "shared");
        } else if (spec.binds().stream().anyMatch(b -> b.propagation().endsWith("slave"))) {
            linux.put("rootfsPropagation", "rslave");
        }
        ObjectNode resources = linux.putObject("resources");
        ArrayNode devices = resources.putArray("devices");
        for (RuntimeDefaults.DeviceRule rule : RuntimeDefaults.DEVICE_RULES) {
            ObjectNode d = devices.addObject();
            d.put("allow", rule.allow());
            if (!rule.type().equals("a")) {
                d.put("type", rule.type());
            }
            if (rule.major() >= 0) {
                d.put("major", rule.major());
                d.put("minor", rule.minor());
            }
            d.put("access", "rwm");
        }
        linux.put("cgroupsPath", spec.cgroupsPath());
        linux.set("namespaces", namespaces(spec));
        Map<String, String> sysctls = new TreeMap<>();
        if (!(spec.network() instanceof NetworkNamespace.Host) && host.netSysctls()) {
            // Docker grants these so that ping works without CAP_NET_RAW and any port can be
            // bound without CAP_NET_BIND_SERVICE, inside the container's own network only.
            sysctls.put("net.ipv4.ping_group_range", "0 2147483647");
            sysctls.put("net.ipv4.ip_unprivileged_port_start", "0");
        }
        sysctls.putAll(spec.sysctls());
        if (!sysctls.isEmpty()) {
            ObjectNode s = linux.putObject("sysctl");
            sysctls.forEach(s::put);
        }
        strings(linux.putArray("maskedPaths"), RuntimeDefaults.maskedPaths(host.thermalThrottles()));
        strings(linux.putArray("readonlyPaths"), RuntimeDefaults.READONLY_PATHS);
        if (spec.seccomp()) {
            linux.set("seccomp", SeccompProfile.dockerDefault(RuntimeDefaults.CAPABILITIES, host));
        }
        return linux;
    }

    private static ArrayNode namespaces(ContainerSpec spec) {
        ArrayNode ns = JSON.createArrayNode();
        ns.addObject().put("type", "mount");
        switch (spec.network()) {
            case NetworkNamespace.Fresh f -> ns.addObject().put("type", "network");
            case NetworkNamespace.Join j -> ns.addObject().put("type", "network").put("path", j.path().toString());
            case NetworkNamespace.Host h -> {
                // no entry: the host's namespace
            }
        }
        ns.addObject().put("type", "uts");
        ns.addObject().put("type", "pid");
        ns.addObject().put("type", "ipc");
        if (spec.cgroupNamespace()) {
            ns.addObject().put("type", "cgroup");
        }
        return ns;
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
