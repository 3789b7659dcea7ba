package dev.berth.engine.logs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Reads a json-file log with {@code docker logs}' options. {@code tail} counts entries of
 * both streams (the stream filter applies after it, as in Docker). With {@code follow} it
 * polls the file every {@value #FOLLOW_POLL_MILLIS} ms until the stop condition holds, then
 * delivers what was written up to then and returns. A line being written (no newline yet)
 * is left for the next read.
 */
public final class JsonFileLogReader {

    static final long FOLLOW_POLL_MILLIS = 20;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BLOCK = 64 * 1024;

    private final Path file;

    public JsonFileLogReader(Path file) {
        this.file = file;
    }

    /**
     * Delivers the selected entries to {@code sink} in order.
     *
     * @param stopped with {@code follow}: true once no more output can come (the container
     *                exited and its pipes were drained); ignored otherwise
     * @return whether reading ended because of {@code until} (the caller need not follow on)
     */
    public boolean read(LogReadOptions options, Consumer<LogEntry> sink, BooleanSupplier stopped) throws IOException {
        if (!Files.exists(file) && !options.follow()) {
            return false;
        }
        long offset = options.tail() == LogReadOptions.ALL ? 0 : tailOffset(options.tail());
        ByteArrayOutputStream partial = new ByteArrayOutputStream();
        while (true) {
            // Checked before reading so that a stop seen here still gets a final full read.
            boolean last = !options.follow() || stopped.getAsBoolean();
            ReadResult r = readFrom(offset, partial, options, sink);
            offset = r.offset();
            if (r.pastUntil()) {
                return true;
            }
            if (last) {
                return false;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(FOLLOW_POLL_MILLIS));
            if (Thread.currentThread().isInterrupted()) {
                return false;
            }
        }
    }

    private record ReadResult(long offset, boolean pastUntil) {
    }

    private ReadResult readFrom(long offset, ByteArrayOutputStream partial, LogReadOptions options,
                                Consumer<LogEntry> sink) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            if (ch.size() < offset) {
                // Truncated underneath us: start over.
                offset = 0;
                partial.reset();
            }
            ch.position(offset);
            ByteBuffer buf = ByteBuffer.allocate(BLOCK);
            int n;
            while ((n = ch.read(buf)) > 0) {
                byte[] a = buf.array();
                int start = 0;
                for (int i = 0; i < n; i++) {
                    if (a[i] == '\n') {
                        partial.write(a, start, i - start);
                        byte[] line = partial.toByteArray();
                        partial.reset();
                        start = i + 1;
                        if (deliver(line, options, sink)) {
                            return new ReadResult(offset + i + 1, true);
                        }
                    }
                }
                partial.write(a, start, n - start);
                offset += n;
                buf.clear();
            }
            // Keep an unfinished line for next time by rewinding to its start.
            long rewound = offset - partial.size();
            partial.reset();
            return new ReadResult(rewound, false);
        } catch (NoSuchFileException e) {
            return new ReadResult(0, false);
        }
    }

    // Returns true when the entry lies after `until`.
    private static boolean deliver(byte[] line, LogReadOptions options, Consumer<LogEntry> sink) throws IOException {
        if (line.length == 0) {
            return false;
        }
        JsonNode node = JSON.readTree(line);
        Instant time = LogTimestamps.parse(node.path("time").asText());
        if (options.until().isPresent() && time.isAfter(options.until().get())) {
            return true;
        }
        if (options.since().isPresent() && time.isBefore(options.since().get())) {
            return false;
        }
        LogStream stream = LogStream.fromWireName(node.path("stream").asText());
        if ((stream == LogStream.STDOUT && !options.stdout()) || (stream == LogStream.STDERR && !options.stderr())) {
            return false;
        }
        byte[] bytes = node.path("log").asText().getBytes(StandardCharsets.UTF_8);
        if (options.timestamps()) {
            byte[] prefix = (LogTimestamps.format(time) + " ").getBytes(StandardCharsets.US_ASCII);
            byte[] joined = new byte[prefix.length + bytes.length];
            System.arraycopy(prefix, 0, joined, 0, prefix.length);
            System.arraycopy(bytes, 0, joined, prefix.length, bytes.length);
            bytes = joined;
        }
        sink.accept(new LogEntry(stream, time, bytes));
        return false;
    }

    // The offset of the start of the last `count` complete lines, scanning back by blocks.
    private long tailOffset(int count) throws IOException {
        if (count == 0) {
            return Files.exists(file) ? Files.size(file) : 0;
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long end = ch.size();
            long pos = end;
            int newlines = 0;
            ByteBuffer buf = ByteBuffer.allocate(BLOCK);
            while (pos > 0) {
                int len = (int) Math.min(BLOCK, pos);
                pos -= len;
                buf.clear().limit(len);
                ch.read(buf, pos);
                byte[] a = buf.array();
                for (int i = len - 1; i >= 0; i--) {
                    // The file's final newline ends the last line; it does not start one.
                    if (a[i] == '\n' && pos + i != end - 1 && ++newlines == count) {
                        return pos + i + 1;
                    }
                }
            }
            return 0;
        } catch (NoSuchFileException e) {
            return 0;
        }
    }
}
