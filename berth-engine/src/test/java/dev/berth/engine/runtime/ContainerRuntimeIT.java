package dev.berth.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.engine.runtime.spec.BindMount;
import dev.berth.engine.runtime.spec.ContainerSpec;
import dev.berth.engine.runtime.spec.HostProfile;
import dev.berth.engine.runtime.spec.SpecGenerator;
import dev.berth.engine.runtime.spec.UserResolver;
import dev.berth.engine.snapshots.MountedRootfs;
import dev.berth.engine.snapshots.OverlaySnapshotter;
import dev.berth.engine.snapshots.RootfsLayers;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs real containers with crun and runc (as root) from a busybox rootfs on overlayfs:
 * snapshotter, spec generator, runtime and task monitor together, as the engine uses them.
 */
class ContainerRuntimeIT {

    static final HostProfile HOST = HostProfile.current();

    @TempDir
    Path tmp;

    OverlaySnapshotter snapshotter;
    RootfsLayers layers;
    MountedRootfs rootfs;
    CommandLineRuntime runtime;
    String id;

    @BeforeEach
    void busyboxRootfs() throws IOException {
        Path lower = Files.createDirectories(tmp.resolve("lower/bin"));
        Files.copy(Path.of("/bin/busybox"), lower.resolve("busybox"));
        for (String applet : List.of("sh", "echo", "true", "sleep", "cat", "id", "hostname", "grep", "wc")) {
            Files.createSymbolicLink(lower.resolve(applet), Path.of("busybox"));
        }
        Files.writeString(lower.resolve("not-executable"), "#!/bin/sh\n");
        snapshotter = new OverlaySnapshotter(tmp.resolve("empty"));
        layers = new RootfsLayers(List.of(tmp.resolve("lower")), tmp.resolve("rw/diff"), tmp.resolve("rw/work"));
        rootfs = snapshotter.mount(layers, tmp.resolve("exec/rootfs"));
        id = "berth-it-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void cleanUp() {
        if (runtime != null) {
            runtime.delete(id, true);
        }
        rootfs.close();
        for (Path hierarchy : List.of(Path.of("/sys/fs/cgroup"))) {
            removeEmptyCgroups(hierarchy);
        }
    }

    record Result(int exitCode, String stdout, String stderr) {
    }

    TaskMonitor monitor(String runtimeName) {
        runtime = RuntimeSelector.forHost().select(Optional.of(runtimeName)).open(tmp.resolve("exec"));
        return new ForegroundTaskMonitor(runtime);
    }

    Path bundle(ContainerSpec spec) {
        return OciBundle.write(tmp.resolve("exec/bundle"), new SpecGenerator(HOST).generateJson(spec));
    }

    ContainerSpec spec(String... args) {
        return ContainerSpec.defaults(List.of(args), rootfs.target(), "berthtest", "/berth-it/" + id);
    }

    Result run(String runtimeName, ContainerSpec spec) throws Exception {
        RunningTask task = monitor(runtimeName).start(id, bundle(spec), TaskIo.NO_STDIN);
        CompletableFuture<String> out = drain(task.stdout());
        CompletableFuture<String> err = drain(task.stderr());
        int code = task.exit().get(30, TimeUnit.SECONDS);
        return new Result(code, out.get(10, TimeUnit.SECONDS), err.get(10, TimeUnit.SECONDS));
    }

    Result run(String runtimeName, String... args) throws Exception {
        return run(runtimeName, spec(args));
    }

