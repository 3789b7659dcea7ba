package dev.berth.compose.loader;

import dev.berth.compose.model.BuildSpec;
import dev.berth.compose.model.Dependency;
import dev.berth.compose.model.DependencyCondition;
import dev.berth.compose.model.Deploy;
import dev.berth.compose.model.FileObjectRef;
import dev.berth.compose.model.Healthcheck;
import dev.berth.compose.model.Logging;
import dev.berth.compose.model.MountType;
import dev.berth.compose.model.PortMapping;
import dev.berth.compose.model.Service;
import dev.berth.compose.model.ServiceNetwork;
import dev.berth.compose.model.ServiceResources;
import dev.berth.compose.model.ServiceVolume;
import dev.berth.compose.model.Ulimit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Builds a {@link Service} from its merged, canonical mapping: reads {@code env_file}s and
 * merges them under {@code environment}, takes declared-but-valueless variables from the
 * environment, and adds the {@link ImpliedDependencies} to {@code depends_on}.
 */
final class ServiceReader {
    private final Function<String, String> env;

    /** @param env the project's variables (process environment over .env), for "KEY" without a value */
    ServiceReader(Function<String, String> env) {
        this.env = env;
    }

    Service read(String name, Fields f, String file) {
        return new Service(
                name,
                f.string("image"),
                build(f.fields("build")),
                f.stringsOrNull("command"),
                f.stringsOrNull("entrypoint"),
                environment(name, f, file),
                ports(f),
                f.strings("expose"),
                volumes(f),
                f.strings("volumes_from"),
                f.strings("tmpfs"),
                networks(f),
                f.string("network_mode"),
                f.strings("links"),
                f.strings("external_links"),
                ImpliedDependencies.of(dependsOn(f), f.string("network_mode"), f.string("pid"), f.string("ipc"),
                        f.strings("volumes_from"), f.strings("links")),
                healthcheck(f.fields("healthcheck")),
                f.string("restart"),
                deploy(f.fields("deploy")),
                f.integer("scale"),
                f.stringMap("labels"),
                f.stringMap("annotations"),
                f.string("container_name"),
                f.string("hostname"),
                f.string("domainname"),
                f.string("mac_address"),
                f.string("user"),
                f.string("working_dir"),
                f.bool("init"),
                f.string("stop_signal"),
                f.duration("stop_grace_period"),
                f.bool("tty", false),
                f.bool("stdin_open", false),
                f.bool("read_only", false),
                f.bool("privileged", false),
                f.strings("cap_add"),
                f.strings("cap_drop"),
                f.strings("security_opt"),
                f.strings("extra_hosts"),
                f.strings("dns"),
                f.strings("dns_search"),
                f.strings("dns_opt"),
                f.has("logging") ? new Logging(f.fields("logging").string("driver"), f.fields("logging").stringMap("options")) : null,
                f.strings("profiles"),
                f.string("pull_policy"),
                f.string("platform"),
                fileRefs(f.list("configs"), false),
                fileRefs(f.list("secrets"), true),
                ulimits(f),
                f.stringMap("sysctls"),
                f.bytes("shm_size"),
                f.string("pid"),
                f.string("ipc"),
                f.string("uts"),
                f.string("userns_mode"),
                f.string("cgroup"),
                f.string("cgroup_parent"),
                f.strings("devices"),
                f.strings("group_add"),
                f.string("runtime"),
                new ServiceResources(f.number("cpus"), f.longValue("cpu_shares"), f.string("cpuset"), f.bytes("mem_limit"),
                        f.bytes("mem_reservation"), f.bytes("memswap_limit"), f.longValue("pids_limit"),
                        f.bool("oom_kill_disable"), f.integer("oom_score_adj")),
                f.bool("attach"),
                WatchRules.develop(name, f.fields("develop"), file));
    }

    private static BuildSpec build(Fields b) {
        if (b == null) {
            return null;
        }
        return new BuildSpec(b.string("context"), b.has("dockerfile") ? b.string("dockerfile") : "Dockerfile",
                b.string("dockerfile_inline"), b.stringMap("args"), b.string("target"), b.stringMap("labels"),
                b.strings("cache_from"), b.strings("tags"), b.string("network"), b.strings("extra_hosts"),
                b.bytes("shm_size"), b.strings("platforms"), b.bool("no_cache", false), b.bool("pull", false));
    }

    private Map<String, String> environment(String name, Fields f, String file) {
        Map<String, String> out = new LinkedHashMap<>();
        List<Fields> envFiles = f.list("env_file");
        for (int i = 0; i < envFiles.size(); i++) {
            Fields ef = envFiles.get(i);
            Path path = Path.of(ef.string("path"));
            if (!Files.isRegularFile(path)) {
                if (ef.bool("required", true)) {
                    throw new ComposeFileException(file, "services." + name + ".env_file[" + i + "]", "env file " + path + " not found");
                }
                continue;
            }
            try {
                out.putAll(DotEnv.parse(path.toString(), Files.readString(path), env));
            } catch (IOException e) {
                throw new ComposeFileException(file, "services." + name + ".env_file[" + i + "]", "cannot read " + path + ": " + e.getMessage());
            }
        }
        out.putAll(f.stringMap("environment"));
        out.replaceAll((k, v) -> v != null ? v : env.apply(k));
        return out;
    }

