package dev.berth.engine.logs;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Appends a container's output to its json-file log. Each {@link #stream} is an
 * {@link OutputStream} that cuts what it receives into lines (and lines longer than
 * 16 KiB into pieces, as Docker does) and appends one JSON object per piece; closing it
 * writes a last partial line. Not fsynced: a crash may lose the last lines, as with Docker.
 *
 * <p>A write to a stream only copies the bytes (stamped with the time they arrived) into a
 * bounded queue; one writer thread per log splits, encodes and appends them in batches (one
 * file write for everything queued). So the thread pumping a container's output to attached
 * clients never waits on JSON encoding or the disk, unless the log falls more than the queue
 * behind; then it blocks, as Docker's default "blocking" log mode does, and no line is lost.
 * stdout and stderr of one log go through the same queue, so entries keep their arrival order
 * and never interleave within a line. {@link #close()} drains the queue before it returns.
 */
public final class JsonFileLogWriter implements AutoCloseable {

    /** Docker's maximum message size; longer lines become several entries. */
    static final int MAX_ENTRY_BYTES = 16 * 1024;
    /** Queued writes before a stream's writer blocks: at most ~64 pump reads (2 MiB of 32 KiB). */
    private static final int QUEUE_CHUNKS = 64;
    /** Encoded bytes after which a batch is written even though more is queued. */
    private static final int BATCH_BYTES = 256 * 1024;
    private static final System.Logger LOG = System.getLogger(JsonFileLogWriter.class.getName());

    private final Path file;
    private final FileChannel channel;
    private final Clock clock;
    private final BlockingQueue<Item> queue = new ArrayBlockingQueue<>(QUEUE_CHUNKS);
    private Thread writer;
    private volatile boolean closed;

    public JsonFileLogWriter(Path file) throws IOException {
        this(file, Clock.systemUTC());
    }

    JsonFileLogWriter(Path file, Clock clock) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        this.file = file;
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        this.clock = clock;
    }

    /** A line-splitting stream for {@code stream}; close it when the container's pipe ends. */
    public synchronized OutputStream stream(LogStream stream) {
        if (writer == null) {
            // A platform thread, like the pumps that feed it: it blocks in file writes.
            writer = Thread.ofPlatform().daemon().name("log-" + file.getFileName()).start(this::drain);
        }
        return new LineSplitter(stream);
    }

    /**
     * Copies {@code in} (a container's stdout or stderr pipe) into the log until it ends;
     * blocks, so run it on its own thread.
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

    /** Appends one entry as is and at once ({@code bytes} should end with '\n' unless partial). */
    public void append(LogStream stream, byte[] bytes, Instant time) throws IOException {
        LogEntryEncoder encoder = new LogEntryEncoder();
        encoder.append(stream, bytes, 0, bytes.length, time);
        write(encoder);
    }

    /** Ends the writer thread once everything queued is in the file, then closes the file. */
    @Override
    public void close() throws IOException {
        Thread t;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            t = writer;
        }
        if (t != null) {
            enqueue(new Stop());
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        channel.close();
    }

    private void enqueue(Item item) throws IOException {
        try {
            queue.put(item);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while logging");
        }
    }

    /** The writer thread: takes what is queued, encodes it, and writes it in one go. */
    private void drain() {
        LogEntryEncoder encoder = new LogEntryEncoder();
        boolean failed = false;
        while (true) {
            Item item;
            try {
                item = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            boolean stop = false;
            while (item != null) {
                try {
                    switch (item) {
                        case Chunk c -> c.splitter.split(c.data, c.time, encoder);
                        case EndOfStream e -> e.splitter.flush(e.time, encoder);
                        case Stop s -> stop = true;
                    }
                } catch (RuntimeException e) {
                    // never let the thread die: writers would then block on a full queue
                    LOG.log(Level.WARNING, "encoding output for " + file + " failed", e);
                }
                item = encoder.size() < BATCH_BYTES ? queue.poll() : null;
            }
            try {
                if (!failed) {
                    write(encoder);
                }
            } catch (IOException e) {
                // Keep draining so the container never blocks on a log that cannot be written.
                failed = true;
                LOG.log(Level.WARNING, "writing " + file + " failed, dropping its output: " + e.getMessage());
            }
            encoder.reset();
            if (stop) {
                return;
            }
        }
    }

    private void write(LogEntryEncoder encoder) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(encoder.array(), 0, encoder.size());
        synchronized (channel) {
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        }
    }

    private sealed interface Item permits Chunk, EndOfStream, Stop {
    }

    private record Chunk(LineSplitter splitter, byte[] data, Instant time) implements Item {
    }

    private record EndOfStream(LineSplitter splitter, Instant time) implements Item {
    }

    private record Stop() implements Item {
    }

    /** The caller's side copies and queues; {@link #split} and {@link #flush} run on the writer thread. */
    private final class LineSplitter extends OutputStream {

        private final LogStream stream;
        private byte[] pending = new byte[256];
        private int pendingSize;
        private boolean closed;

        LineSplitter(LogStream stream) {
            this.stream = stream;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (JsonFileLogWriter.this.closed) {
                throw new IOException("the log " + file + " is closed");
            }
            if (len > 0) {
                enqueue(new Chunk(this, Arrays.copyOfRange(b, off, off + len), clock.instant()));
            }
        }

        @Override
        public void close() throws IOException {
            if (!closed) {
                closed = true;
                enqueue(new EndOfStream(this, clock.instant()));
            }
        }

        void split(byte[] b, Instant time, LogEntryEncoder encoder) {
            int start = 0;
            for (int i = 0; i < b.length; i++) {
                if (b[i] == '\n' || pendingSize + (i + 1 - start) >= MAX_ENTRY_BYTES) {
                    if (pendingSize == 0) {
                        encoder.append(stream, b, start, i + 1 - start, time);
                    } else {
                        keep(b, start, i + 1 - start);
                        flush(time, encoder);
                    }
                    start = i + 1;
                }
            }
            keep(b, start, b.length - start);
        }

        void flush(Instant time, LogEntryEncoder encoder) {
            if (pendingSize > 0) {
                encoder.append(stream, pending, 0, pendingSize, time);
                pendingSize = 0;
            }
        }

        private void keep(byte[] b, int off, int len) {
            if (pendingSize + len > pending.length) {
                pending = Arrays.copyOf(pending, Math.max(pending.length * 2, pendingSize + len));
            }
            System.arraycopy(b, off, pending, pendingSize, len);
            pendingSize += len;
        }
    }
}
