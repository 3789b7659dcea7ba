package dev.berth.engine.exec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.api.types.exec.ExecCreateRequest;
import dev.berth.engine.containers.ContainerEvents;
import dev.berth.engine.containers.ContainerRecord;
import dev.berth.engine.containers.ContainerService;
import dev.berth.engine.error.ConflictException;
import dev.berth.engine.error.InvalidArgumentException;
import dev.berth.engine.error.NotFoundException;
import dev.berth.engine.error.SystemException;
import dev.berth.engine.runtime.ConsoleHandover;
import dev.berth.engine.runtime.ExecutableLookup;
import dev.berth.engine.runtime.OciRuntime;
import dev.berth.engine.runtime.PtyConsole;
import dev.berth.engine.runtime.RuntimeLog;
import dev.berth.engine.runtime.StartFailure;
import dev.berth.engine.runtime.spec.ConsoleSize;
import dev.berth.engine.runtime.spec.ResolvedUser;
import dev.berth.engine.runtime.spec.UserResolver;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Docker's exec instances: {@code create} records what to run in a running container,
 * {@code start} runs it once with {@code <runtime> exec --process} as a child of the daemon,
 * {@code inspect} reports it. Instances live in memory until their container stops or is
 * removed, as dockerd's ({@link ExecInstances}); a restarted daemon knows none.
 *
 * <p>Files: {@code <exec-root>/exec/<id>/} holds process.json, the pid file and the
 * runtime's log while the process runs; it is deleted when the process ends.
 */
public final class ExecService {

    private static final System.Logger LOG = System.getLogger("berthd.exec");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ContainerService containers;
    private final OciRuntime runtime;
    private final Path execDirs;
    private final ExecInstances instances = new ExecInstances();
    private final ContainerEvents events;

    public ExecService(ContainerService containers, OciRuntime runtime, Path execRoot) {
        this(containers, runtime, execRoot, null);
    }

    /**
     * With {@code events}, each instance reports {@code exec_create: <cmd>}, {@code exec_start: <cmd>}
     * and {@code exec_die} (with {@code execID}, and {@code exitCode} on die) as dockerd does, health
     * probes included.
     */
    public ExecService(ContainerService containers, OciRuntime runtime, Path execRoot, ContainerEvents events) {
        this.containers = containers;
        this.runtime = runtime;
        this.execDirs = execRoot.resolve("exec");
        this.events = events;
    }

    /**
     * Creates an exec instance in container {@code idOrName}; returns its ID.
     *
     * @throws NotFoundException        when there is no such container
     * @throws ConflictException        when it is not running
     * @throws InvalidArgumentException when no command is given
     */
    public String create(String idOrName, ExecCreateRequest request) {
        ContainerRecord record = containers.get(idOrName);
        if (!record.isRunning()) {
            throw new ConflictException("container " + record.id() + " is not running");
        }
        if (record.state().status() == dev.berth.engine.containers.ContainerStatus.PAUSED) {
            throw new ConflictException("Container " + record.id() + " is paused, unpause the container before exec");
        }
        if (request.cmd() == null || request.cmd().isEmpty()) {
            throw new InvalidArgumentException("No exec command specified");
        }
        ExecId id = ExecId.random();
        String containerId = record.id().hex();
        instances.add(new ExecInstance(id.hex(), containerId, request),
                () -> containers.waitFor(containerId, dev.berth.engine.containers.WaitCondition.NOT_RUNNING));
        emit(record, "exec_create: " + commandLine(request.cmd()), id.hex(), null);
        return id.hex();
    }

    public Exec inspect(String execId) {
        return instance(execId).snapshot();
    }

    /**
     * Resizes a running exec's TTY ({@code POST /exec/{id}/resize}).
     *
     * @throws NotFoundException when there is no such exec
     * @throws ConflictException when it is not running or has no TTY
     */
    public void resize(String execId, int rows, int columns) {
        ExecInstance exec = instance(execId);
        PtyConsole console = exec.terminal();
        long pid = exec.snapshot().pid();
        if (console == null) {
            throw new ConflictException("exec " + execId + " is not running with a TTY");
        }
        if (pid > 0) {
            console.containerPid(pid);
        }
        console.resize(rows, columns);
    }

