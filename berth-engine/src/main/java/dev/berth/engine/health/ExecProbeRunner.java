package dev.berth.engine.health;

import dev.berth.api.types.exec.ExecCreateRequest;
import dev.berth.api.units.GoDuration;
import dev.berth.engine.exec.ExecService;
import dev.berth.engine.exec.StartedExec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Probes as dockerd runs them: an exec instance in the container (same process spec, user
 * and environment as {@code docker exec}), stdout and stderr together kept up to 4 KiB, killed
 * when it outlives the timeout. The instance is forgotten once it ended.
 */
final class ExecProbeRunner implements ProbeRunner {

    private static final System.Logger LOG = System.getLogger("berthd.health");

    private final ExecService execs;
    private final Clock clock;

    ExecProbeRunner(ExecService execs, Clock clock) {
        this.execs = execs;
        this.clock = clock;
    }

    @Override
    public ProbeResult run(String containerId, List<String> command, Duration timeout) {
        Instant start = clock.instant();
        String execId;
        StartedExec started;
        try {
            execId = execs.create(containerId, new ExecCreateRequest(null, false, false, null, false, true, true,
                    null, null, null, command));
            started = execs.start(execId);
        } catch (RuntimeException e) {
            return new ProbeResult(start, clock.instant(), ProbeResult.TIMED_OUT, String.valueOf(e.getMessage()));
        }
        BoundedOutput output = new BoundedOutput();
        // Platform threads: a blocking pipe read can pin a virtual thread's carrier.
        Thread out = Thread.ofPlatform().daemon().name("probe-out").start(() -> output.drain(started.stdout()));
        Thread err = Thread.ofPlatform().daemon().name("probe-err").start(() -> output.drain(started.stderr()));
        try {
            int code = started.exit().get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            join(out);
            join(err);
            Optional<String> failure = started.failure().getNow(Optional.empty());
            if (failure.isPresent()) {
                return new ProbeResult(start, clock.instant(), ProbeResult.TIMED_OUT, failure.get());
            }
            return new ProbeResult(start, clock.instant(), code, output.text());
        } catch (TimeoutException e) {
            kill(execId);
            return new ProbeResult(start, clock.instant(), ProbeResult.TIMED_OUT,
                    "Health check exceeded timeout (" + GoDuration.format(timeout) + ")");
        } catch (ExecutionException e) {
            return new ProbeResult(start, clock.instant(), ProbeResult.TIMED_OUT, String.valueOf(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ProbeResult(start, clock.instant(), ProbeResult.TIMED_OUT, "health check interrupted");
        } finally {
            String id = execId;
            started.exit().whenComplete((code, failure) -> execs.forget(id));
        }
    }

    // The probe's process in the container, by its host pid (the runtime wrote it at start).
    private void kill(String execId) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
        while (System.nanoTime() < deadline) {
            long pid = execs.inspect(execId).pid();
            if (pid > 0) {
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
                return;
            }
            if (!execs.inspect(execId).running()) {
                return;
            }
            java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
        LOG.log(System.Logger.Level.WARNING, "could not kill the timed-out health probe " + execId);
    }

    private static void join(Thread t) throws InterruptedException {
        t.join(TimeUnit.SECONDS.toMillis(5));
    }

    /** stdout and stderr into one buffer, as dockerd keeps them; bytes past 4 KiB are drained and dropped. */
    private static final class BoundedOutput {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        void drain(InputStream in) {
            byte[] buffer = new byte[4096];
            try (in) {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    synchronized (this) {
                        bytes.write(buffer, 0, Math.min(n, ProbeResult.MAX_OUTPUT - bytes.size()));
                    }
                }
            } catch (IOException e) {
                // the probe ended
            }
        }

        synchronized String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }
}
