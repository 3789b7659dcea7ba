package dev.berth.engine.distribution;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Bytes from one producing thread to one consuming thread in chunks of 256 KiB, at most a few
 * in flight: a push compresses a layer into it while the HTTP client sends what is ready.
 * Unlike {@code PipedInputStream} it does not care which (pooled) thread reads. Closing the
 * input makes the producer's next write fail; a producer that fails calls {@link #fail} so
 * the reader does not take a truncated stream for a whole one.
 */
final class BlobPipe {

    private static final int CHUNK = 256 * 1024;
    private static final byte[] END = new byte[0];

    private final BlockingQueue<byte[]> chunks = new ArrayBlockingQueue<>(8);
    private volatile boolean readerGone;
    private volatile IOException failure;

    private final OutputStream output = new BlockOutputStream(CHUNK) {
        @Override
        protected void block(byte[] buf, int length) throws IOException {
            put(java.util.Arrays.copyOf(buf, length));
        }

        @Override
        public void close() throws IOException {
            drain();
            put(END);
        }
    };

    private final InputStream input = new InputStream() {
        private byte[] current = new byte[0];
        private int pos;
        private boolean ended;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            while (pos == current.length) {
                if (ended) {
                    return -1;
                }
                try {
                    current = chunks.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("blob pipe");
                }
                pos = 0;
                if (current == END) {
                    ended = true;
                    if (failure != null) {
                        throw new IOException("the blob's producer failed", failure);
                    }
                }
            }
            int take = Math.min(len, current.length - pos);
            System.arraycopy(current, pos, b, off, take);
            pos += take;
            return take;
        }

        @Override
        public void close() {
            readerGone = true;
            chunks.clear(); // a producer blocked on a full queue wakes and sees the reader gone
        }
    };

    OutputStream output() {
        return output;
    }

    InputStream input() {
        return input;
    }

    /** The producer failed: the reader gets {@code e} instead of the end of the stream. */
    void fail(IOException e) {
        failure = e;
        try {
            put(END);
        } catch (IOException ignored) {
            // the reader is gone already
        }
    }

    private void put(byte[] chunk) throws IOException {
        try {
            while (!readerGone) {
                if (chunks.offer(chunk, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
            throw new IOException("the upload stopped reading the blob");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("blob pipe");
        }
    }
}
