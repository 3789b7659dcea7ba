package dev.berth.engine.events;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The engine's events: services {@link #publish} them, {@code GET /events} readers
 * {@link #subscribe}. The latest {@value #HISTORY} events are kept in memory so that a
 * reader asking for {@code since} a past time gets them first (dockerd keeps a bounded
 * buffer too; nothing is persisted, so a daemon restart forgets them).
 *
 * <p>Thread-safe. Publishing never blocks on a slow reader: each subscription has its own
 * bounded queue, and a reader that falls {@value #QUEUE} events behind loses the oldest.
 */
public final class EventBus {

    static final int HISTORY = 1024;
    static final int QUEUE = 4096;

    private final Clock clock;
    private final ArrayDeque<Event> history = new ArrayDeque<>();
    private final Set<Subscription> subscribers = new CopyOnWriteArraySet<>();

    public EventBus(Clock clock) {
        this.clock = clock;
    }

    /** Records an event happening now and hands it to every subscriber. */
    public Event publish(String type, String action, String actorId, Map<String, String> attributes) {
        Event event = new Event(type, action, actorId, attributes, now());
        synchronized (history) {
            if (history.size() == HISTORY) {
                history.removeFirst();
            }
            history.addLast(event);
            for (Subscription s : subscribers) {
                s.offer(event);
            }
        }
        return event;
    }

    /**
     * A live feed from now on, starting with the kept events at or after {@code since}
     * (none when null). No event is seen twice or missed between the two.
     */
    public Subscription subscribe(Instant since) {
        Subscription s = new Subscription();
        synchronized (history) {
            if (since != null) {
                for (Event e : history) {
                    if (!e.time().isBefore(since)) {
                        s.offer(e);
                    }
                }
            }
            subscribers.add(s);
        }
        return s;
    }

    /** The kept events in the window, oldest first (for a reader with an {@code until} in the past). */
    public List<Event> history(Instant since, Instant until) {
        List<Event> out = new ArrayList<>();
        synchronized (history) {
            for (Event e : history) {
                if ((since == null || !e.time().isBefore(since)) && (until == null || !e.time().isAfter(until))) {
                    out.add(e);
                }
            }
        }
        return out;
    }

    public Instant now() {
        return clock.instant();
    }

    /** One reader's feed; close it when the reader goes. */
    public final class Subscription implements AutoCloseable {

        private final BlockingQueue<Event> queue = new LinkedBlockingQueue<>(QUEUE);

        private void offer(Event e) {
            while (!queue.offer(e)) {
                queue.poll();
            }
        }

        /** The next event, or null when none came within the timeout. */
        public Event next(long timeout, TimeUnit unit) throws InterruptedException {
            return queue.poll(timeout, unit);
        }

        @Override
        public void close() {
            subscribers.remove(this);
        }
    }
}
