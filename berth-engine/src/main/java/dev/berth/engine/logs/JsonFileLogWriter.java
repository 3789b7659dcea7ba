package dev.berth.engine.logs;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;

/**
 * Appends a container's output to its json-file log. Each {@link #stream} is an
 * {@link OutputStream} that cuts what it receives into lines (and lines longer than
 * 16 KiB into pieces, as Docker does) and appends one JSON object per piece; closing it
 * writes a last partial line. Safe for one writer thread per stream: each entry is
 * appended with a single write under a lock, so stdout and stderr never interleave inside
 * a line. Not fsynced: a crash may lose the last lines, as with Docker.
 */
public final class JsonFileLogWriter implements AutoCloseable {

    /** Docker's maximum message size; longer lines become several entries. */
    static final int MAX_ENTRY_BYTES = 16 * 1024;

    private static final JsonFactory JSON = new JsonFactory();

    private final FileChannel channel;
    private final Clock clock;

    public JsonFileLogWriter(Path file) throws IOException {
        this(file, Clock.systemUTC());
    }

    JsonFileLogWriter(Path file, Clock clock) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        this.clock = clock;
    }

    /** A line-splitting stream for {@code stream}; close it when the container's pipe ends. */
    public OutputStream stream(LogStream stream) {
        return new LineSplitter(stream);
    }

    /**
     * Copies {@code in} (a container's stdout or stderr pipe) into the log until it ends;
     * blocks, so run it on its own (virtual) thread.
     */
    public void copy(InputStream in, LogStream stream) throws IOException {
        try (OutputStream out = stream(stream); in) {
            byte[] buf = new byte[8192];
            int n;
            while ((n = in.read(buf)) > 0) {
                out.write(buf, 0, n);
            }
        }
    }

    /** Appends one entry as is ({@code bytes} should end with '\n' unless partial). */
    public void append(LogStream stream, byte[] bytes, Instant time) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(bytes.length + 80);
        try (JsonGenerator g = JSON.createGenerator(line, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeStringField("log", new String(bytes, StandardCharsets.UTF_8));
            g.writeStringField("stream", stream.wireName());
            g.writeStringField("time", LogTimestamps.format(time));
            g.writeEndObject();
        }
        line.write('\n');
        ByteBuffer buffer = ByteBuffer.wrap(line.toByteArray());
        synchronized (channel) {
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    private final class LineSplitter extends OutputStream {

        private final LogStream stream;
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

        LineSplitter(LogStream stream) {
            this.stream = stream;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            int start = off;
            int end = off + len;
            for (int i = off; i < end; i++) {
                if (b[i] == '\n') {
                    pending.write(b, start, i + 1 - start);
                    emit();
                    start = i + 1;
                } else if (pending.size() + (i + 1 - start) >= MAX_ENTRY_BYTES) {
                    pending.write(b, start, i + 1 - start);
                    emit();
                    start = i + 1;
                }
            }
            pending.write(b, start, end - start);
        }

        @Override
        public void close() throws IOException {
            if (pending.size() > 0) {
                emit();
            }
        }

        private void emit() throws IOException {
            append(stream, pending.toByteArray(), clock.instant());
            pending.reset();
        }
    }
}
