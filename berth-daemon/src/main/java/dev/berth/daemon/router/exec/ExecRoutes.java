package dev.berth.daemon.router.exec;

import dev.berth.api.Json;
import dev.berth.api.stream.DetachKeys;
import dev.berth.api.stream.MultiplexedOutput;
import dev.berth.api.stream.StdStream;
import dev.berth.api.types.exec.ExecCreateRequest;
import dev.berth.api.types.exec.ExecCreateResponse;
import dev.berth.api.types.exec.ExecInspect;
import dev.berth.api.types.exec.ExecStartRequest;
import dev.berth.daemon.http.Hijacked;
import dev.berth.daemon.http.PathParams;
import dev.berth.daemon.http.ServerRequest;
import dev.berth.daemon.http.ServerResponse;
import dev.berth.daemon.router.Api;
import dev.berth.daemon.router.ApiRoutes;
import dev.berth.daemon.router.TerminalSize;
import dev.berth.engine.error.InvalidArgumentException;
import dev.berth.engine.exec.Exec;
import dev.berth.engine.exec.ExecService;
import dev.berth.engine.exec.StartedExec;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Exec create, start and inspect. A non-detached start hijacks the connection (101 when
 * the client asked to upgrade, else 200) and carries the process's output, multiplexed
 * without a TTY; the client's input goes to the process's stdin until the client
 * half-closes. The connection closes only after the exit code was recorded, because
 * docker's CLI inspects the exec as soon as the stream ends.
 */
public final class ExecRoutes implements ApiRoutes.Group {

    private static final String RAW = "application/vnd.docker.raw-stream";
    private static final String MULTIPLEXED = "application/vnd.docker.multiplexed-stream";

    private final ExecService execs;

    public ExecRoutes(ExecService execs) {
        this.execs = execs;
    }

    @Override
    public void register(ApiRoutes routes) {
        routes.post("/containers/{id}/exec", this::create);
        routes.post("/exec/{id}/start", this::start);
        routes.get("/exec/{id}/json", this::inspect);
        routes.post("/exec/{id}/resize", this::resize);
    }

    private void resize(ServerRequest req, ServerResponse res, PathParams p) throws IOException {
        TerminalSize size = TerminalSize.of(req.query());
        execs.resize(p.get("id"), size.rows(), size.columns());
        res.sendEmpty(200);
    }

    private void create(ServerRequest req, ServerResponse res, PathParams p) throws IOException {
        ExecCreateRequest body = Api.body(req, ExecCreateRequest.class, null);
        if (body == null) {
            throw new InvalidArgumentException("No exec command specified");
        }
        Api.json(res, 201, new ExecCreateResponse(execs.create(p.get("id"), body)));
    }

    private void inspect(ServerRequest req, ServerResponse res, PathParams p) throws IOException {
        Exec e = execs.inspect(p.get("id"));
        List<String> cmd = e.config().cmd();
        Api.json(res, 200, new ExecInspect(e.id(), e.running(),
                e.exitCode().isPresent() ? e.exitCode().getAsInt() : null,
                new ExecInspect.ProcessConfig(e.config().isTty(), cmd.getFirst(), cmd.subList(1, cmd.size()),
                        e.config().isPrivileged(), e.config().user() == null ? "" : e.config().user()),
                e.config().wantsStdin(), e.config().wantsStderr(), e.config().wantsStdout(), !e.running()
                        && e.exitCode().isPresent(), e.containerId(),
                e.config().detachKeys() == null ? "" : e.config().detachKeys(), e.pid()));
    }

    private void start(ServerRequest req, ServerResponse res, PathParams p) throws Exception {
        ExecStartRequest body = Api.body(req, ExecStartRequest.class, new ExecStartRequest(false, false, null));
        String id = p.get("id");
        Exec exec = execs.inspect(id);
        boolean tty = exec.config().isTty();
        // as dockerd: the detach keys are watched for on a TTY only
        DetachKeys keys = tty && !body.isDetach() && exec.config().wantsStdin()
                ? detachKeys(exec.config().detachKeys()) : null;
        StartedExec started = execs.start(id);
        if (body.isDetach()) {
            Thread.ofPlatform().daemon().start(() -> drain(started.stdout()));
            Thread.ofPlatform().daemon().start(() -> drain(started.stderr()));
            started.stdin().ifPresent(ExecRoutes::closeQuietly);
            res.sendEmpty(200);
            return;
        }
        try (Hijacked conn = res.hijack(tty ? RAW : MULTIPLEXED)) {
            OutputStream raw = conn.out();
            MultiplexedOutput mux = new MultiplexedOutput(raw);
            boolean stdout = exec.config().wantsStdout();
            boolean stderr = exec.config().wantsStderr();
            Thread out = Thread.ofPlatform().daemon().start(() -> pump(started.stdout(), stdout, tty, raw, mux, StdStream.STDOUT));
            Thread err = Thread.ofPlatform().daemon().start(() -> pump(started.stderr(), stderr, tty, raw, mux, StdStream.STDERR));
            started.stdin().ifPresent(in -> Thread.ofVirtual().start(() -> copyInput(conn, in, keys)));
            out.join();
            err.join();
            started.exit().join();
            Optional<String> failure = started.failure().join();
            if (failure.isPresent()) {
                byte[] text = (failure.get() + "\r\n").getBytes(StandardCharsets.UTF_8);
                try {
                    if (tty) {
                        raw.write(text);
                    } else {
                        mux.write(StdStream.STDOUT, text);
                    }
                } catch (IOException clientGone) {
                    // nobody left to tell
                }
            }
        }
    }

    /** Output goes to the client when it asked for that stream; either way the pipe is drained. */
    private static void pump(InputStream in, boolean wanted, boolean tty, OutputStream raw, MultiplexedOutput mux,
            StdStream stream) {
        byte[] buffer = new byte[32 * 1024];
        boolean clientGone = !wanted;
        try (in) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                if (clientGone) {
                    continue;
                }
                try {
                    if (tty) {
                        synchronized (raw) {
                            raw.write(buffer, 0, n);
                            raw.flush();
                        }
                    } else {
                        mux.write(stream, buffer, 0, n);
                    }
                } catch (IOException e) {
                    clientGone = true;
                }
            }
        } catch (IOException e) {
            // the process's pipe closed
        }
    }

    /**
     * The client's input to the process's stdin; the client's EOF (half-close) closes it. The
     * detach keys (TTY only) end the client's connection and leave the process running.
     */
    private static void copyInput(Hijacked conn, OutputStream stdin, DetachKeys keys) {
        try {
            byte[] buffer = new byte[32 * 1024];
            int n;
            while ((n = conn.in().read(buffer)) > 0) {
                if (keys == null) {
                    stdin.write(buffer, 0, n);
                } else {
                    stdin.write(keys.feed(buffer, n));
                }
                stdin.flush();
                if (keys != null && keys.detached()) {
                    conn.close();
                    return;
                }
            }
            stdin.close();
        } catch (IOException e) {
            // the process ended or the client went away
        }
    }

    private static DetachKeys detachKeys(String spec) {
        try {
            return DetachKeys.parse(spec);
        } catch (IllegalArgumentException e) {
            throw new InvalidArgumentException(e.getMessage());
        }
    }

    private static void drain(InputStream in) {
        try (in) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException ignored) {
            // the process ended
        }
    }

    private static void closeQuietly(OutputStream out) {
        try {
            out.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
