package dev.berth.engine.containers;

import dev.berth.engine.error.ConflictException;
import dev.berth.engine.error.InvalidArgumentException;
import dev.berth.engine.error.SystemException;
import dev.berth.engine.runtime.OciRuntime;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * {@code docker top}: the host's {@code ps} with the caller's arguments (default {@code -ef}),
 * narrowed to the container's processes. Which processes those are the runtime says
 * ({@code ps --format json}: every pid in the container's cgroup, exec'd ones too), as moby
 * asks containerd. Like moby, {@code ps} is first asked for just those pids ({@code -q}) and
 * run again without when the arguments do not combine with it.
 */
public final class ContainerTop {

    private static final long TIMEOUT_SECONDS = 30;

    private final ContainerService containers;
    private final OciRuntime runtime;

    public ContainerTop(ContainerService containers, OciRuntime runtime) {
        this.containers = containers;
        this.runtime = runtime;
    }

    /**
     * @param psArgs ps's options as one string split at spaces; null or empty for {@code -ef}
     * @throws ConflictException when the container is not running (or restarting)
     */
    public PsTable top(String idOrName, String psArgs) {
        ContainerRecord record = containers.get(idOrName);
        if (record.state().status() == ContainerStatus.RESTARTING) {
            throw new ConflictException("Container " + record.id() + " is restarting, wait until the container is running");
        }
        if (!record.isRunning()) {
            throw new ConflictException("Container " + record.id() + " is not running");
        }
        List<String> args = Arrays.asList((psArgs == null || psArgs.isEmpty() ? "-ef" : psArgs).split(" "));
        if (args.stream().anyMatch(a -> a.contains("\0"))) {
            throw new InvalidArgumentException("invalid ps arguments");
        }
        Set<Long> pids = new HashSet<>(runtime.pids(record.id().hex()));
        List<String> narrowed = new ArrayList<>(args);
        narrowed.add("-q");
        narrowed.add(pids.stream().map(String::valueOf).collect(Collectors.joining(",")));
        Ps first = ps(narrowed);
        Ps result = first.ok() || pids.isEmpty() ? first : ps(args);
        if (!result.ok()) {
            String why = result.stderr().lines().findFirst().orElse("exit status " + result.exitCode());
            throw new SystemException("ps: " + why);
        }
        return PsTable.of(result.stdout(), pids);
    }

    private record Ps(int exitCode, String stdout, String stderr) {
        boolean ok() {
            return exitCode == 0;
        }
    }

    private static Ps ps(List<String> args) {
        List<String> argv = new ArrayList<>(List.of("ps"));
        argv.addAll(args);
        try {
            Process p = new ProcessBuilder(argv).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()),
                    Thread::startVirtualThread);
            String out = read(p.getInputStream());
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new SystemException("ps did not finish within " + TIMEOUT_SECONDS + "s");
            }
            return new Ps(p.exitValue(), out, err.join());
        } catch (IOException e) {
            throw new SystemException("cannot run ps: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SystemException("interrupted while running ps", e);
        }
    }

    private static String read(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
