package dev.berth.daemon;

import sun.misc.Signal;

/**
 * SIGTERM and SIGINT end berthd cleanly with exit status 0, as they end dockerd. Without a
 * handler the JVM would run its shutdown hooks and exit with 143/130. sun.misc.Signal is
 * the JDK's supported way to do this (module jdk.unsupported).
 */
final class StopSignals {

    private StopSignals() {
    }

    static void onTermOrInt(Runnable action) {
        Signal.handle(new Signal("TERM"), s -> action.run());
        Signal.handle(new Signal("INT"), s -> action.run());
    }
}
