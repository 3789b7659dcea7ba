package dev.berth.compose.project;

import dev.berth.compose.model.Deploy;
import dev.berth.compose.model.Healthcheck;
import dev.berth.compose.model.PortMapping;
import dev.berth.compose.model.Project;
import dev.berth.compose.model.Service;
import dev.berth.compose.model.ServiceNetwork;
import dev.berth.compose.model.Ulimit;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A service of the model as the create body docker compose sends ({@code getCreateConfigs}):
 * Config, HostConfig, and the primary network's endpoint in NetworkingConfig; the other
 * networks are joined after create. Keys are put in a fixed order so the config hash is stable.
 */
public final class ServiceMapper {

    /** Where config and secret files come from on the host. */
    public interface FileSources {
        Path config(Project project, String key) throws IOException;

        Path secret(Project project, String key) throws IOException;
    }

    private ServiceMapper() {
    }

    /** The template for {@code service}'s containers, which run {@code image}. */
    public static ContainerTemplate template(Project project, Service service, String image, FileSources files)
            throws IOException {
        Map<String, Object> config = new LinkedHashMap<>();
        put(config, "Hostname", service.hostname());
        put(config, "Domainname", service.domainname());
        put(config, "User", service.user());
        config.put("AttachStdin", false);
        config.put("AttachStdout", true);
        config.put("AttachStderr", true);
        config.put("Tty", service.tty());
        config.put("OpenStdin", service.stdinOpen());
        config.put("StdinOnce", false);
        List<String> env = environment(service.environment());
        if (!env.isEmpty()) {
            config.put("Env", env);
        }
        put(config, "Cmd", service.command());
        put(config, "Entrypoint", service.entrypoint());
        config.put("Image", image);
        put(config, "WorkingDir", service.workingDir());
        Map<String, String> labels = new LinkedHashMap<>(service.labels());
        labels.put(ComposeLabels.PROJECT, project.name());
        labels.put(ComposeLabels.SERVICE, service.name());
        labels.put(ComposeLabels.VERSION, ComposeLabels.COMPOSE_VERSION);
        labels.put(ComposeLabels.WORKING_DIR, project.workingDir().toString());
        labels.put(ComposeLabels.CONFIG_FILES, String.join(",", project.configFiles().stream().map(Path::toString).toList()));
        labels.put(ComposeLabels.ONEOFF, "False");
        config.put("Labels", labels);
        put(config, "StopSignal", service.stopSignal());
        if (service.stopGracePeriod() != null) {
            config.put("StopTimeout", (int) service.stopGracePeriod().toSeconds());
        }
        Map<String, Object> exposed = exposedPorts(service);
        if (!exposed.isEmpty()) {
            config.put("ExposedPorts", exposed);
        }
        Map<String, Object> health = healthcheck(service.healthcheck());
        if (health != null) {
            config.put("Healthcheck", health);
        }

        Map<String, Object> host = hostConfig(project, service, files);
        String primary = null;
        Map<String, List<String>> extra = new LinkedHashMap<>();
        Map<String, Object> endpoints = new LinkedHashMap<>();
        if (service.networkMode() != null) {
            host.put("NetworkMode", sharedMode(project, service.networkMode()));
        } else {
            for (Map.Entry<String, ServiceNetwork> n : byPriority(service.networks())) {
                String name = project.networks().get(n.getKey()) == null ? n.getKey()
                        : project.networks().get(n.getKey()).name();
                List<String> aliases = new ArrayList<>();
                aliases.add(service.name());
                aliases.addAll(n.getValue().aliases());
                if (primary == null) {
                    primary = name;
                    Map<String, Object> endpoint = new LinkedHashMap<>();
                    endpoint.put("Aliases", aliases);
                    if (n.getValue().ipv4Address() != null) {
                        endpoint.put("IPAMConfig", Map.of("IPv4Address", n.getValue().ipv4Address()));
                    }
                    endpoints.put(name, endpoint);
                } else {
                    extra.put(name, aliases);
                }
            }
            if (primary != null) {
                host.put("NetworkMode", primary);
            }
        }
        config.put("HostConfig", host);
        if (!endpoints.isEmpty()) {
            config.put("NetworkingConfig", Map.of("EndpointsConfig", endpoints));
        }
        return ContainerTemplate.of(service.name(), image, config, extra);
    }

