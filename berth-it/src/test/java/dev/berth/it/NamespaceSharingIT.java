package dev.berth.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.testkit.CommandResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * {@code --pid container:NAME} and {@code --ipc container:NAME}: joining another running
 * container's PID and IPC namespaces, dockerd's refusals, and {@code --ipc none}; one berthd (runc).
 */
class NamespaceSharingIT extends DaemonFixture {

    @AfterAll
    void removeContainers() {
        berth("rm", "-f", "ns-sleeper", "ns-ipc-donor", "ns-private", "ns-stopped", "ns-joiner");
    }

    private String id(String container) {
        return berth("inspect", "-f", "{{.Id}}", container).assertSuccess().out();
    }

    private void sleeper(String name, String... flags) {
        String[] args = new String[flags.length + 7];
        args[0] = "run";
        args[1] = "-d";
        args[2] = "--name";
        args[3] = name;
        System.arraycopy(flags, 0, args, 4, flags.length);
        args[flags.length + 4] = "busybox";
        args[flags.length + 5] = "sleep";
        args[flags.length + 6] = "301";
        berth(args).assertSuccess();
    }

    @Test
    void pidContainer_seesTheOtherContainersProcesses_throughBothClis() {
        sleeper("ns-sleeper");
        assertThat(berth("run", "--rm", "--pid", "container:ns-sleeper", "busybox", "ps", "-o", "pid,args")
                .assertSuccess().out()).containsPattern("(?m)^\\s*1\\s+sleep 301$");
        assertThat(docker("run", "--rm", "--pid", "container:ns-sleeper", "busybox", "ps", "-o", "args")
                .assertSuccess().out()).contains("sleep 301");

        docker("create", "--name", "ns-joiner", "--pid", "container:ns-sleeper", "--ipc", "none", "busybox", "true")
                .assertSuccess();
        assertThat(berth("inspect", "-f", "{{.HostConfig.PidMode}} {{.HostConfig.IpcMode}}", "ns-joiner")
                .assertSuccess().out()).isEqualTo("container:ns-sleeper none");
        berth("rm", "ns-joiner").assertSuccess();
    }

    @Test
    void ipcContainer_joinsTheShareableDonorsNamespace() {
        sleeper("ns-ipc-donor", "--ipc", "shareable");
        String donorNs = berth("exec", "ns-ipc-donor", "readlink", "/proc/self/ns/ipc").assertSuccess().out();
        String ownNs = berth("run", "--rm", "busybox", "readlink", "/proc/self/ns/ipc").assertSuccess().out();
        assertThat(ownNs).startsWith("ipc:[").isNotEqualTo(donorNs);
        assertThat(berth("run", "--rm", "--ipc", "container:ns-ipc-donor", "busybox", "readlink", "/proc/self/ns/ipc")
                .assertSuccess().out()).isEqualTo(donorNs);
    }

    @Test
    void joiningAStoppedOrPrivateContainer_failsWithDockerdsWords() {
        berth("run", "--name", "ns-stopped", "busybox", "true").assertSuccess();
        CommandResult stopped = berth("run", "--rm", "--pid", "container:ns-stopped", "busybox", "true");
        assertThat(stopped.exitCode()).isEqualTo(125);
        assertThat(stopped.stderr()).contains("failed to join PID namespace: container " + id("ns-stopped")
                + " is not running");

        sleeper("ns-private", "--ipc", "private");
        CommandResult nonShareable = berth("run", "--rm", "--ipc", "container:ns-private", "busybox", "true");
        assertThat(nonShareable.exitCode()).isEqualTo(125);
        assertThat(nonShareable.stderr()).contains("failed to join IPC namespace: container " + id("ns-private")
                + ": non-shareable IPC (hint: use IpcMode:shareable for the donor container)");

        CommandResult missing = berth("create", "--pid", "container:ns-nosuch", "busybox", "true");
        assertThat(missing.exitCode()).isEqualTo(1); // docker create's code for a daemon error
        assertThat(missing.stderr()).contains("No such container: ns-nosuch");
        assertThat(berth("ps", "-a", "--format", "{{.Names}}").assertSuccess().out().lines().sorted())
                .doesNotContain("").allMatch(n -> n.startsWith("ns-"));
    }

    @Test
    void ipcNone_hasNoDevShm() {
        assertThat(berth("run", "--rm", "--ipc", "none", "busybox", "sh", "-c",
                "grep -c ' /dev/shm ' /proc/mounts; test -e /dev/shm && echo present || echo absent").out())
                .isEqualTo("0\nabsent");
        assertThat(berth("run", "--rm", "busybox", "sh", "-c", "grep -c ' /dev/shm ' /proc/mounts").assertSuccess().out())
                .isEqualTo("1");
    }

    @Test
    void cgroupns_privateByDefault_theHostsWhenAsked_throughBothClis() {
        // in its own cgroup namespace the container's cgroup is the root; in the host's, its path
        assertThat(berth("run", "--rm", "busybox", "grep", ":pids:", "/proc/self/cgroup").assertSuccess().out())
                .endsWith(":pids:/");
        String id = docker("run", "-d", "--cgroupns", "host", "busybox", "sleep", "60").assertSuccess().out();
        try {
            assertThat(berth("exec", id, "grep", ":pids:", "/proc/self/cgroup").assertSuccess().out())
                    .endsWith(":pids:/berth/" + id);
            assertThat(docker("inspect", "-f", "{{.HostConfig.CgroupnsMode}}", id).out()).isEqualTo("host");
        } finally {
            berth("rm", "-f", id);
        }
        assertThat(berth("run", "--rm", "--cgroupns", "shared", "busybox", "true").stderr())
                .contains("invalid cgroup namespace mode: shared");
    }
}
