package dev.berth.cli.command.container;

import dev.berth.api.types.container.PortBinding;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Turns run/create options into Config and HostConfig the way docker's CLI does
 * (cli/command/container/opts.go): env files before {@code -e}, {@code -e NAME} takes the
 * client's value or is dropped, labels without '=' get an empty value, {@code --entrypoint ""}
 * clears the image's entrypoint, {@code -i} opens stdin once. The body is plain maps and lists:
 * converting it to Config/HostConfig records went through an ObjectMapper, about 60 ms of a
 * {@code berth run}'s start.
 */
final class CreateRequestMapper {

    private CreateRequestMapper() {
    }

    /** {@code consoleSize} is {@code [rows, columns]} of the local terminal, or null without one. */
    static CreateRequest map(CreateOptions o, Function<String, String> clientEnv, boolean attached,
            List<Integer> consoleSize) {
        Map<String, Object> config = new LinkedHashMap<>();
        put(config, "Hostname", o.hostname);
        put(config, "Domainname", o.domainname);
        put(config, "User", o.user);
        config.put("AttachStdin", attached && o.interactive);
        config.put("AttachStdout", attached);
        config.put("AttachStderr", attached);
        config.put("Tty", o.tty);
        config.put("OpenStdin", o.interactive);
        config.put("StdinOnce", attached && o.interactive);
        List<String> env = environment(o.envFiles, o.env, clientEnv);
        if (!env.isEmpty()) {
            config.put("Env", env);
        }
        if (!o.command.isEmpty()) {
            config.put("Cmd", o.command);
        }
        config.put("Image", o.image);
        put(config, "WorkingDir", o.workdir);
        if (o.entrypoint != null) {
            config.put("Entrypoint", List.of(o.entrypoint));
        }
        Map<String, String> labels = labels(o.labelFiles, o.labels);
        if (!labels.isEmpty()) {
            config.put("Labels", labels);
        }
        put(config, "StopSignal", o.stopSignal);
        put(config, "StopTimeout", o.stopTimeout);
        put(config, "Healthcheck", HealthFlags.healthcheck(o.healthCmd, o.healthInterval, o.healthTimeout,
                o.healthStartPeriod, o.healthStartInterval, o.healthRetries, o.noHealthcheck));

        Map<String, Object> host = new LinkedHashMap<>();
        if (!o.volumes.isEmpty()) {
            host.put("Binds", o.volumes);
        }
        if (!o.mounts.isEmpty()) {
            host.put("Mounts", o.mounts.stream().map(MountFlag::parse).map(MountFlag::toBody).toList());
        }
        if (!o.tmpfs.isEmpty()) {
            Map<String, String> tmpfs = new LinkedHashMap<>();
            for (String t : o.tmpfs) {
                int colon = t.indexOf(':');
                tmpfs.put(colon < 0 ? t : t.substring(0, colon), colon < 0 ? "" : t.substring(colon + 1));
            }
            host.put("Tmpfs", tmpfs);
        }
        if (!o.volumesFrom.isEmpty()) {
            host.put("VolumesFrom", o.volumesFrom);
        }
        put(host, "NetworkMode", o.network);
        if (!o.publish.isEmpty()) {
            Map<String, List<Map<String, String>>> bindings = new TreeMap<>();
            Map<String, Object> exposed = new TreeMap<>();
            for (String p : o.publish) {
                for (PortSpec spec : PortSpec.parseAll(p)) {
                    bindings.computeIfAbsent(spec.containerPort(), k -> new ArrayList<>()).add(binding(spec.binding()));
                    exposed.put(spec.containerPort(), Map.of());
                }
            }
            host.put("PortBindings", bindings);
            config.put("ExposedPorts", exposed);
        }
        if (o.publishAll) {
            host.put("PublishAllPorts", true);
        }
        putList(host, "ExtraHosts", o.addHosts);
        putList(host, "Dns", o.dns);
        putList(host, "DnsSearch", o.dnsSearch);
        putList(host, "DnsOptions", o.dnsOptions);
        putList(host, "Links", o.links);
        host.put("RestartPolicy", restartPolicy(o.restart));
        host.put("AutoRemove", o.autoRemove);
        if (!o.capAdd.isEmpty()) {
            host.put("CapAdd", o.capAdd);
        }
        if (!o.capDrop.isEmpty()) {
            host.put("CapDrop", o.capDrop);
        }
        host.put("Privileged", o.privileged);
        host.put("ReadonlyRootfs", o.readOnly);
        put(host, "Init", o.init);
        o.limits.putInto(host);
        if (consoleSize != null) {
            host.put("ConsoleSize", consoleSize);
        }
        o.security.putInto(host);
        config.put("HostConfig", host);
        if ((!o.networkAliases.isEmpty() || o.ip != null) && o.network != null && !o.network.isEmpty()) {
            Map<String, Object> endpoint = new LinkedHashMap<>();
            if (!o.networkAliases.isEmpty()) {
                endpoint.put("Aliases", o.networkAliases);
            }
            if (o.ip != null) {
                endpoint.put("IPAMConfig", Map.of("IPv4Address", o.ip));
            }
            config.put("NetworkingConfig", Map.of("EndpointsConfig", Map.of(o.network, endpoint)));
        }
        return new CreateRequest(o.name, o.image, config);
    }