    private static List<PortMapping> ports(Fields f) {
        List<PortMapping> out = new ArrayList<>();
        for (Fields p : f.list("ports")) {
            out.add(new PortMapping(p.integer("target"), p.string("published"), p.string("host_ip"), p.string("protocol"),
                    p.string("mode"), p.string("name"), p.string("app_protocol")));
        }
        return out;
    }

    private static List<ServiceVolume> volumes(Fields f) {
        List<ServiceVolume> out = new ArrayList<>();
        for (Fields v : f.list("volumes")) {
            Fields bind = v.fields("bind");
            Fields vol = v.fields("volume");
            Fields tmpfs = v.fields("tmpfs");
            out.add(new ServiceVolume(
                    MountType.fromWireName(v.string("type")),
                    v.string("source"),
                    v.string("target"),
                    v.bool("read_only", false),
                    v.string("consistency"),
                    // The long syntax does not create a missing bind source unless told; the short one always did.
                    bind == null ? new ServiceVolume.BindOptions(null, false, null)
                            : new ServiceVolume.BindOptions(bind.string("propagation"), bind.bool("create_host_path", false), bind.string("selinux")),
                    vol == null ? null : new ServiceVolume.VolumeOptions(vol.bool("nocopy", false), vol.string("subpath")),
                    tmpfs == null ? null : new ServiceVolume.TmpfsOptions(tmpfs.bytes("size"), tmpfs.integer("mode"))));
        }
        return out;
    }

    private static Map<String, ServiceNetwork> networks(Fields f) {
        Map<String, ServiceNetwork> out = new LinkedHashMap<>();
        f.entries("networks").forEach((name, n) -> out.put(name, new ServiceNetwork(n.strings("aliases"),
                n.string("ipv4_address"), n.string("ipv6_address"), n.string("mac_address"),
                n.has("priority") ? n.integer("priority") : 0, n.strings("link_local_ips"))));
        return out;
    }

    private static Map<String, Dependency> dependsOn(Fields f) {
        Map<String, Dependency> out = new LinkedHashMap<>();
        f.entries("depends_on").forEach((name, d) -> out.put(name, new Dependency(
                DependencyCondition.fromWireName(d.string("condition")), d.bool("restart", false), d.bool("required", true))));
        return out;
    }

    private static Healthcheck healthcheck(Fields h) {
        if (h == null) {
            return null;
        }
        List<String> test = h.stringsOrNull("test");
        boolean disable = h.bool("disable", false) || (test != null && test.equals(List.of("NONE")));
        return new Healthcheck(test, h.duration("interval"), h.duration("timeout"), h.integer("retries"),
                h.duration("start_period"), h.duration("start_interval"), disable);
    }

    private static Deploy deploy(Fields d) {
        if (d == null) {
            return null;
        }
        Fields res = d.fields("resources");
        Deploy.Resources resources = res == null ? null : new Deploy.Resources(resourceSpec(res.fields("limits")), resourceSpec(res.fields("reservations")));
        Fields rp = d.fields("restart_policy");
        Deploy.RestartPolicy restart = rp == null ? null
                : new Deploy.RestartPolicy(rp.string("condition"), rp.duration("delay"), rp.integer("max_attempts"), rp.duration("window"));
        return new Deploy(d.string("mode"), d.integer("replicas"), d.stringMap("labels"), resources, restart);
    }

    private static Deploy.ResourceSpec resourceSpec(Fields r) {
        return r == null ? null : new Deploy.ResourceSpec(r.number("cpus"), r.bytes("memory"), r.longValue("pids"));
    }

    private static List<FileObjectRef> fileRefs(List<Fields> refs, boolean secret) {
        List<FileObjectRef> out = new ArrayList<>();
        for (Fields r : refs) {
            String source = r.string("source");
            String target = r.string("target");
            if (secret) {
                target = target == null ? "/run/secrets/" + source : target.startsWith("/") ? target : "/run/secrets/" + target;
            } else if (target == null) {
                target = "/" + source;
            }
            out.add(new FileObjectRef(source, target, r.string("uid"), r.string("gid"), r.integer("mode")));
        }
        return out;
    }

    private static Map<String, Ulimit> ulimits(Fields f) {
        Map<String, Ulimit> out = new LinkedHashMap<>();
        f.entries("ulimits").forEach((name, u) -> {
            // ProjectChecks has made sure at least one of the two is set.
            Long soft = u.longValue("soft");
            Long hard = u.longValue("hard");
            out.put(name, new Ulimit(soft != null ? soft : hard, hard != null ? hard : soft));
        });
        return out;
    }
}
