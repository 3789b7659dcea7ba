package dev.berth.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.testkit.Await;
import dev.berth.testkit.CommandResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Resource limits as the kernel sees them (the container's cgroup files), OOM kills,
 * update, stats, ulimits and security options, system df and prune; one berthd (runc).
 */
class LimitsIT extends DaemonFixture {

    private static final Path CGROUP = Path.of("/sys/fs/cgroup");
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    private String id(String container) {
        return berth("inspect", "-f", "{{.Id}}", container).assertSuccess().out();
    }

    private static String cgroupFile(String controller, String id, String file) throws IOException {
        return Files.readString(CGROUP.resolve(controller).resolve("berth").resolve(id).resolve(file)).strip();
    }

    @Test
    void limits_reachTheCgroup_andUpdateChangesThemWhileRunning() throws IOException {
        berth("run", "-d", "--name", "limited", "--memory", "32m", "--pids-limit", "50", "--cpus", "0.5",
                "--cpu-shares", "512", "--cpuset-cpus", "0", "--memory-reservation", "16m", "--oom-kill-disable",
                "busybox", "sleep", "300").assertSuccess();
        String id = id("limited");
        assertThat(cgroupFile("memory", id, "memory.oom_control")).contains("oom_kill_disable 1");
        assertThat(cgroupFile("cpuset", id, "cpuset.cpus")).isEqualTo("0");
        assertThat(cgroupFile("memory", id, "memory.soft_limit_in_bytes")).isEqualTo("16777216");
        assertThat(cgroupFile("memory", id, "memory.limit_in_bytes")).isEqualTo("33554432");
        assertThat(cgroupFile("pids", id, "pids.max")).isEqualTo("50");
        assertThat(cgroupFile("cpu", id, "cpu.cfs_quota_us")).isEqualTo("50000");
        assertThat(cgroupFile("cpu", id, "cpu.shares")).isEqualTo("512");
        assertThat(berth("inspect", "-f", "{{.HostConfig.Memory}} {{.HostConfig.MemorySwap}} {{.HostConfig.NanoCpus}} "
                + "{{.HostConfig.PidsLimit}}", "limited").assertSuccess().out())
                .isEqualTo("33554432 67108864 500000000 50");

        assertThat(berth("update", "--memory", "48m", "--pids-limit", "80", "limited").assertSuccess().out())
                .isEqualTo("limited");
        assertThat(cgroupFile("memory", id, "memory.limit_in_bytes")).isEqualTo("50331648");
        assertThat(cgroupFile("pids", id, "pids.max")).isEqualTo("80");
        assertThat(berth("inspect", "-f", "{{.HostConfig.Memory}} {{.HostConfig.PidsLimit}}", "limited")
                .assertSuccess().out()).isEqualTo("50331648 80");
        // the official CLI's update
        docker("update", "--cpus", "1", "limited").assertSuccess();
        assertThat(cgroupFile("cpu", id, "cpu.cfs_quota_us")).isEqualTo("100000");

        String row = berth("stats", "--no-stream", "limited").assertSuccess().out();
        assertThat(row.lines().findFirst().orElseThrow())
                .matches("CONTAINER ID +NAME +CPU % +MEM USAGE / LIMIT +MEM % +NET I/O +BLOCK I/O +PIDS");
        assertThat(row).contains(id.substring(0, 12)).contains("limited").contains(" / 48MiB");
        assertThat(docker("stats", "--no-stream", "--format", "{{.Name}} {{.MemUsage}} {{.PIDs}}", "limited")
                .assertSuccess().out()).matches("limited [0-9.]+[KM]iB / 48MiB 1");
        berth("rm", "-f", "limited").assertSuccess();
    }

    @Test
    void halfACpu_holdsABusyLoopNearHalfACore() throws Exception {
        berth("run", "-d", "--name", "spinner", "--cpus", "0.5", "busybox", "sh", "-c", "while :; do :; done")
                .assertSuccess();
        String id = id("spinner");
        long used0 = Long.parseLong(cgroupFile("cpuacct", id, "cpuacct.usage"));
        long t0 = System.nanoTime();
        Thread.sleep(2000); // the measuring window, not a wait for a condition
        long used = Long.parseLong(cgroupFile("cpuacct", id, "cpuacct.usage")) - used0;
        double share = (double) used / (System.nanoTime() - t0);
        // The quota caps it at half a core; below that is the host's load (2 cores shared with
        // builds), so the lower bound is loose. The cgroup's throttling shows the quota at work.
        assertThat(share).as("CPU share of the busy loop").isBetween(0.10, 0.60);
        assertThat(cgroupFile("cpu", id, "cpu.cfs_quota_us")).isEqualTo("50000");
        if (share > 0.45) {
            // the loop reached the quota, so the quota must have held it back
            assertThat(Long.parseLong(throttled(id))).as("periods the quota throttled").isPositive();
        }

        // stats shows it as docker computes it: % of one CPU
        String cpu = docker("stats", "--no-stream", "--format", "{{.CPUPerc}}", "spinner").assertSuccess().out();
        assertThat(Double.parseDouble(cpu.replace("%", ""))).isBetween(5.0, 60.0);
        berth("rm", "-f", "spinner").assertSuccess();
    }

    private static String throttled(String id) throws IOException {
        return cgroupFile("cpu", id, "cpu.stat").lines().filter(l -> l.startsWith("nr_throttled "))
                .map(l -> l.substring(l.indexOf(' ') + 1)).findFirst().orElse("0");
    }

    @Test
    void pidsLimit_stopsAForkBomb_andTheContainerStillStopsCleanly() throws IOException {
        berth("run", "-d", "--name", "forker", "--pids-limit", "20", "busybox", "sh", "-c",
                // the bomb in a subshell, so that PID 1 outlives its failure; then no more forks
                "(for i in $(seq 100); do sleep 30 & done); echo forked; exec sleep 300").assertSuccess();
        String id = id("forker");
        Await.until("the loop to end", DEADLINE, () -> docker("logs", "forker").out().contains("forked"));
        // PID 1, the subshell while it ran and its sleeps filled the 20; the subshell is gone now
        assertThat(Integer.parseInt(cgroupFile("pids", id, "pids.current"))).isBetween(16, 20);
        assertThat(docker("logs", "forker").assertSuccess().stderr()).contains("can't fork");
        assertThat(docker("top", "forker").assertSuccess().out().lines().filter(l -> l.endsWith("sleep 30")).count())
                .isBetween(15L, 19L);
        assertThat(Integer.parseInt(docker("stats", "--no-stream", "--format", "{{.PIDs}}", "forker")
                .assertSuccess().out())).isBetween(16, 20);

        berth("stop", "-t", "1", "forker").assertSuccess();
        assertThat(berth("inspect", "-f", "{{.State.Status}} {{.State.ExitCode}}", "forker").assertSuccess().out())
                .isEqualTo("exited 137");
        assertThat(CGROUP.resolve("pids").resolve("berth").resolve(id)).doesNotExist();
        berth("rm", "forker").assertSuccess();
    }

    @Test
    void overMemoryLimit_isOomKilled_with137_andAnOomEvent() {
        Instant before = Instant.now().minusSeconds(1);
        CommandResult r = berth("run", "--name", "hog", "--memory", "8m", "busybox", "sh", "-c",
                "x=$(head -c 64m /dev/zero | tr '\\0' a); echo survived");
        assertThat(r.exitCode()).isEqualTo(137);
        assertThat(berth("inspect", "-f", "{{.State.OOMKilled}} {{.State.ExitCode}}", "hog").assertSuccess().out())
                .isEqualTo("true 137");
        String events = berth("events", "--since", Long.toString(before.getEpochSecond()), "--until",
                Long.toString(Instant.now().getEpochSecond() + 1), "--filter", "container=hog",
                "--format", "{{.Action}}").assertSuccess().out();
        assertThat(events.lines()).contains("oom", "die");
        // a clean run of the same container clears the flag, as dockerd does
        berth("run", "--name", "fine", "--memory", "64m", "busybox", "true").assertSuccess();
        assertThat(berth("inspect", "-f", "{{.State.OOMKilled}}", "fine").assertSuccess().out()).isEqualTo("false");
        berth("rm", "hog", "fine").assertSuccess();
    }

    @Test
    void invalidLimits_areRefusedWithDockersWords() {
        CommandResult small = berth("run", "--rm", "--memory", "4m", "busybox", "true");
        assertThat(small.exitCode()).isEqualTo(125);
        assertThat(small.stderr()).contains("Minimum memory limit allowed is 6MB");
        assertThat(docker("run", "--rm", "--memory", "32m", "--memory-swap", "16m", "busybox", "true").stderr())
                .contains("Minimum memoryswap limit should be larger than memory limit, see usage");
        CommandResult ulimit = berth("run", "--rm", "--ulimit", "nofile=40000:40000", "busybox", "true");
        assertThat(ulimit.exitCode()).isEqualTo(125);
        assertThat(ulimit.stderr()).contains("CAP_SYS_RESOURCE");
    }

    @Test
    void ulimits_securityOptions_andOomScoreAdj_reachTheProcess() {
        assertThat(berth("run", "--rm", "--ulimit", "nofile=1024:2048", "busybox", "sh", "-c", "ulimit -n; ulimit -Hn")
                .assertSuccess().out()).isEqualTo("1024\n2048");
        assertThat(berth("run", "--rm", "--security-opt", "no-new-privileges", "--oom-score-adj", "500", "busybox",
                "sh", "-c", "grep NoNewPrivs /proc/self/status; cat /proc/self/oom_score_adj").assertSuccess().out())
                .matches("NoNewPrivs:\\s+1\n500");
        assertThat(berth("run", "--rm", "--security-opt", "seccomp=unconfined", "busybox", "grep", "^Seccomp:",
                "/proc/self/status").assertSuccess().out()).matches("Seccomp:\\s+0");
    }

    @Test
    void capabilities_reachTheProcess_andDecideWhatItMay() {
        // ping falls back to an unprivileged ICMP socket when ping_group_range allows it (Docker's
        // default); closing that range leaves the raw socket, which needs CAP_NET_RAW
        String noRaw = berth("run", "--rm", "--cap-drop", "net_raw", "--sysctl", "net.ipv4.ping_group_range=1 0",
                "busybox", "sh", "-c", "grep CapEff /proc/self/status; ping -c1 -W1 127.0.0.1 >/dev/null 2>&1; echo ping=$?")
                .assertSuccess().out();
        assertThat(noRaw).matches("CapEff:\\s+00000000a80405fb\nping=1");
        assertThat(berth("run", "--rm", "--sysctl", "net.ipv4.ping_group_range=1 0", "busybox", "sh", "-c",
                "ping -c1 -W1 127.0.0.1 >/dev/null && echo pinged").assertSuccess().out()).isEqualTo("pinged");
        // through the official CLI: SYS_ADMIN (and the seccomp rules that come with it) allows mount
        assertThat(docker("run", "--rm", "--cap-add", "SYS_ADMIN", "busybox", "sh", "-c",
                "mount -t tmpfs none /tmp && grep -c ' /tmp tmpfs' /proc/mounts").assertSuccess().out()).isEqualTo("1");
        CommandResult denied = docker("run", "--rm", "busybox", "mount", "-t", "tmpfs", "none", "/tmp");
        assertThat(denied.exitCode()).isNotZero();
        assertThat(denied.stderr()).contains("mount: permission denied");
        CommandResult unknown = berth("run", "--rm", "--cap-add", "NET_RAWR", "busybox", "true");
        assertThat(unknown.exitCode()).isEqualTo(125);
        assertThat(unknown.stderr()).contains("unknown capability: \"CAP_NET_RAWR\"");
    }

    @Test
    void devicesSysctlsGroupsAndShm_reachTheContainer() {
        // cpu_dma_latency is in no default allow rule, so its "r" alone decides: read yes, write no
        assertThat(docker("run", "--rm", "--device", "/dev/zero:/dev/mydev", "--device", "/dev/cpu_dma_latency:/dev/lat:r",
                "--sysctl", "kernel.shmmax=1048576", "--group-add", "audio", "--group-add", "1234", "--shm-size", "128m",
                "busybox", "sh", "-c", "ls -l /dev/mydev | cut -c1; head -c 3 /dev/mydev | wc -c; head -c 4 /dev/lat | wc -c; "
                        + "echo 0 > /dev/lat || echo refused; cat /proc/sys/kernel/shmmax; id -G; "
                        + "df -k /dev/shm | tail -1 | awk '{print $2}'")
                .assertSuccess().out().lines()).containsExactly("c", "3", "4", "refused", "1048576", "0 10 29 1234", "131072");
        docker("create", "--name", "devs", "--device", "/dev/zero:/dev/mydev", "--shm-size", "128m", "busybox")
                .assertSuccess();
        assertThat(berth("inspect", "-f", "{{.HostConfig.ShmSize}} {{range .HostConfig.Devices}}{{.PathOnHost}}:"
                + "{{.PathInContainer}}:{{.CgroupPermissions}}{{end}}", "devs").assertSuccess().out())
                .isEqualTo("134217728 /dev/zero:/dev/mydev:rwm");
        berth("rm", "devs").assertSuccess();
        CommandResult hostWide = berth("run", "--rm", "--sysctl", "kernel.domainname=x", "busybox", "true");
        assertThat(hostWide.exitCode()).isEqualTo(125);
        assertThat(hostWide.stderr()).contains("sysctl 'kernel.domainname=x' is not allowed");
        CommandResult missing = berth("run", "--rm", "--device", "/dev/nope", "busybox", "true");
        assertThat(missing.exitCode()).as("docker's code for a start error saying no such file").isEqualTo(127);
        assertThat(missing.stderr()).contains("error gathering device information while adding custom device \"/dev/nope\"");
    }

    @Test
    void privileged_getsEveryCapabilityAndDevice_noSeccomp_andAWritableSys() throws IOException {
        // every capability berthd holds (its bounding set is this JVM's: both run as root here)
        String bounding = Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("CapBnd:"))
                .map(l -> l.substring(7).strip()).findFirst().orElseThrow();
        String out = berth("run", "--rm", "--privileged", "busybox", "sh", "-c",
                "grep -E '^(CapEff|Seccomp):' /proc/self/status; ls /dev/loop-control; grep ' /sys sysfs' /proc/mounts")
                .assertSuccess().out();
        assertThat(out).containsPattern("CapEff:\\s+" + bounding).containsPattern("Seccomp:\\s+0")
                .contains("/dev/loop-control").containsPattern(" /sys sysfs rw,");
        assertThat(docker("run", "--rm", "--privileged", "busybox", "sh", "-c", "mount -t tmpfs none /tmp && echo ok")
                .assertSuccess().out()).isEqualTo("ok");
    }

    @Test
    void hostNamespaceModes_shareTheHostsPidIpcAndUts() throws IOException {
        String pid1 = Files.readString(Path.of("/proc/1/comm")).strip();
        String ipc = Files.readSymbolicLink(Path.of("/proc/self/ns/ipc")).toString();
        String name = Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
        assertThat(docker("run", "--rm", "--pid", "host", "--ipc", "host", "--uts", "host", "busybox", "sh", "-c",
                "cat /proc/1/comm; readlink /proc/self/ns/ipc; cat /proc/sys/kernel/hostname").assertSuccess().out().lines())
                .containsExactly(pid1, ipc, name);
        assertThat(berth("run", "--rm", "busybox", "cat", "/proc/1/comm").assertSuccess().out()).isEqualTo("cat");
    }

    @Test
    void imagePrune_removesWhatTheFilterNames_andDfVerboseShowsSharedLayers() {
        // run, not create: commit of a never-started container fails today (no rw/diff yet)
        berth("run", "--name", "base", "busybox", "true").assertSuccess();
        berth("commit", "--change", "LABEL prune=me", "base", "prunable:v1").assertSuccess();
        berth("rm", "base").assertSuccess();
        String df = berth("system", "df", "-v").assertSuccess().out();
        assertThat(df).contains("Images space usage:").contains("Build cache usage: ");
        // busybox's layer is prunable's bottom layer too: shared, not unique
        String busybox = df.lines().filter(l -> l.startsWith("busybox ")).findFirst().orElseThrow();
        assertThat(busybox.split("\\s{2,}")[5]).as("SHARED SIZE of " + busybox).isNotEqualTo("0B");

        String pruned = berth("image", "prune", "-a", "-f", "--filter", "label=prune=me").assertSuccess().out();
        assertThat(pruned).startsWith("Deleted Images:\nuntagged: prunable:v1\ndeleted: sha256:")
                .contains("Total reclaimed space: ");
        assertThat(berth("images", "--format", "{{.Repository}}").assertSuccess().out().lines())
                .contains("busybox").doesNotContain("prunable");
        assertThat(berth("image", "prune", "-f").assertSuccess().out()).isEqualTo("Total reclaimed space: 0B");
    }

    @Test
    void buildCache_isListedByDf_andBuildPruneRemovesStepImagesNothingKeeps(@TempDir Path ctx) throws IOException {
        Files.writeString(ctx.resolve("Dockerfile"), "FROM busybox\nRUN head -c 300000 /dev/zero > /a\nRUN echo b > /b\n");
        berth("build", "-t", "cached:1", ctx.toString()).assertSuccess();
        String df = berth("system", "df", "-v").assertSuccess().out();
        List<String> rows = df.substring(df.indexOf("CACHE ID")).lines().skip(1).filter(l -> !l.isBlank()).toList();
        assertThat(rows).hasSize(2).allMatch(l -> l.contains(" regular ") && l.endsWith("true"));
        assertThat(berth("system", "df").assertSuccess().out()).containsPattern("Build Cache +2 +0 +0B +0B");

        // without its tag the last step's image goes; the first step's is then kept by nothing
        berth("rmi", "--no-prune", "cached:1").assertSuccess();
        String pruned = docker("builder", "prune", "-f").assertSuccess().out();
        assertThat(pruned).startsWith("Deleted build cache objects:").contains("Total reclaimed space: ");
        assertThat(pruned).doesNotContain("Total reclaimed space: 0B");
        assertThat(berth("images", "-a", "-q").assertSuccess().out().lines()).hasSize(1);
        assertThat(berth("system", "df").assertSuccess().out()).containsPattern("Build Cache +0 +0 +0B +0B");
    }

    @Test
    void systemDf_andPrune_countAndRemoveStoppedContainers() {
        berth("create", "--name", "leftover", "busybox", "true").assertSuccess();
        String id = id("leftover");
        String df = berth("system", "df").assertSuccess().out();
        assertThat(df.lines().findFirst().orElseThrow()).matches("TYPE +TOTAL +ACTIVE +SIZE +RECLAIMABLE");
        assertThat(df).containsPattern("Images +1 +");
        assertThat(df).containsPattern("Containers +[1-9]");
        assertThat(docker("system", "df").assertSuccess().out()).containsPattern("Images +1 +");
        String pruned = berth("system", "prune", "-f").assertSuccess().out();
        assertThat(pruned).contains("Deleted Containers:\n" + id).contains("Total reclaimed space:");
        Await.until("the pruned container to be gone", DEADLINE,
                () -> !berth("ps", "-a", "--format", "{{.Names}}").assertSuccess().out().contains("leftover"));
        assertThat(berth("images", "--format", "{{.Repository}}").assertSuccess().out()).contains("busybox");
    }
}
