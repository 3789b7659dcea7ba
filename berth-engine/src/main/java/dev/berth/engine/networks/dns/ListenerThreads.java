package dev.berth.engine.networks.dns;

import java.time.Duration;

/**
 * The end of a listener's thread, which is when its address is free again: a socket closed while
 * a (virtual) thread is blocked on it keeps its file descriptor until that thread wakes up and
 * leaves. Every berthd listener that may be re-bound at once (the DNS server of a network
 * re-created on the same gateway, a published port moved to a new address or restarted) closes
 * its socket and then waits here, so that its {@code close()} returns with the address free.
 * It lives in this JDK-only package so that both the DNS server and the port proxies above it
 * can use it.
 */
public final class ListenerThreads {

    /** How long a close waits for its listener to leave. */
    private static final Duration RELEASE_WAIT = Duration.ofSeconds(5);

    private ListenerThreads() {
    }

    /** Waits for {@code listener} (may be null) to end, at most a few seconds. */
    public static void awaitEnd(Thread listener) {
        if (listener == null) {
            return;
        }
        try {
            listener.join(RELEASE_WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
