package dev.berth.cli.command.container;

import dev.berth.api.client.ApiStream;
import dev.berth.api.client.AttachOptions;
import dev.berth.api.client.ContainersClient;
import dev.berth.api.client.PendingWait;
import dev.berth.api.client.WaitCondition;
import dev.berth.api.stream.DetachKeys;
import dev.berth.api.stream.MultiplexedInput;
import dev.berth.api.types.container.WaitResponse;
import dev.berth.cli.CliContext;
import dev.berth.cli.CliFailure;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;

/**
 * run and {@code start -a}: attach (hijacked) and register the wait <em>before</em> start, so
 * no output and no exit is missed; start; copy the output (demultiplexed without a TTY, raw
 * with one) until the daemon closes it; answer the container's exit code.
 */
final class AttachedSession {

    /** Starts the container; run maps its failures to 125/126/127, start -a prints them. */
    interface Starter {
        void start() throws IOException;
    }

    private AttachedSession() {
    }

    /** docker's detach keys; a malformed spec ends the command with 125, as docker. */
    static DetachKeys detachKeys(String spec) {
        try {
            return DetachKeys.parse(spec);
        } catch (IllegalArgumentException e) {
            throw new CliFailure(125, e.getMessage());
        }
    }

    /**
     * What docker's {@code attach} and {@code exec} say when the user detaches (the text of
     * its EscapeError, exit status 1); {@code run} and {@code start} detach silently with 0.
     */
    static int detachedByKeys(CliContext ctx) {
        ctx.err().println("read escape sequence");
        return 1;
    }

    static int run(CliContext ctx, String id, boolean tty, boolean stdin, boolean autoRemove, boolean sigProxy,
            Starter starter) throws IOException {
        return run(ctx, id, tty, stdin, autoRemove, sigProxy, null, starter);
    }

    static int run(CliContext ctx, String id, boolean tty, boolean stdin, boolean autoRemove, boolean sigProxy,
            String detachKeys, Starter starter) throws IOException {
        DetachKeys keys = stdin && tty ? AttachedSession.detachKeys(detachKeys) : null;  // as docker: keys only on a TTY
        ContainersClient containers = ctx.client().containers();
        ApiStream stream = containers.attach(id, AttachOptions.forRun(stdin));
        PendingWait wait = containers.await(id, autoRemove ? WaitCondition.REMOVED : WaitCondition.NEXT_EXIT);
        try {
            starter.start();
        } catch (IOException | RuntimeException e) {
            stream.close();
            if (autoRemove) {
                try {
                    wait.result();
                } catch (IOException ignored) {
                    // the start error is the one to report
                }
            } else {
                wait.close();
            }
            throw e;
        }
        SignalProxy proxy = sigProxy && !tty ? SignalProxy.forward(signal -> {
            try {
                containers.kill(id, signal);
            } catch (IOException e) {
                ctx.err().println("berth: failed to forward signal " + signal + ": " + e.getMessage());
            }
        }) : null;
        try (stream) {
            if (exchange(ctx, stream, tty, stdin, keys, (rows, columns) -> containers.resize(id, rows, columns))) {
                wait.close();
                return 0;
            }
            WaitResponse result = wait.result();
            if (result.error() != null && result.error().message() != null && !result.error().message().isEmpty()) {
                throw new CliFailure(125, "Error waiting for container: " + result.error().message());
            }
            return (int) result.statusCode();
        } finally {
            if (proxy != null) {
                proxy.close();
            }
        }
    }

    /**
     * Runs an attached stream to its end: stdin to the container (when attached), its output
     * to ours, and with a TTY the local terminal in raw mode following the window size.
     * Returns true when the user detached with the detach keys (the container keeps running).
     */
    static boolean exchange(CliContext ctx, ApiStream stream, boolean tty, boolean stdin, DetachKeys keys,
            TerminalSession.Resize resize) throws IOException {
        java.util.Optional<TerminalSession> terminal = tty ? TerminalSession.begin(resize) : java.util.Optional.empty();
        try {
            if (stdin) {
                pumpStdin(ctx.in(), stream, keys);
            }
            if (tty) {
                copyRaw(stream.in(), ctx.out());
            } else {
                demux(stream.in(), ctx.out(), ctx.err());
            }
        } catch (IOException e) {
            if (keys == null || !keys.detached()) {
                throw e;
            }
        } finally {
            terminal.ifPresent(TerminalSession::close);
        }
        return keys != null && keys.detached();
    }

    /** Copies the client's stdin to the container on a daemon thread; EOF half-closes the connection. */
    static void pumpStdin(InputStream in, ApiStream stream) {
        pumpStdin(in, stream, null);
    }

    /**
     * As {@link #pumpStdin(InputStream, ApiStream)}, watching for the detach keys: once they
     * are typed the connection is closed (the container keeps running).
     */
    static void pumpStdin(InputStream in, ApiStream stream, DetachKeys keys) {
        Thread.ofPlatform().daemon().name("berth-stdin").start(() -> {
            byte[] buf = new byte[8192];
            try {
                OutputStream out = stream.out();
                int n;
                while ((n = in.read(buf)) >= 0) {
                    if (keys == null) {
                        out.write(buf, 0, n);
                    } else {
                        out.write(keys.feed(buf, n));
                        if (keys.detached()) {
                            out.flush();
                            stream.close();
                            return;
                        }
                    }
                    out.flush();
                }
                stream.closeWrite();
            } catch (IOException closed) {
                // the container went away while we were writing: output handling reports it
            }
        });
    }

    static void copyRaw(InputStream in, PrintStream out) throws IOException {
        byte[] buf = new byte[8192];
        int n;
        while ((n = in.read(buf)) >= 0) {
            out.write(buf, 0, n);
            out.flush();
        }
    }

    /** Writes each frame to stdout or stderr as it arrives; a daemon error frame ends with its message. */
    static void demux(InputStream in, PrintStream out, PrintStream err) throws IOException {
        MultiplexedInput frames = new MultiplexedInput(in);
        MultiplexedInput.Frame frame;
        while ((frame = frames.next()) != null) {
            switch (frame.stream()) {
                case STDOUT, STDIN -> {
                    out.write(frame.payload());
                    out.flush();
                }
                case STDERR -> {
                    err.write(frame.payload());
                    err.flush();
                }
                case SYSTEM_ERR -> throw new IOException("error from daemon in stream: "
                        + new String(frame.payload(), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
    }
}