    /** A network, PID or IPC mode: {@code service:x} joins x's first container; other modes pass as they are. */
    static String sharedMode(Project project, String mode) {
        if (mode.startsWith("service:")) {
            return "container:" + ResourceNames.container(project.name(), mode.substring("service:".length()), 1);
        }
        return mode;
    }

    private static List<Map.Entry<String, ServiceNetwork>> byPriority(Map<String, ServiceNetwork> networks) {
        List<Map.Entry<String, ServiceNetwork>> entries = new ArrayList<>(networks.entrySet());
        // compose: higher priority first, then by name
        entries.sort(Comparator.comparingInt((Map.Entry<String, ServiceNetwork> e) -> -e.getValue().priority())
                .thenComparing(Map.Entry::getKey));
        return entries;
    }

    /** NAME=value in file order; a variable declared without a value and unset is left out, as compose does. */
    static List<String> environment(Map<String, String> environment) {
        List<String> env = new ArrayList<>();
        environment.forEach((k, v) -> {
            if (v != null) {
                env.add(k + "=" + v);
            }
        });
        return env;
    }

    private static Map<String, Object> exposedPorts(Service service) {
        Map<String, Object> exposed = new TreeMap<>();
        for (PortMapping p : service.ports()) {
            exposed.put(p.target() + "/" + protocol(p), Map.of());
        }
        for (String e : service.expose()) {
            exposed.put(e.contains("/") ? e : e + "/tcp", Map.of());
        }
        return exposed;
    }

    private static String protocol(PortMapping p) {
        return p.protocol() == null || p.protocol().isEmpty() ? "tcp" : p.protocol();
    }

    /** Durations in nanoseconds; {@code disable} is docker's {@code ["NONE"]}. */
    static Map<String, Object> healthcheck(Healthcheck h) {
        if (h == null) {
            return null;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        if (h.disable()) {
            out.put("Test", List.of("NONE"));
            return out;
        }
        put(out, "Test", h.test());
        putNanos(out, "Interval", h.interval());
        putNanos(out, "Timeout", h.timeout());
        putNanos(out, "StartPeriod", h.startPeriod());
        putNanos(out, "StartInterval", h.startInterval());
        put(out, "Retries", h.retries());
        return out;
    }

    private static Map<String, Object> hostConfig(Project project, Service service, FileSources files) throws IOException {
        Map<String, Object> host = new LinkedHashMap<>();
        ServiceMounts.apply(host, project, service, files);
        Map<String, List<Map<String, String>>> bindings = portBindings(service.ports());
        if (!bindings.isEmpty()) {
            host.put("PortBindings", bindings);
        }
        host.put("RestartPolicy", restartPolicy(service));
        putList(host, "CapAdd", service.capAdd());
        putList(host, "CapDrop", service.capDrop());
        host.put("Privileged", service.privileged());
        host.put("ReadonlyRootfs", service.readOnly());
        put(host, "Init", service.init());
        putList(host, "ExtraHosts", service.extraHosts());
        putList(host, "Dns", service.dns());
        putList(host, "DnsSearch", service.dnsSearch());
        putList(host, "DnsOptions", service.dnsOpt());
        putList(host, "SecurityOpt", service.securityOpt());
        putList(host, "GroupAdd", service.groupAdd());
        if (!service.sysctls().isEmpty()) {
            host.put("Sysctls", service.sysctls());
        }
        put(host, "ShmSize", service.shmSize());
        put(host, "PidMode", service.pid() == null ? null : sharedMode(project, service.pid()));
        put(host, "IpcMode", service.ipc() == null ? null : sharedMode(project, service.ipc()));
        put(host, "UTSMode", service.uts());
        put(host, "UsernsMode", service.usernsMode());
        put(host, "CgroupnsMode", service.cgroup());
        put(host, "CgroupParent", service.cgroupParent());
        put(host, "Runtime", service.runtime());
        putList(host, "Links", service.links().stream().map(l -> link(project, l)).toList());
        resources(host, service);
        if (!service.ulimits().isEmpty()) {
            List<Map<String, Object>> ulimits = new ArrayList<>();
            for (Map.Entry<String, Ulimit> u : service.ulimits().entrySet()) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("Name", u.getKey());
                entry.put("Soft", u.getValue().soft());
                entry.put("Hard", u.getValue().hard());
                ulimits.add(entry);
            }
            host.put("Ulimits", ulimits);
        }
        if (service.logging() != null && service.logging().driver() != null) {
            host.put("LogConfig", Map.of("Type", service.logging().driver(), "Config", service.logging().options()));
        }
        return host;
    }