    /** Env files first, then {@code -e}; a bare NAME takes the client's value, or is dropped when unset. */
    static List<String> environment(List<String> files, List<String> flags, Function<String, String> clientEnv) {
        List<String> entries = new ArrayList<>();
        for (String file : files) {
            entries.addAll(readLines(file));
        }
        entries.addAll(flags);
        List<String> env = new ArrayList<>();
        for (String entry : entries) {
            if (entry.contains("=")) {
                if (entry.startsWith("=")) {
                    throw new IllegalArgumentException("invalid environment variable: " + entry);
                }
                env.add(entry);
            } else {
                String value = clientEnv.apply(entry);
                if (value != null) {
                    env.add(entry + "=" + value);
                }
            }
        }
        return env;
    }

    /** Label files first, then {@code -l}; {@code key} alone means an empty value. Later ones win. */
    static Map<String, String> labels(List<String> files, List<String> flags) {
        List<String> entries = new ArrayList<>();
        for (String file : files) {
            entries.addAll(readLines(file));
        }
        entries.addAll(flags);
        Map<String, String> labels = new LinkedHashMap<>();
        for (String entry : entries) {
            int eq = entry.indexOf('=');
            if (eq == 0) {
                throw new IllegalArgumentException("invalid label: " + entry);
            }
            labels.put(eq < 0 ? entry : entry.substring(0, eq), eq < 0 ? "" : entry.substring(eq + 1));
        }
        return labels;
    }

    /** {@code no}, {@code always}, {@code unless-stopped}, {@code on-failure[:max-retries]}. */
    static Map<String, Object> restartPolicy(String text) {
        String name = text;
        Integer retries = null;
        int colon = text.indexOf(':');
        if (colon >= 0) {
            name = text.substring(0, colon);
            try {
                retries = Integer.parseInt(text.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("invalid restart policy format: maximum retry count must be an integer");
            }
        }
        switch (name) {
            case "no", "always", "unless-stopped" -> {
                if (retries != null) {
                    throw new IllegalArgumentException("invalid restart policy format: maximum retry count cannot be used with restart policy '" + name + "'");
                }
            }
            case "on-failure" -> {
            }
            default -> throw new IllegalArgumentException("invalid restart policy format: unknown policy '" + name + "'");
        }
        Map<String, Object> policy = new LinkedHashMap<>();
        policy.put("Name", name);
        if (retries != null) {
            policy.put("MaximumRetryCount", retries);
        }
        return policy;
    }

    /** Lines of an env or label file: blank lines and # comments skipped, leading space trimmed. */
    private static List<String> readLines(String file) {
        try {
            List<String> out = new ArrayList<>();
            for (String line : Files.readAllLines(Path.of(file))) {
                String l = line.stripLeading();
                if (!l.isEmpty() && !l.startsWith("#")) {
                    out.add(l);
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("open " + file + ": no such file or directory", e);
        }
    }

    /** PortBinding as the wire spells it: both keys always, as docker's CLI sends them. */
    private static Map<String, String> binding(PortBinding b) {
        Map<String, String> wire = new LinkedHashMap<>();
        wire.put("HostIp", b.hostIp());
        wire.put("HostPort", b.hostPort());
        return wire;
    }

    private static void putList(Map<String, Object> map, String key, List<String> values) {
        if (!values.isEmpty()) {
            map.put(key, values);
        }
    }

    private static void put(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
