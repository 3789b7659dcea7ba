package dev.berth.engine.containers;

import dev.berth.api.stream.StdStream;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Fans a running container's stdout and stderr out to whoever is attached. The log writer
 * is just another listener. A listener that fails (a client that went away) is dropped; the
 * container never blocks on, or dies of, a slow or broken client beyond its own write.
 *
 * <p>{@link #close()} is called once after the container's output has been drained: every
 * listener then sees {@link Listener#end()}, so an attached client receives all output
 * before its stream ends.
 */
public final class OutputHub implements AutoCloseable {

    /** Receives a container's output. Calls for one hub are serialised. */
    public interface Listener {
        void output(StdStream stream, byte[] data, int offset, int length) throws IOException;

        /** The container's output ended (it exited); no more calls follow. */
        default void end() {
        }
    }

    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    /** Adds a listener; returns false when the output has already ended. */
    public synchronized boolean add(Listener listener) {
        if (closed) {
            return false;
        }
        listeners.add(listener);
        return true;
    }

    public void remove(Listener listener) {
        listeners.remove(listener);
    }

    public synchronized void publish(StdStream stream, byte[] data, int offset, int length) {
        for (Listener l : listeners) {
            try {
                l.output(stream, data, offset, length);
            } catch (IOException | RuntimeException e) {
                listeners.remove(l);
            }
        }
    }

    public boolean isClosed() {
        return closed;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (Listener l : listeners) {
            l.end();
        }
        listeners.clear();
    }
}
