package dev.berth.engine.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.engine.error.SystemException;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * {@link TaskMonitor} that runs {@code <runtime> run} in the foreground as a child of the
 * JVM: the runtime creates the container, waits for it and exits with its status, so the
 * JDK's own reaping of its children gives us the exit code without {@code waitid} on a
 * grandchild or a SIGCHLD handler in the JVM. Measured: crun run of /bin/true ~10 ms.
 *
 * <p>The runtime is started through {@code setsid} so that a Ctrl-C on a daemon in the
 * foreground does not reach containers, and through a two-line {@code sh} wrapper that
 * writes the runtime's exit status to {@code <bundle>/exit-status}: if the daemon dies, the
 * runtime keeps waiting for the container, and a new daemon reads the real exit code there
 * ({@link #recover}). Limits: stdout and stderr are pipes to this JVM, so a container that
 * writes after the daemon died gets EPIPE; a shim holding FIFOs would remove that.
 *
 * <p>Files in the bundle: {@code init.pid} (written by the runtime), {@code runtime.log}
 * (the runtime's errors, JSON lines), {@code exit-status}.
 */
public final class ForegroundTaskMonitor implements TaskMonitor {

    static final String PID_FILE = "init.pid";
    static final String LOG_FILE = "runtime.log";
    static final String EXIT_FILE = "exit-status";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration EXIT_FILE_WAIT = Duration.ofSeconds(5);
    private static final Duration ORPHANED_TERMINAL_GRACE = Duration.ofSeconds(2);
    // "$0" is the exit file; the runtime's argv follows.
    private static final String WRAPPER =
            "\"$@\"; rc=$?; echo $rc > \"$0.tmp\" && mv -f \"$0.tmp\" \"$0\"; exit $rc";

    private final OciRuntime runtime;

    public ForegroundTaskMonitor(OciRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public RunningTask start(String id, Path bundle, TaskIo io) {
        Path pidFile = bundle.resolve(PID_FILE);
        Path logFile = bundle.resolve(LOG_FILE);
        Path exitFile = bundle.resolve(EXIT_FILE);
        precheck(bundle).ifPresent(f -> {
            throw new StartFailedException(f);
        });
        try {
            Files.deleteIfExists(pidFile);
            Files.deleteIfExists(logFile);
            Files.deleteIfExists(exitFile);
        } catch (IOException e) {
            throw new SystemException("cannot prepare bundle " + bundle + ": " + e.getMessage(), e);
        }
        if (io.tty() && runtime.consoleSocketInForeground()) {
            return startWithReceivedConsole(id, bundle, io);
        }
        List<String> argv = wrapped(exitFile, runtime.runCommand(id, bundle, pidFile, logFile, Optional.empty()));
        PtyConsole console = io.tty() ? PtyConsole.open(io.rows(), io.columns()) : null;
        ProcessBuilder pb = new ProcessBuilder(console == null ? argv : console.wrap(argv.subList(1, argv.size())))
                .directory(bundle.toFile());
        if (!io.stdin() || console != null) {
            pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        }
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            if (console != null) {
                console.abandon();
            }
            throw new SystemException("cannot start " + runtime.name() + ": " + e.getMessage(), e);
        }
        if (console != null) {
            console.startReading(shortId(id));
        }
        long pid = awaitPid(id, process, pidFile, logFile);
        CompletableFuture<Integer> exit = process.onExit().thenApply(Process::exitValue);
        if (console != null) {
            console.containerPid(pid);
            if (io.rows() > 0 && io.columns() > 0) {
                resizeQuietly(console, io);
            }
            closeQuietly(process);
            return new RunningTask(id, pid, io.stdin() ? Optional.of(console.input()) : Optional.empty(),
                    console.output(), InputStream.nullInputStream(), exit, Optional.of(console));
        }
        return new RunningTask(id, pid, io.stdin() ? Optional.of(process.getOutputStream()) : Optional.empty(),
                process.getInputStream(), process.getErrorStream(), exit, Optional.empty());
    }

    /**
     * A TTY task whose runtime sends the container's terminal to a console socket (crun): the
     * daemon reads that terminal to its end, so the task's output ends only after the
     * container's last write, and its exit is reported after that (ContainerService joins
     * the output pump before recording the exit).
     */
    private RunningTask startWithReceivedConsole(String id, Path bundle, TaskIo io) {
        Path pidFile = bundle.resolve(PID_FILE);
        Path logFile = bundle.resolve(LOG_FILE);
        try (ConsoleHandover handover = ConsoleHandover.listen(bundle)) {
            List<String> argv = wrapped(bundle.resolve(EXIT_FILE),
                    runtime.runCommand(id, bundle, pidFile, logFile, Optional.of(handover.path())));
            Process process;
            try {
                process = new ProcessBuilder(argv).directory(bundle.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            } catch (IOException e) {
                throw new SystemException("cannot start " + runtime.name() + ": " + e.getMessage(), e);
            }
            long pid = awaitPid(id, process, pidFile, logFile);
            PtyConsole console = handover.await(process, START_TIMEOUT).orElseThrow(() -> {
                process.destroyForcibly();
                runtime.delete(id, true);
                return new StartFailedException(new StartFailure(StartFailure.Kind.UNKNOWN,
                        runtime.name() + " did not send the terminal of container " + id));
            });
            console.startReading(shortId(id));
            if (io.rows() > 0 && io.columns() > 0) {
                resizeQuietly(console, io);
            }
            // the runtime's own stdout/stderr carry nothing once the container runs
            closeQuietly(process);
            CompletableFuture<Integer> exit = process.onExit().thenApply(Process::exitValue);
            console.endAfter(exit, ORPHANED_TERMINAL_GRACE);
            return new RunningTask(id, pid, io.stdin() ? Optional.of(console.input()) : Optional.empty(),
                    console.output(), InputStream.nullInputStream(), exit, Optional.of(console));
        }
    }

    private static List<String> wrapped(Path exitFile, List<String> runtimeArgv) {
        List<String> argv = new ArrayList<>(List.of("setsid", "-w", "sh", "-c", WRAPPER,
                exitFile.toAbsolutePath().toString()));
        argv.addAll(runtimeArgv);
        return argv;
    }

    private static String shortId(String id) {
        return id.substring(0, Math.min(12, id.length()));
    }

    // crun does not copy our terminal's size to the container's: set it there directly.
    private static void resizeQuietly(TaskTerminal terminal, TaskIo io) {
        try {
            terminal.resize(io.rows(), io.columns());
        } catch (RuntimeException e) {
            // the process already ended
        }
    }

    @Override
    public Optional<RecoveredTask> recover(String id, Path bundle) {
        Optional<ContainerState> state = runtime.state(id);
        if (state.isEmpty() || !state.get().running() || state.get().pid() <= 0) {
            return Optional.empty();
        }
        long pid = state.get().pid();
        Path exitFile = bundle.resolve(EXIT_FILE);
        CompletableFuture<Integer> exit = ProcessHandle.of(pid)
                .map(ProcessHandle::onExit)
                .orElseGet(() -> CompletableFuture.completedFuture(null))
                .thenApplyAsync(h -> readExitFile(exitFile), Thread::startVirtualThread);
        return Optional.of(new RecoveredTask(id, pid, exit));
    }

    /** The pre-start check of the command against the rootfs, from the bundle's config.json. */
    static Optional<StartFailure> precheck(Path bundle) {
        JsonNode config;
        try {
            config = JSON.readTree(bundle.resolve("config.json").toFile());
        } catch (IOException e) {
            throw new SystemException("cannot read " + bundle.resolve("config.json") + ": " + e.getMessage(), e);
        }
        Path rootfs = bundle.resolve(config.path("root").path("path").asText("rootfs"));
        JsonNode process = config.path("process");
        List<String> args = new ArrayList<>();
        process.path("args").forEach(a -> args.add(a.asText()));
        // Under --init the rootfs must hold the init's command; the init itself is bound in.
        String command = dev.berth.engine.runtime.spec.InitProcess.command(args);
        List<String> env = new ArrayList<>();
        process.path("env").forEach(e -> env.add(e.asText()));
        return ExecutableLookup.check(rootfs, command, env, process.path("cwd").asText("/"));
    }

    // The runtime writes the pid file once the container exists; if it exits first, the
    // container never ran and its log says why. Polled: a start takes ~10 ms.
    private long awaitPid(String id, Process process, Path pidFile, Path logFile) {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<Long> pid = readPid(pidFile);
            if (pid.isPresent()) {
                return pid.get();
            }
            if (!process.isAlive()) {
                // The pid file may have landed just before the runtime exited (a command
                // that ends at once): then the container did run.
                Optional<Long> late = readPid(pidFile);
                if (late.isPresent()) {
                    return late.get();
                }
                throw new StartFailedException(failureFrom(process, logFile));
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
        process.destroyForcibly();
        runtime.delete(id, true);
        throw new StartFailedException(new StartFailure(StartFailure.Kind.UNKNOWN,
                runtime.name() + " did not start container " + id + " within " + START_TIMEOUT.toSeconds() + "s"));
    }

    private StartFailure failureFrom(Process process, Path logFile) {
        String message = RuntimeLog.lastError(logFile).orElse("").replaceFirst("^runc run failed: ", "");
        if (message.isEmpty()) {
            message = drain(process.getErrorStream()).strip();
        }
        if (message.isEmpty()) {
            message = runtime.name() + " exited with status " + process.exitValue() + " before the container started";
        }
        closeQuietly(process);
        return StartFailure.classify(message);
    }

    private static Optional<Long> readPid(Path pidFile) {
        try {
            String s = Files.readString(pidFile).strip();
            return s.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(s));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public java.util.OptionalInt recordedExit(Path bundle) {
        try {
            return java.util.OptionalInt.of(Integer.parseInt(Files.readString(bundle.resolve(EXIT_FILE)).strip()));
        } catch (IOException | NumberFormatException e) {
            return java.util.OptionalInt.empty();
        }
    }

    private static int readExitFile(Path exitFile) {
        long deadline = System.nanoTime() + EXIT_FILE_WAIT.toNanos();
        while (true) {
            try {
                return Integer.parseInt(Files.readString(exitFile).strip());
            } catch (IOException | NumberFormatException e) {
                if (System.nanoTime() > deadline) {
                    return UNKNOWN_EXIT_CODE;
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
            }
        }
    }

    private static String drain(InputStream in) {
        try {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static void closeQuietly(Process process) {
        try {
            process.getInputStream().close();
            process.getErrorStream().close();
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // the pipes of a process that already exited
        }
    }
}