    /**
     * Drops an exec instance the caller will not inspect again (a health probe once it
     * ended): dockerd keeps those out of its exec list too.
     */
    public void forget(String execId) {
        instances.forget(execId);
    }

    /** The ID of the container an exec runs in (for resize and attach routes). */
    public String containerOf(String execId) {
        return instance(execId).containerId;
    }

    /**
     * Starts the exec's process once.
     *
     * @throws NotFoundException when there is no such exec
     * @throws ConflictException when it was already started, or its container stopped
     */
    public StartedExec start(String execId) {
        ExecInstance exec = instance(execId);
        exec.claimStart();
        ContainerRecord record;
        try {
            record = containers.get(exec.containerId);
            if (!record.isRunning()) {
                throw new ConflictException("container " + record.id() + " is not running");
            }
        } catch (RuntimeException e) {
            exec.ended(126);
            throw e;
        }
        ExecCreateRequest req = exec.config;
        Path rootfs = containers.pathsOf(record).mergedDir();
        JsonNode containerProcess = readProcess(containers.bundleOf(record));
        ResolvedUser user = req.user() == null || req.user().isEmpty() ? null : UserResolver.resolve(req.user(), rootfs);
        List<String> env = req.env() == null ? List.of() : req.env();
        JsonNode process = ExecProcessJson.build(containerProcess, req.cmd(), env, req.workingDir(), req.isTty(), user,
                req.isPrivileged() ? dev.berth.engine.security.Capabilities.bounding() : null);
        if (req.isTty()) {
            // sized before the process runs (our pty's size reaches it only after)
            ConsoleSize.fromDocker(req.consoleSize()).ifPresent(s -> s.applyTo((ObjectNode) process));
        }
        List<String> processEnv = new ArrayList<>();
        process.path("env").forEach(e -> processEnv.add(e.asText()));
        Optional<StartFailure> missing = ExecutableLookup.check(rootfs, req.cmd().getFirst(), processEnv,
                process.path("cwd").asText("/"));
        emit(record, "exec_start: " + commandLine(req.cmd()), exec.id, null);
        if (missing.isPresent()) {
            exec.ended(missing.get().exitCode());
            emit(record, "exec_die", exec.id, missing.get().exitCode());
            return failed(missing.get().exitCode(), missing.get().message());
        }
        return launch(exec, record, process);
    }

