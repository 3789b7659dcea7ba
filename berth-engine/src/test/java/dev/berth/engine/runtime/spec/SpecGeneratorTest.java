package dev.berth.engine.runtime.spec;

import static dev.berth.engine.runtime.spec.SeccompProfileTest.texts;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpecGeneratorTest {

    static final HostProfile HOST = new HostProfile("amd64", 6, 1,
            List.of("/sys/devices/system/cpu/cpu0/thermal_throttle"), true);

    final SpecGenerator generator = new SpecGenerator(HOST);

    final ContainerSpec base = ContainerSpec.defaults(List.of("sh", "-c", "echo hi"),
                    Path.of("/run/berth/containers/abc/rootfs"), "abc123", "/berth/abc")
            .withEnv(List.of("PATH=/usr/bin:/bin", "HOME=/root"))
            .withCwd("/work");

    @Test
    void generate_processHasDockersDefaults() {
        JsonNode p = generator.generate(base.withUser(new ResolvedUser(1000, 1000, List.of(10L), "/home/app")))
                .get("process");
        assertThat(p.get("terminal").asBoolean()).isFalse();
        assertThat(texts(p.get("args"))).containsExactly("sh", "-c", "echo hi");
        assertThat(texts(p.get("env"))).containsExactly("PATH=/usr/bin:/bin", "HOME=/root");
        assertThat(p.get("cwd").asText()).isEqualTo("/work");
        assertThat(p.get("user").get("uid").asLong()).isEqualTo(1000);
        assertThat(p.get("user").get("gid").asLong()).isEqualTo(1000);
        assertThat(texts(p.get("user").get("additionalGids"))).containsExactly("10");
        JsonNode caps = p.get("capabilities");
        for (String set : List.of("bounding", "effective", "permitted")) {
            assertThat(texts(caps.get(set))).containsExactlyElementsOf(RuntimeDefaults.CAPABILITIES);
        }
        assertThat(caps.has("inheritable")).isFalse();
        assertThat(caps.has("ambient")).isFalse();
        assertThat(p.get("noNewPrivileges").asBoolean()).isFalse();
        assertThat(p.has("rlimits")).isFalse();
        assertThat(p.has("oomScoreAdj")).isFalse();
        assertThat(p.has("apparmorProfile")).isFalse();
    }

    @Test
    void generate_rootHostnameAndVersion() {
        ObjectNode spec = generator.generate(base.withReadonlyRootfs(true));
        assertThat(spec.get("ociVersion").asText()).isEqualTo("1.0.2");
        assertThat(spec.get("root").get("path").asText()).isEqualTo("/run/berth/containers/abc/rootfs");
        assertThat(spec.get("root").get("readonly").asBoolean()).isTrue();
        assertThat(spec.get("hostname").asText()).isEqualTo("abc123");
    }

    @Test
    void generate_defaultMountsThenBinds() {
        ContainerSpec withBinds = base.withBinds(List.of(
                new BindMount(Path.of("/var/lib/berth/containers/abc/hosts"), "/etc/hosts", false),
                new BindMount(Path.of("/var/lib/berth/containers/abc/resolv.conf"), "/etc/resolv.conf", true)));
        JsonNode mounts = generator.generate(withBinds).get("mounts");
        List<String> rows = new ArrayList<>();
        mounts.forEach(m -> rows.add(m.get("destination").asText() + " " + m.get("type").asText() + " "
                + m.get("source").asText() + " " + String.join(",", texts(m.get("options")))));
        assertThat(rows).containsExactly(
                "/proc proc proc nosuid,noexec,nodev",
                "/dev tmpfs tmpfs nosuid,strictatime,mode=755,size=65536k",
                "/dev/pts devpts devpts nosuid,noexec,newinstance,ptmxmode=0666,mode=0620,gid=5",
                "/sys sysfs sysfs nosuid,noexec,nodev,ro",
                "/sys/fs/cgroup cgroup cgroup ro,nosuid,noexec,nodev",
                "/dev/mqueue mqueue mqueue nosuid,noexec,nodev",
                "/dev/shm tmpfs shm nosuid,noexec,nodev,mode=1777,size=67108864",
                "/etc/hosts bind /var/lib/berth/containers/abc/hosts rbind,rprivate",
                "/etc/resolv.conf bind /var/lib/berth/containers/abc/resolv.conf rbind,rprivate,ro");
    }

    @Test
    void generate_bindOverDevShmReplacesTheDefault() {
        JsonNode mounts = generator.generate(base.withBinds(List.of(
                new BindMount(Path.of("/host/shm"), "/dev/shm", false)))).get("mounts");
        List<String> shm = new ArrayList<>();
        mounts.forEach(m -> {
            if (m.get("destination").asText().equals("/dev/shm")) {
                shm.add(m.get("type").asText());
            }
        });
        assertThat(shm).containsExactly("bind");
    }

    @Test
    void generate_linuxNamespacesPathsDevicesAndCgroup() {
        JsonNode linux = generator.generate(base).get("linux");
        List<String> ns = new ArrayList<>();
        linux.get("namespaces").forEach(n -> ns.add(n.get("type").asText()));
        assertThat(ns).containsExactly("mount", "network", "uts", "pid", "ipc");
        assertThat(linux.get("cgroupsPath").asText()).isEqualTo("/berth/abc");
        assertThat(texts(linux.get("maskedPaths"))).containsExactly(
                "/proc/acpi", "/proc/asound", "/proc/interrupts", "/proc/kcore", "/proc/keys",
                "/proc/latency_stats", "/proc/sched_debug", "/proc/scsi", "/proc/timer_list",
                "/proc/timer_stats", "/sys/devices/virtual/powercap", "/sys/firmware",
                "/sys/devices/system/cpu/cpu0/thermal_throttle");
        assertThat(texts(linux.get("readonlyPaths"))).containsExactly(
                "/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys", "/proc/sysrq-trigger");
        List<String> rules = new ArrayList<>();
        linux.get("resources").get("devices").forEach(d -> rules.add(
                (d.get("allow").asBoolean() ? "allow " : "deny ") + d.path("type").asText("a") + " "
                        + d.path("major").asText("*") + ":" + d.path("minor").asText("*") + " "
                        + d.get("access").asText()));
        assertThat(rules).containsExactly("deny a *:* rwm", "allow c 1:5 rwm", "allow c 1:3 rwm",
                "allow c 1:9 rwm", "allow c 1:8 rwm", "allow c 5:0 rwm", "allow c 5:1 rwm", "deny c 10:229 rwm");
        assertThat(linux.get("sysctl").get("net.ipv4.ping_group_range").asText()).isEqualTo("0 2147483647");
        assertThat(linux.get("sysctl").get("net.ipv4.ip_unprivileged_port_start").asText()).isEqualTo("0");
        assertThat(linux.get("seccomp").get("defaultAction").asText()).isEqualTo("SCMP_ACT_ERRNO");
    }

    @Test
    void generate_networkJoinHostAndCgroupNamespace() {
        JsonNode joined = generator.generate(base.withNetwork(new NetworkNamespace.Join(Path.of("/run/netns/x"))))
                .get("linux");
        assertThat(joined.get("namespaces").get(1).get("path").asText()).isEqualTo("/run/netns/x");

        JsonNode host = generator.generate(base.withNetwork(new NetworkNamespace.Host())).get("linux");
        List<String> ns = new ArrayList<>();
        host.get("namespaces").forEach(n -> ns.add(n.get("type").asText()));
        assertThat(ns).doesNotContain("network");
        assertThat(host.has("sysctl")).isFalse();

        ContainerSpec cg = new ContainerSpec(base.args(), base.env(), base.cwd(), base.user(), false, base.rootfs(),
                false, "h", List.of(), new NetworkNamespace.Fresh(), true, "/berth/abc",
                RuntimeDefaults.SHM_SIZE_BYTES, false, Map.of("net.core.somaxconn", "1024"));
        JsonNode linux = generator.generate(cg).get("linux");
        assertThat(linux.get("namespaces").get(5).get("type").asText()).isEqualTo("cgroup");
        assertThat(linux.has("seccomp")).isFalse();
        assertThat(linux.get("sysctl").get("net.core.somaxconn").asText()).isEqualTo("1024");
    }

    @Test
    void generateJson_isParseableConfigJson() throws Exception {
        JsonNode parsed = new ObjectMapper().readTree(generator.generateJson(base));
        assertThat(parsed.toString()).isEqualTo(generator.generate(base).toString());
    }

    @Test
    void generateJson_consoleSizeSizesTheTerminalBeforeTheProcessRuns() throws Exception {
        ContainerSpec tty = new ContainerSpec(base.args(), base.env(), base.cwd(), base.user(), true, base.rootfs(),
                false, "h", List.of(), new NetworkNamespace.Fresh(), true, "/berth/abc",
                RuntimeDefaults.SHM_SIZE_BYTES, true, Map.of());
        var size = ConsoleSize.fromDocker(List.of(30, 100));
        JsonNode p = new ObjectMapper().readTree(generator.generateJson(tty, List.of(), size)).get("process");
        assertThat(p.get("consoleSize").toString()).isEqualTo("{\"height\":30,\"width\":100}");
        JsonNode noTty = new ObjectMapper().readTree(generator.generateJson(base, List.of(), size)).get("process");
        assertThat(noTty.has("consoleSize")).isFalse();
    }

    @Test
    void consoleSize_fromDockersHeightWidth_zeroOrMissingMeansNone() {
        assertThat(ConsoleSize.fromDocker(List.of(30, 100))).contains(new ConsoleSize(30, 100));
        assertThat(ConsoleSize.fromDocker(List.of(0, 0))).isEmpty();
        assertThat(ConsoleSize.fromDocker(List.of(30))).isEmpty();
        assertThat(ConsoleSize.fromDocker(null)).isEmpty();
    }

    @Test
    void generate_bindPropagationGoesToTheMountAndSharedNeedsASharedRootfs() {
        ContainerSpec shared = base.withBinds(List.of(new BindMount(Path.of("/srv/a"), "/a", false, "rshared"),
                new BindMount(Path.of("/srv/b"), "/b", true)));
        JsonNode config = generator.generate(shared);
        List<String> options = new java.util.ArrayList<>();
        for (JsonNode m : config.get("mounts")) {
            if (m.get("destination").asText().equals("/a") || m.get("destination").asText().equals("/b")) {
                options.add(m.get("destination").asText() + "=" + texts(m.get("options")));
            }
        }
        assertThat(options).containsExactly("/a=[rbind, rshared]", "/b=[rbind, rprivate, ro]");
        assertThat(config.get("linux").get("rootfsPropagation").asText()).isEqualTo("shared");
        ContainerSpec slave = base.withBinds(List.of(new BindMount(Path.of("/srv/a"), "/a", false, "slave")));
        assertThat(generator.generate(slave).get("linux").get("rootfsPropagation").asText()).isEqualTo("rslave");
        assertThat(generator.generate(base).get("linux").has("rootfsPropagation")).isFalse();
    }
}
