package dev.berth.daemon.router.containers;

import dev.berth.api.stream.DetachKeys;
import dev.berth.api.stream.MultiplexedOutput;
import dev.berth.api.stream.StdStream;
import dev.berth.daemon.http.Hijacked;
import dev.berth.daemon.http.PathParams;
import dev.berth.daemon.http.ServerRequest;
import dev.berth.daemon.http.ServerResponse;
import dev.berth.daemon.router.Api;
import dev.berth.daemon.router.ApiRoutes;
import dev.berth.daemon.router.TerminalSize;
import dev.berth.engine.containers.ContainerRecord;
import dev.berth.engine.containers.ContainerService;
import dev.berth.engine.error.InvalidArgumentException;
import dev.berth.engine.logs.LogReadOptions;
import dev.berth.engine.logs.LogStream;
import dev.berth.engine.runtime.RunningTask;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Optional;

/**
 * The streaming container routes: {@code attach} (a hijacked connection carrying the
 * container's output, and its stdin when asked) and {@code logs} (the json-file log,
 * optionally followed). Without a TTY both use Docker's 8-byte multiplexed framing.
 */
public final class ContainerStreamsRoutes implements ApiRoutes.Group {

    private static final String RAW = "application/vnd.docker.raw-stream";
    private static final String MULTIPLEXED = "application/vnd.docker.multiplexed-stream";

    private final ContainerService containers;

    public ContainerStreamsRoutes(ContainerService containers) {
        this.containers = containers;
    }

    @Override
    public void register(ApiRoutes routes) {
        routes.post("/containers/{id}/attach", this::attach);
        routes.get("/containers/{id}/logs", this::logs);
        routes.post("/containers/{id}/resize", this::resize);
    }

    private void resize(ServerRequest req, ServerResponse res, PathParams p) throws IOException {
        TerminalSize size = TerminalSize.of(req.query());
        containers.resize(p.get("id"), size.rows(), size.columns());
        containers.announce(p.get("id"), "resize", java.util.Map.of("height", Integer.toString(size.rows()),
                "width", Integer.toString(size.columns())));
        res.sendEmpty(200);
    }

    private void attach(ServerRequest req, ServerResponse res, PathParams p) throws Exception {
        ContainerRecord record = containers.get(p.get("id"));
        boolean tty = record.config().isTty();
        boolean wantStdout = Api.bool(req.query(), "stdout");
        boolean wantStderr = Api.bool(req.query(), "stderr");
        boolean wantStdin = Api.bool(req.query(), "stdin") && record.config().isOpenStdin();
        // as dockerd: detach keys are watched for on a TTY only
        DetachKeys keys = wantStdin && tty ? detachKeys(req.query().first("detachKeys")) : null;
        AttachSink sink = new AttachSink(tty, wantStdout, wantStderr);
        containers.announce(record.id().hex(), "attach", java.util.Map.of());
        try (AutoCloseable detach = containers.attach(record.id().hex(), sink);
                Hijacked conn = res.hijack(tty ? RAW : MULTIPLEXED)) {
            sink.connect(conn.out());
            if (wantStdin) {
                Thread.ofVirtual().start(() -> {
                    copyStdin(record, conn.in(), keys);
                    if (keys != null && keys.detached()) {
                        sink.end(); // the client detached: its stream ends, the container runs on
                    }
                });
            }
            sink.awaitEnd();
        }
    }

    private static DetachKeys detachKeys(String spec) {
        try {
            return DetachKeys.parse(spec);
        } catch (IllegalArgumentException e) {
            throw new InvalidArgumentException(e.getMessage());
        }
    }

    /**
     * Copies the client's input into the container's stdin until the client's input ends or
     * it types the detach keys. The client's EOF closes the container's stdin only with
     * StdinOnce (run -i, start -ai), as dockerd: after {@code attach} to a {@code run -di}
     * container the next client still finds stdin open.
     */
    private void copyStdin(ContainerRecord record, InputStream clientInput, DetachKeys keys) {
        try {
            RunningTask task = containers.started(record.id().hex()).get();
            Optional<OutputStream> stdin = task.stdin();
            if (stdin.isEmpty()) {
                return;
            }
            OutputStream in = stdin.get();
            byte[] buffer = new byte[8192];
            int n;
            while ((n = clientInput.read(buffer)) > 0) {
                if (keys == null) {
                    in.write(buffer, 0, n);
                } else {
                    in.write(keys.feed(buffer, n));
                }
                in.flush();
                if (keys != null && keys.detached()) {
                    return;
                }
            }
            if (record.config().isStdinOnce()) {
                in.close();
            }
        } catch (Exception e) {
            // the container ended or the client went away: nothing more to copy
        }
    }

    private void logs(ServerRequest req, ServerResponse res, PathParams p) throws Exception {
        ContainerRecord record = containers.get(p.get("id"));
        boolean stdout = Api.bool(req.query(), "stdout");
        boolean stderr = Api.bool(req.query(), "stderr");
        if (!stdout && !stderr) {
            throw new InvalidArgumentException("Bad parameters: you must choose at least one stream");
        }
        LogReadOptions options = new LogReadOptions(stdout, stderr, time(req.query().first("since")),
                time(req.query().first("until")), tail(req.query().first("tail")), Api.bool(req.query(), "follow"),
                Api.bool(req.query(), "timestamps"));
        boolean tty = record.config().isTty();
        try (OutputStream out = res.stream(200, tty ? RAW : MULTIPLEXED)) {
            out.flush();
            MultiplexedOutput mux = new MultiplexedOutput(out);
            try {
                containers.logs(record.id().hex(), options, entry -> {
                    try {
                        if (tty) {
                            out.write(entry.bytes());
                            out.flush();
                        } else {
                            mux.write(entry.stream() == LogStream.STDERR ? StdStream.STDERR : StdStream.STDOUT,
                                    entry.bytes());
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (UncheckedIOException clientGone) {
                // the client stopped reading (e.g. Ctrl-C on logs -f)
            }
        }
    }

    private static int tail(String value) {
        if (value == null || value.isEmpty() || value.equals("all")) {
            return LogReadOptions.ALL;
        }
        try {
            int n = Integer.parseInt(value);
            return n < 0 ? LogReadOptions.ALL : n;
        } catch (NumberFormatException e) {
            throw new InvalidArgumentException("invalid value for \"tail\": " + value);
        }
    }

    /** Docker's since/until: Unix seconds with optional fraction ("1700000000.5"); 0 means none. */
    static Optional<Instant> time(String value) {
        if (value == null || value.isEmpty() || value.equals("0")) {
            return Optional.empty();
        }
        try {
            int dot = value.indexOf('.');
            long seconds = Long.parseLong(dot < 0 ? value : value.substring(0, dot));
            long nanos = 0;
            if (dot >= 0) {
                String frac = (value.substring(dot + 1) + "000000000").substring(0, 9);
                nanos = Long.parseLong(frac);
            }
            return Optional.of(Instant.ofEpochSecond(seconds, nanos));
        } catch (NumberFormatException e) {
            throw new InvalidArgumentException("invalid time value: " + value);
        }
    }
}
