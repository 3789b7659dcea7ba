package dev.berth.cli.command.compose;

import dev.berth.cli.CliFailure;
import dev.berth.compose.model.Project;
import dev.berth.compose.watch.Watch;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Runs a {@link Watch} on a thread of its own until Ctrl-C or SIGTERM (in {@code watch}) or
 * until the caller ends it (the foreground {@code up --watch}, when its containers stop). The
 * containers are left as they are, as docker compose's watch leaves them.
 */
final class WatchSession implements AutoCloseable {

    private final Thread thread;

    private WatchSession(Thread thread) {
        this.thread = thread;
    }

    /** Checks that the selected services have watch rules; fails as compose does when none has. */
    static void check(Project project, List<String> services) {
        try {
            Watch.filters(project, services);
        } catch (IllegalArgumentException e) {
            throw new CliFailure(1, e.getMessage());
        } catch (IOException e) {
            throw new CliFailure(1, e.getMessage());
        }
    }

    /** Starts watching; its messages go to {@code out}. */
    static WatchSession start(Watch watch, Project project, List<String> services, boolean prune, PrintStream err) {
        Thread t = Thread.ofPlatform().name("compose-watch").daemon(true).start(() -> {
            try {
                watch.run(project, services, prune);
            } catch (IOException | RuntimeException e) {
                err.println("watch: " + e.getMessage());
            }
        });
        return new WatchSession(t);
    }

    /** Waits until SIGINT or SIGTERM, then ends the watch. */
    void awaitSignal() throws InterruptedException {
        Thread waiting = Thread.currentThread();
        SignalHandler onSignal = s -> waiting.interrupt();
        SignalHandler previousInt = Signal.handle(new Signal("INT"), onSignal);
        SignalHandler previousTerm = Signal.handle(new Signal("TERM"), onSignal);
        try {
            thread.join();
        } catch (InterruptedException e) {
            // the signal: end the watch below
        } finally {
            Signal.handle(new Signal("INT"), previousInt);
            Signal.handle(new Signal("TERM"), previousTerm);
        }
        close();
    }

    @Override
    public void close() throws InterruptedException {
        thread.interrupt();
        thread.join(5_000);
    }
}
