package dev.berth.cli.command.compose;

import dev.berth.compose.model.Dependency;
import dev.berth.compose.model.FileObject;
import dev.berth.compose.model.Network;
import dev.berth.compose.model.PortMapping;
import dev.berth.compose.model.Project;
import dev.berth.compose.model.Service;
import dev.berth.compose.model.ServiceNetwork;
import dev.berth.compose.model.ServiceVolume;
import dev.berth.compose.model.Volume;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The resolved model as {@code docker compose config} prints it: canonical (long) syntax,
 * interpolated, absolute paths, unset keys left out. As a map first, so that {@code --format json}
 * prints the same tree.
 */
final class ProjectYaml {

    private ProjectYaml() {
    }

    static String yaml(Map<String, Object> tree) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setIndicatorIndent(0);
        options.setSplitLines(false);
        return new Yaml(options).dump(tree);
    }

    static Map<String, Object> tree(Project p) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", p.name());
        Map<String, Object> services = new LinkedHashMap<>();
        p.services().forEach((name, s) -> services.put(name, service(s)));
        out.put("services", services);
        if (!p.networks().isEmpty()) {
            Map<String, Object> networks = new LinkedHashMap<>();
            p.networks().forEach((k, n) -> networks.put(k, network(n)));
            out.put("networks", networks);
        }
        if (!p.volumes().isEmpty()) {
            Map<String, Object> volumes = new LinkedHashMap<>();
            p.volumes().forEach((k, v) -> volumes.put(k, volume(v)));
            out.put("volumes", volumes);
        }
        if (!p.configs().isEmpty()) {
            Map<String, Object> configs = new LinkedHashMap<>();
            p.configs().forEach((k, c) -> configs.put(k, fileObject(c)));
            out.put("configs", configs);
        }
        if (!p.secrets().isEmpty()) {
            Map<String, Object> secrets = new LinkedHashMap<>();
            p.secrets().forEach((k, c) -> secrets.put(k, fileObject(c)));
            out.put("secrets", secrets);
        }
        return out;
    }

    private static Map<String, Object> service(Service s) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (s.build() != null) {
            Map<String, Object> b = new LinkedHashMap<>();
            b.put("context", s.build().context());
            b.put("dockerfile", s.build().dockerfile() == null ? "Dockerfile" : s.build().dockerfile());
            put(b, "args", s.build().args());
            put(b, "target", s.build().target());
            m.put("build", b);
        }
        put(m, "command", s.command());
        put(m, "container_name", s.containerName());
        if (!s.dependsOn().isEmpty()) {
            Map<String, Object> deps = new LinkedHashMap<>();
            for (Map.Entry<String, Dependency> d : s.dependsOn().entrySet()) {
                Map<String, Object> dep = new LinkedHashMap<>();
                dep.put("condition", d.getValue().condition().wireName());
                dep.put("required", d.getValue().required());
                dep.put("restart", d.getValue().restart());
                deps.put(d.getKey(), dep);
            }
            m.put("depends_on", deps);
        }
        put(m, "entrypoint", s.entrypoint());
        put(m, "environment", s.environment());
        if (s.healthcheck() != null) {
            Map<String, Object> h = new LinkedHashMap<>();
            put(h, "test", s.healthcheck().test());
            put(h, "interval", duration(s.healthcheck().interval()));
            put(h, "timeout", duration(s.healthcheck().timeout()));
            put(h, "retries", s.healthcheck().retries());
            put(h, "start_period", duration(s.healthcheck().startPeriod()));
            if (s.healthcheck().disable()) {
                h.put("disable", true);
            }
            m.put("healthcheck", h);
        }
        put(m, "hostname", s.hostname());
        put(m, "image", s.image());
        put(m, "labels", s.labels());
        put(m, "network_mode", s.networkMode());
        if (!s.networks().isEmpty()) {
            Map<String, Object> networks = new LinkedHashMap<>();
            for (Map.Entry<String, ServiceNetwork> n : s.networks().entrySet()) {
                Map<String, Object> attach = new LinkedHashMap<>();
                put(attach, "aliases", n.getValue().aliases());
                put(attach, "ipv4_address", n.getValue().ipv4Address());
                networks.put(n.getKey(), attach.isEmpty() ? null : attach);
            }
            m.put("networks", networks);
        }
        if (!s.ports().isEmpty()) {
            List<Object> ports = new ArrayList<>();
            for (PortMapping p : s.ports()) {
                Map<String, Object> port = new LinkedHashMap<>();
                port.put("mode", p.mode() == null ? "ingress" : p.mode());
                put(port, "host_ip", p.hostIp());
                port.put("target", p.target());
                put(port, "published", p.published());
                port.put("protocol", p.protocol() == null ? "tcp" : p.protocol());
                ports.add(port);
            }
            m.put("ports", ports);
        }
        put(m, "profiles", s.profiles());
        put(m, "restart", s.restart());
        put(m, "user", s.user());
        if (!s.volumes().isEmpty()) {
            List<Object> volumes = new ArrayList<>();
            for (ServiceVolume v : s.volumes()) {
                Map<String, Object> vol = new LinkedHashMap<>();
                vol.put("type", v.type().wireName());
                put(vol, "source", v.source());
                vol.put("target", v.target());
                if (v.readOnly()) {
                    vol.put("read_only", true);
                }
                volumes.add(vol);
            }
            m.put("volumes", volumes);
        }
        put(m, "working_dir", s.workingDir());
        return m;
    }

    private static Map<String, Object> network(Network n) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", n.name());
        put(m, "driver", n.driver());
        if (n.internal()) {
            m.put("internal", true);
        }
        if (n.external()) {
            m.put("external", true);
        }
        put(m, "labels", n.labels());
        return m;
    }

    private static Map<String, Object> volume(Volume v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", v.name());
        put(m, "driver", v.driver());
        put(m, "driver_opts", v.driverOpts());
        if (v.external()) {
            m.put("external", true);
        }
        put(m, "labels", v.labels());
        return m;
    }

    private static Map<String, Object> fileObject(FileObject o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", o.name());
        put(m, "file", o.file() == null ? null : o.file().toString());
        put(m, "environment", o.environment());
        put(m, "content", o.content());
        if (o.external()) {
            m.put("external", true);
        }
        return m;
    }

    private static String duration(Duration d) {
        return d == null ? null : dev.berth.compose.model.ComposeDuration.format(d);
    }

    private static void put(Map<String, Object> m, String key, Object value) {
        if (value == null || (value instanceof Collection<?> c && c.isEmpty()) || (value instanceof Map<?, ?> map && map.isEmpty())) {
            return;
        }
        m.put(key, value);
    }
}
