package dev.berth.cli.command.compose;

import dev.berth.api.client.LogsOptions;
import dev.berth.cli.CliContext;
import dev.berth.compose.project.ContainerActions;
import dev.berth.compose.project.Lifecycle;
import dev.berth.compose.project.LogFollower;
import dev.berth.compose.project.LogPrefixes;
import dev.berth.compose.project.ProjectContainer;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * The foreground {@code up}: the containers' output since the up began, prefixed per
 * container, until every one has stopped. The first Ctrl-C stops them all ("Gracefully
 * stopping... (press Ctrl+C again to force)"), a second kills them. With
 * {@code --abort-on-container-exit} the first container to stop stops the rest, and its exit
 * code (or that of {@code --exit-code-from}'s service) is the command's.
 */
final class AttachedProject {

    private final CliContext ctx;
    private final ContainerActions actions;
    private final List<ProjectContainer> containers;
    private final boolean colour;
    private final boolean prefix;

    AttachedProject(CliContext ctx, ContainerActions actions, List<ProjectContainer> containers, boolean colour, boolean prefix) {
        this.ctx = ctx;
        this.actions = actions;
        this.containers = containers;
        this.colour = colour;
        this.prefix = prefix;
    }

    int run(Instant since, boolean abortOnExit, String exitCodeFrom, Duration timeout) throws IOException {
        if (containers.isEmpty()) {
            return 0;
        }
        ctx.out().println("Attaching to " + String.join(", ", containers.stream().map(ProjectContainer::shortName).toList()));
        LogPrefixes prefixes = new LogPrefixes(containers.stream().map(ProjectContainer::shortName).toList(), colour);
        AtomicInteger exitCode = new AtomicInteger(0);
        AtomicReference<Thread> stopping = new AtomicReference<>();
        AtomicInteger interrupts = new AtomicInteger();
        Lifecycle lifecycle = new Lifecycle(actions);
        Runnable stopAll = () -> stopping.compareAndSet(null, Thread.ofVirtual().start(() -> {
            try {
                lifecycle.stop(refreshed(), timeout);
            } catch (IOException e) {
                ctx.err().println(e.getMessage());
            }
        }));
        ComposeLogPrinter[] printer = new ComposeLogPrinter[1];
        printer[0] = new ComposeLogPrinter(ctx.out(), ctx.err(), prefixes, prefix, c -> {
            int code = exitCodeOf(c);
            printer[0].status(c, "exited with code " + code);
            boolean chosen = exitCodeFrom == null ? true : c.service().equals(exitCodeFrom);
            if (abortOnExit && stopping.get() == null) {
                if (chosen) {
                    exitCode.set(code);
                }
                ctx.out().println("Aborting on container exit...");
                stopAll.run();
            } else if (abortOnExit && chosen && exitCodeFrom != null) {
                exitCode.set(code);
            }
        });
        SignalHandler previous = Signal.handle(new Signal("INT"), s -> {
            if (interrupts.incrementAndGet() == 1) {
                ctx.err().println("Gracefully stopping... (press Ctrl+C again to force)");
                exitCode.set(130);
                stopAll.run();
            } else {
                Thread.ofVirtual().start(() -> {
                    try {
                        lifecycle.kill(refreshed(), "KILL");
                    } catch (IOException e) {
                        ctx.err().println(e.getMessage());
                    }
                });
            }
        });
        String sinceText = since.getEpochSecond() + "." + String.format("%09d", since.getNano());
        try (LogFollower follower = new LogFollower(actions.client(), printer[0])) {
            for (ProjectContainer c : containers) {
                follower.follow(c, new LogsOptions(true, true, true, "all", false, sinceText, null, false));
            }
            follower.awaitAll();
            Thread t = stopping.get();
            if (t != null) {
                t.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        } finally {
            Signal.handle(new Signal("INT"), previous);
        }
        return exitCode.get();
    }

    /** The containers as they are now: the state decides whether stop has anything to do. */
    private List<ProjectContainer> refreshed() throws IOException {
        List<String> ids = containers.stream().map(ProjectContainer::id).toList();
        String project = containers.getFirst().labels().get(dev.berth.compose.project.ComposeLabels.PROJECT);
        return new dev.berth.compose.project.ProjectContainers(actions.client())
                .list(project, true, dev.berth.compose.project.ProjectContainers.OneOff.EXCLUDE, List.of())
                .stream().filter(c -> ids.contains(c.id())).toList().reversed();
    }

    private int exitCodeOf(ProjectContainer c) {
        try {
            return actions.client().containers().inspectRaw(c.id()).path("State").path("ExitCode").asInt();
        } catch (IOException e) {
            return -1;
        }
    }
}