    @ParameterizedTest
    @ValueSource(strings = {"crun", "runc"})
    void echo_printsToStdoutAndExitsZero(String runtimeName) throws Exception {
        Result r = run(runtimeName, "echo", "hello");
        assertThat(r).isEqualTo(new Result(0, "hello\n", ""));
        assertThat(runtime.state(id)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"crun", "runc"})
    void exitCode_isTheCommands(String runtimeName) throws Exception {
        Result r = run(runtimeName, "sh", "-c", "echo oops >&2; exit 3");
        assertThat(r).isEqualTo(new Result(3, "", "oops\n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"crun", "runc"})
    void kill_withSigkillGives137(String runtimeName) throws Exception {
        RunningTask task = monitor(runtimeName).start(id, bundle(spec("sleep", "100")), TaskIo.NO_STDIN);
        drain(task.stdout());
        drain(task.stderr());
        assertThat(task.pid()).isPositive();
        ContainerState state = runtime.state(id).orElseThrow();
        assertThat(state.status()).isEqualTo("running");
        assertThat(state.pid()).isEqualTo(task.pid());
        assertThat(runtime.list()).contains(id);

        runtime.kill(id, 9, false);
        assertThat(task.exit().get(30, TimeUnit.SECONDS)).isEqualTo(137);
        assertThat(runtime.state(id)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"crun", "runc"})
    void recover_reattachesToARunningContainerAndGetsItsExitCode(String runtimeName) throws Exception {
        TaskMonitor monitor = monitor(runtimeName);
        Path bundle = bundle(spec("sleep", "100"));
        RunningTask task = monitor.start(id, bundle, TaskIo.NO_STDIN);
        drain(task.stdout());
        drain(task.stderr());

        RecoveredTask recovered = new ForegroundTaskMonitor(runtime).recover(id, bundle).orElseThrow();
        assertThat(recovered.pid()).isEqualTo(task.pid());
        // SIGTERM would be ignored: sleep is the namespace's init and has no handler.
        runtime.kill(id, 9, false);
        assertThat(recovered.exit().get(30, TimeUnit.SECONDS)).isEqualTo(137);
        assertThat(monitor.recover(id, bundle)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"crun", "runc"})
    void writableLayer_keepsWhatTheContainerWrote(String runtimeName) throws Exception {
        Result r = run(runtimeName, "sh", "-c", "echo data > /written");
        assertThat(r.exitCode()).isZero();
        assertThat(Files.readString(layers.upperDir().resolve("written"))).isEqualTo("data\n");
        assertThat(tmp.resolve("lower/written")).doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(strings = {"crun", "runc"})
    void user_numericUidGid(String runtimeName) throws Exception {
        ContainerSpec spec = spec("id").withUser(UserResolver.resolve("1000:1000", rootfs.target()));
        Result r = run(runtimeName, spec);
        assertThat(r.stdout()).startsWith("uid=1000 gid=1000");
    }

    @ParameterizedTest
    @ValueSource(strings = {"crun", "runc"})
    void isolation_hostnameMaskedPathsAndCapabilities(String runtimeName) throws Exception {
        // Docker masks /proc/kcore too, but this host's kernel has none; timer_list is masked alike.
        Result r = run(runtimeName, "sh", "-c",
                "hostname; wc -c < /proc/timer_list; grep CapEff /proc/self/status; cat /proc/self/cgroup | grep -c berth-it");
        assertThat(r.stderr()).isEmpty();
        assertThat(r.stdout().lines().toList())
                .containsExactly("berthtest", "0", "CapEff:\t00000000a80425fb", r.stdout().lines().toList().get(3));
        assertThat(Integer.parseInt(r.stdout().lines().toList().get(3))).isPositive();
        assertThat(r.exitCode()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"crun", "runc"})
    void seccomp_filterIsInstalled(String runtimeName) throws Exception {
        Result r = run(runtimeName, "grep", "Seccomp:", "/proc/self/status");
        assertThat(r.stdout()).isEqualTo("Seccomp:\t2\n"); // 2: a filter is installed
    }

    @ParameterizedTest
    @ValueSource(strings = {"crun", "runc"})
    void missingCommand_failsAsNotFoundLikeDocker(String runtimeName) {
        TaskMonitor monitor = monitor(runtimeName);
        assertThatThrownBy(() -> monitor.start(id, bundle(spec("nope")), TaskIo.NO_STDIN))
                .isInstanceOfSatisfying(StartFailedException.class, e -> {
                    assertThat(e.failure().kind()).isEqualTo(StartFailure.Kind.NOT_FOUND);
                    assertThat(e.failure().exitCode()).isEqualTo(127);
                    assertThat(e.getMessage()).isEqualTo("exec: \"nope\": executable file not found in $PATH");
                });
        assertThatThrownBy(() -> monitor.start(id, bundle(spec("/bin/not-executable")), TaskIo.NO_STDIN))
                .isInstanceOfSatisfying(StartFailedException.class,
                        e -> assertThat(e.failure().exitCode()).isEqualTo(126));
    }

    @ParameterizedTest
    @ValueSource(strings = {"crun", "runc"})
    void runtimeRefusal_isReportedWithTheRuntimesWords(String runtimeName) {
        ContainerSpec badBind = spec("true").withBinds(List.of(
                new BindMount(tmp.resolve("no-such-source"), "/etc/hosts", true)));
        assertThatThrownBy(() -> monitor(runtimeName).start(id, bundle(badBind), TaskIo.NO_STDIN))
                .isInstanceOfSatisfying(StartFailedException.class, e -> {
                    assertThat(e.failure().kind()).isEqualTo(StartFailure.Kind.NOT_FOUND);
                    assertThat(e.getMessage()).containsIgnoringCase("no such file or directory");
                });
        assertThat(runtime.state(id)).isEmpty();
    }

    static CompletableFuture<String> drain(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try (in) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        }, Thread::startVirtualThread);
    }

    // The runtimes remove the container's own cgroup; the test's parent is ours to remove.
    static void removeEmptyCgroups(Path root) {
        try (var hierarchies = Files.list(root)) {
            hierarchies.map(h -> h.resolve("berth-it")).filter(Files::isDirectory).forEach(parent -> {
                try (var children = Files.list(parent)) {
                    children.filter(Files::isDirectory).forEach(c -> c.toFile().delete());
                } catch (IOException ignored) {
                    // best effort
                }
                parent.toFile().delete();
            });
        } catch (IOException ignored) {
            // best effort
        }
    }
}
