package dev.berth.cli.command.container;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * docker's sig-proxy: while attached to a container without a TTY, signals the CLI receives
 * go to the container ({@code POST /containers/{id}/kill?signal=INT}) instead of ending the
 * CLI. sun.misc.Signal (module jdk.unsupported) is the only public way to catch them; JDK's
 * own handlers come back on {@link #close()}. Signals the JVM reserves (QUIT) are skipped.
 */
final class SignalProxy implements AutoCloseable {

    private static final List<String> FORWARDED = List.of("INT", "TERM", "HUP", "USR2");

    private record Installed(Signal signal, SignalHandler previous) {
    }

    private final List<Installed> installed = new ArrayList<>();

    private SignalProxy() {
    }

    /** {@code kill} receives docker's signal name ("INT") and must not block the signal thread. */
    static SignalProxy forward(Consumer<String> kill) {
        SignalProxy proxy = new SignalProxy();
        for (String name : FORWARDED) {
            try {
                Signal signal = new Signal(name);
                SignalHandler previous = Signal.handle(signal, s -> Thread.ofVirtual().start(() -> kill.accept(name)));
                proxy.installed.add(new Installed(signal, previous));
            } catch (IllegalArgumentException reservedByTheVm) {
                // the JVM keeps this one; the container does not get it
            }
        }
        return proxy;
    }

    @Override
    public void close() {
        for (Installed i : installed) {
            Signal.handle(i.signal(), i.previous());
        }
    }
}