    /** deploy.resources.limits first, the legacy keys (mem_limit, cpus...) where deploy says nothing. */
    private static void resources(Map<String, Object> host, Service service) {
        Deploy.ResourceSpec limits = service.deploy() == null ? Deploy.ResourceSpec.NONE : service.deploy().resources().limits();
        Deploy.ResourceSpec reservations = service.deploy() == null ? Deploy.ResourceSpec.NONE
                : service.deploy().resources().reservations();
        var legacy = service.resources();
        Long memory = limits.memory() != null ? limits.memory() : legacy.memLimit();
        Double cpus = limits.cpus() != null ? limits.cpus() : legacy.cpus();
        Long pids = limits.pids() != null ? limits.pids() : legacy.pidsLimit();
        Long reservation = reservations.memory() != null ? reservations.memory() : legacy.memReservation();
        put(host, "Memory", memory);
        put(host, "MemoryReservation", reservation);
        put(host, "MemorySwap", legacy.memswapLimit());
        if (cpus != null) {
            host.put("NanoCpus", Math.round(cpus * 1e9));
        }
        put(host, "CpuShares", legacy.cpuShares());
        put(host, "CpusetCpus", legacy.cpuset());
        put(host, "PidsLimit", pids);
        put(host, "OomKillDisable", legacy.oomKillDisable());
        put(host, "OomScoreAdj", legacy.oomScoreAdj());
    }

    /** {@code restart:} wins; else deploy.restart_policy (any → always, on-failure with its attempts, none → no). */
    static Map<String, Object> restartPolicy(Service service) {
        Map<String, Object> policy = new LinkedHashMap<>();
        String restart = service.restart();
        if (restart == null && service.deploy() != null && service.deploy().restartPolicy() != null) {
            Deploy.RestartPolicy p = service.deploy().restartPolicy();
            String condition = p.condition() == null ? "any" : p.condition();
            switch (condition) {
                case "none" -> policy.put("Name", "no");
                case "on-failure" -> {
                    policy.put("Name", "on-failure");
                    put(policy, "MaximumRetryCount", p.maxAttempts());
                }
                default -> policy.put("Name", "always");
            }
            return policy;
        }
        if (restart == null || restart.isEmpty()) {
            policy.put("Name", "no");
            return policy;
        }
        int colon = restart.indexOf(':');
        policy.put("Name", colon < 0 ? restart : restart.substring(0, colon));
        if (colon >= 0) {
            policy.put("MaximumRetryCount", Integer.parseInt(restart.substring(colon + 1)));
        }
        return policy;
    }

    /** {@code "80/tcp": [{"HostIp": "", "HostPort": "8080"}]}: every port spelled as docker's CLI sends it. */
    static Map<String, List<Map<String, String>>> portBindings(Collection<PortMapping> ports) {
        Map<String, List<Map<String, String>>> bindings = new TreeMap<>();
        for (PortMapping p : ports) {
            Map<String, String> b = new LinkedHashMap<>();
            b.put("HostIp", p.hostIp() == null ? "" : p.hostIp());
            b.put("HostPort", p.published() == null ? "" : p.published());
            bindings.computeIfAbsent(p.target() + "/" + protocol(p), k -> new ArrayList<>()).add(b);
        }
        return bindings;
    }

    /** {@code service[:alias]} links to the service's first container. */
    private static String link(Project project, String spec) {
        int colon = spec.indexOf(':');
        String name = colon < 0 ? spec : spec.substring(0, colon);
        String alias = colon < 0 ? name : spec.substring(colon + 1);
        return ResourceNames.container(project.name(), name, 1) + ":" + alias;
    }

    private static void putNanos(Map<String, Object> map, String key, Duration d) {
        if (d != null) {
            map.put(key, d.toNanos());
        }
    }

    private static void putList(Map<String, Object> map, String key, List<String> values) {
        if (values != null && !values.isEmpty()) {
            map.put(key, values);
        }
    }

    static void put(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
