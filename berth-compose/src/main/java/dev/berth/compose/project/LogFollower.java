package dev.berth.compose.project;

import dev.berth.api.client.EngineClient;
import dev.berth.api.client.LogsOptions;
import dev.berth.api.stream.MultiplexedInput;
import dev.berth.api.stream.StdStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Reads several containers' logs at once, one virtual thread each, cut into lines for a
 * {@link LogSink}: what {@code logs} and the foreground {@code up} print. Multiplexed frames are
 * split per stream (a line may span frames); a TTY container's raw stream is all stdout.
 * {@link #close()} ends the followed streams.
 */
public final class LogFollower implements AutoCloseable {

    private final EngineClient client;
    private final LogSink sink;
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private final List<InputStream> streams = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    public LogFollower(EngineClient client, LogSink sink) {
        this.client = client;
        this.sink = sink;
    }

    /**
     * Starts reading {@code container}'s logs with {@code options}. May be called from
     * {@link LogSink#ended} to follow a container again after a restart: {@link #awaitAll} then
     * waits for the new stream too.
     */
    public void follow(ProjectContainer container, LogsOptions options) throws IOException {
        boolean tty = client.containers().inspectRaw(container.id()).path("Config").path("Tty").asBoolean();
        InputStream in = client.containers().logs(container.id(), options);
        streams.add(in);
        threads.add(Thread.ofVirtual().name("compose-logs-" + container.name()).start(() -> {
            try (in) {
                copy(container, in, tty);
            } catch (IOException e) {
                if (!closed) {
                    sink.line(container, true, "error reading logs: " + e.getMessage());
                }
            } finally {
                if (!closed) {
                    sink.ended(container);
                }
            }
        }));
    }

    /** Waits until every followed stream has ended. */
    public void awaitAll() throws InterruptedException {
        int joined = 0;
        while (joined < threads.size()) {
            // a stream's end may add a new stream before its thread ends: join until none is added
            joined = threads.size();
            for (Thread t : List.copyOf(threads)) {
                t.join();
            }
        }
    }

    private void copy(ProjectContainer container, InputStream in, boolean tty) throws IOException {
        Lines out = new Lines(container, false);
        if (tty) {
            byte[] buf = new byte[8192];
            int n;
            while ((n = in.read(buf)) >= 0) {
                out.feed(buf, n);
            }
        } else {
            Lines err = new Lines(container, true);
            MultiplexedInput frames = new MultiplexedInput(in);
            MultiplexedInput.Frame frame;
            while ((frame = frames.next()) != null) {
                (frame.stream() == StdStream.STDERR ? err : out).feed(frame.payload(), frame.payload().length);
            }
            err.flush();
        }
        out.flush();
    }

    /** A partial line of one stream, completed by later bytes. */
    private final class Lines {
        private final ProjectContainer container;
        private final boolean stderr;
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

        Lines(ProjectContainer container, boolean stderr) {
            this.container = container;
            this.stderr = stderr;
        }

        void feed(byte[] bytes, int length) {
            for (int i = 0; i < length; i++) {
                if (bytes[i] == '\n') {
                    emit();
                } else {
                    pending.write(bytes[i]);
                }
            }
        }

        void flush() {
            if (pending.size() > 0) {
                emit();
            }
        }

        private void emit() {
            String line = pending.toString(StandardCharsets.UTF_8);
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            pending.reset();
            sink.line(container, stderr, line);
        }
    }

    @Override
    public void close() {
        closed = true;
        for (InputStream in : streams) {
            try {
                in.close();
            } catch (IOException e) {
                // already broken: nothing more to read anyway
            }
        }
    }
}