    private StartedExec launch(ExecInstance exec, ContainerRecord record, JsonNode process) {
        Path dir = execDirs.resolve(exec.id);
        Path processJson = dir.resolve("process.json");
        Path pidFile = dir.resolve("exec.pid");
        Path logFile = dir.resolve("runtime.log");
        Process child;
        PtyConsole console = null;
        // crun sends the exec's own terminal to us; runc gets a terminal from us to proxy
        boolean receive = exec.config.isTty() && runtime.consoleSocketInForeground();
        ConsoleHandover handover = null;
        try {
            Files.createDirectories(dir);
            Files.write(processJson, JSON.writeValueAsBytes(process));
            handover = receive ? ConsoleHandover.listen(dir) : null;
            List<String> runtimeArgv = runtime.execCommand(record.id().hex(), processJson, pidFile, logFile,
                    Optional.ofNullable(handover).map(ConsoleHandover::path));
            List<String> argv = new ArrayList<>(List.of("setsid"));
            argv.addAll(runtimeArgv);
            if (exec.config.isTty() && !receive) {
                List<Integer> size = exec.config.consoleSize();
                boolean sized = size != null && size.size() == 2;
                console = PtyConsole.open(sized ? size.get(0) : 0, sized ? size.get(1) : 0);
                argv = console.wrap(runtimeArgv);
            }
            ProcessBuilder pb = new ProcessBuilder(argv).directory(dir.toFile());
            if (!exec.config.wantsStdin() || exec.config.isTty()) {
                pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            }
            if (receive) {
                pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
            }
            child = pb.start();
        } catch (IOException | RuntimeException e) {
            if (console != null) {
                console.abandon();
            }
            if (handover != null) {
                handover.close();
            }
            exec.ended(126);
            emit(record, "exec_die", exec.id, 126);
            deleteTree(dir);
            throw new SystemException("cannot start exec " + exec.id + ": " + e.getMessage(), e);
        }
        exec.started(pidFile);
        CompletableFuture<Optional<String>> failure = new CompletableFuture<>();
        CompletableFuture<Integer> exit = child.onExit().thenApply(p -> {
            Optional<String> runtimeError = Files.exists(pidFile) ? Optional.empty() : RuntimeLog.lastError(logFile);
            int code = runtimeError.map(ExecService::exitCodeOf).orElse(p.exitValue());
            exec.ended(code);
            emit(record, "exec_die", exec.id, code);
            deleteTree(dir);
            failure.complete(runtimeError.map(ExecService::dockerWords));
            LOG.log(System.Logger.Level.DEBUG, () -> "exec " + exec.id.substring(0, 12) + " exited with " + code);
            return code;
        });
        if (handover != null) {
            try (ConsoleHandover received = handover) {
                // empty when the runtime refused the exec before it made a terminal
                console = received.await(child, Duration.ofSeconds(60)).orElse(null);
            }
            if (console == null) {
                return new StartedExec(Optional.empty(), InputStream.nullInputStream(),
                        new StartGate(child.getErrorStream(), pidFile, child, failure), exit, failure);
            }
            console.endAfter(exit, Duration.ofSeconds(2));
        }
        if (console != null) {
            console.startReading("exec-" + exec.id.substring(0, 12));
            exec.terminal(console);
            // The runtime's own refusal is written to the terminal too: held back the same way.
            return new StartedExec(exec.config.wantsStdin() ? Optional.of(console.input()) : Optional.empty(),
                    new StartGate(console.output(), pidFile, child, failure),
                    receive ? new StartGate(child.getErrorStream(), pidFile, child, failure) : InputStream.nullInputStream(),
                    exit, failure);
        }
        return new StartedExec(exec.config.wantsStdin() ? Optional.of(child.getOutputStream()) : Optional.empty(),
                child.getInputStream(), new StartGate(child.getErrorStream(), pidFile, child, failure), exit, failure);
    }

    // dockerd's action text: the entrypoint, a space, the arguments joined (so "true " alone)
    private static String commandLine(List<String> cmd) {
        return cmd.getFirst() + " " + String.join(" ", cmd.subList(1, cmd.size()));
    }

    private void emit(ContainerRecord record, String action, String execId, Integer exitCode) {
        if (events == null) {
            return;
        }
        Map<String, String> extra = new java.util.LinkedHashMap<>();
        extra.put("execID", execId);
        if (exitCode != null) {
            extra.put("exitCode", Integer.toString(exitCode));
        }
        events.emit(record, action, extra);
    }

    /** dockerd's exit code for an exec the runtime refused: 127 not found, else 126. */
    private static int exitCodeOf(String runtimeError) {
        return StartFailure.classify(runtimeError).kind() == StartFailure.Kind.NOT_FOUND ? 127 : 126;
    }

    private static StartedExec failed(int exitCode, String message) {
        InputStream none = new ByteArrayInputStream(new byte[0]);
        return new StartedExec(Optional.empty(), none, new ByteArrayInputStream(new byte[0]),
                CompletableFuture.completedFuture(exitCode), CompletableFuture.completedFuture(
                        Optional.of(dockerWords(message))));
    }

    /** How dockerd words a runtime's refusal of an exec. */
    private static String dockerWords(String runtimeMessage) {
        String m = runtimeMessage.replaceFirst("^exec failed: ", "").replaceFirst("^unable to start container process: ", "");
        return "OCI runtime exec failed: exec failed: unable to start container process: " + m + ": unknown";
    }

    private static JsonNode readProcess(Path bundle) {
        try {
            JsonNode process = JSON.readTree(bundle.resolve("config.json").toFile()).path("process");
            if (!process.isObject()) {
                throw new SystemException("the container's spec in " + bundle + " has no process");
            }
            return process;
        } catch (IOException e) {
            throw new SystemException("cannot read the container's spec in " + bundle + ": " + e.getMessage(), e);
        }
    }

    private ExecInstance instance(String execId) {
        return instances.find(execId).orElseThrow(() -> new NotFoundException("No such exec instance: " + execId));
    }

    private static void deleteTree(Path dir) {
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "cannot remove " + dir + ": " + e.getMessage());
        }
    }
}
