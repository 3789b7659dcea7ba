package dev.berth.cli.command.compose;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.api.client.LogsOptions;
import dev.berth.cli.CliContext;
import dev.berth.compose.project.ComposeLabels;
import dev.berth.compose.project.ContainerActions;
import dev.berth.compose.project.Lifecycle;
import dev.berth.compose.project.LogFollower;
import dev.berth.compose.project.LogPrefixes;
import dev.berth.compose.project.ProjectContainer;
import dev.berth.compose.project.ProjectContainers;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * The foreground {@code up}: the containers' output since the up began, prefixed per
 * container, until every one has stopped. The first Ctrl-C stops them all ("Gracefully
 * stopping... (press Ctrl+C again to force)"), a second kills them. With
 * {@code --abort-on-container-exit} the first container to stop stops the rest, and its exit
 * code (or that of {@code --exit-code-from}'s service) is the command's. A container that its
 * restart policy brings back is followed again ("web-1 exited with code 1", then its new output);
 * with {@link #followReplacements} (up --watch) so is the container that replaces one when a
 * rebuild recreates its service.
 */
final class AttachedProject {

    /** How long a container that exited may take to show as restarting before it counts as down. */
    private static final Duration RESTART_GRACE = Duration.ofSeconds(2);
    /** How long a stopped container's replacement may take to start (a recreate: stop, create, start). */
    private static final Duration REPLACE_GRACE = Duration.ofSeconds(10);

    private final CliContext ctx;
    private final ContainerActions actions;
    private final List<ProjectContainer> containers;
    private final boolean colour;
    private final boolean prefix;
    /** Per container, the StartedAt of the run whose logs were followed last. */
    private final Map<String, String> followedRun = new ConcurrentHashMap<>();
    /** The IDs followed now: a replacement takes its predecessor's place. */
    private final Set<String> followed = ConcurrentHashMap.newKeySet();
    private volatile boolean followReplacements;

    AttachedProject(CliContext ctx, ContainerActions actions, List<ProjectContainer> containers, boolean colour, boolean prefix) {
        this.ctx = ctx;
        this.actions = actions;
        this.containers = containers;
        this.colour = colour;
        this.prefix = prefix;
        containers.forEach(c -> followed.add(c.id()));
    }

    /** Follows the container that replaces a stopped one under the same name (a watch rebuild recreates them). */
    AttachedProject followReplacements() {
        this.followReplacements = true;
        return this;
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
            if (actions.progress() instanceof ComposeProgress live) {
                live.settle();
            }
            try {
                lifecycle.stop(refreshed(), timeout);
            } catch (IOException e) {
                ctx.err().println(e.getMessage());
            }
        }));
        ComposeLogPrinter[] printer = new ComposeLogPrinter[1];
        LogFollower[] follower = new LogFollower[1];
        printer[0] = new ComposeLogPrinter(ctx.out(), ctx.err(), prefixes, prefix, c -> {
            int code = exitCodeOf(c);
            printer[0].status(c, "exited with code " + code);
            if (!abortOnExit && stopping.get() == null
                    && (followAgain(follower[0], c, stopping) || followReplacement(follower[0], c, stopping))) {
                return;
            }
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
        try (LogFollower logs = new LogFollower(actions.client(), printer[0])) {
            follower[0] = logs;
            for (ProjectContainer c : containers) {
                followedRun.put(c.id(), startedAt(c));
                logs.follow(c, new LogsOptions(true, true, true, "all", false, sinceText, null, false));
            }
            logs.awaitAll();
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

    /**
     * After a container's stream ended: when its restart policy brings it back (the daemon
     * shows it restarting or running again within a moment), follows its new run's logs from
     * its new start, as compose keeps following a restarted container. False when it stays down.
     */
    private boolean followAgain(LogFollower follower, ProjectContainer c, AtomicReference<Thread> stopping) {
        long deadline = System.nanoTime() + RESTART_GRACE.toNanos();
        return poll(stopping, () -> {
            JsonNode inspect = actions.client().containers().inspectRaw(c.id());
            JsonNode state = inspect.path("State");
            String policy = inspect.path("HostConfig").path("RestartPolicy").path("Name").asText("no");
            if (policy.isEmpty() || policy.equals("no")) {
                return Poll.NO;
            }
            String started = state.path("StartedAt").asText("");
            if (!started.equals(followedRun.get(c.id())) && !state.path("Restarting").asBoolean()) {
                // a new run began (it may even have ended already: its logs are kept)
                followRun(follower, c, started);
                return Poll.YES;
            }
            return !state.path("Restarting").asBoolean() && System.nanoTime() > deadline ? Poll.NO : Poll.AGAIN;
        });
    }

    /**
     * After a container's stream ended and it did not restart: when another container of the
     * same name runs within a moment (its service was recreated), follows that one from its
     * start in its place. False when nothing replaces it, or when not watching.
     */
    private boolean followReplacement(LogFollower follower, ProjectContainer c, AtomicReference<Thread> stopping) {
        if (!followReplacements) {
            return false;
        }
        String project = c.labels().get(ComposeLabels.PROJECT);
        var projectContainers = new ProjectContainers(actions.client());
        long deadline = System.nanoTime() + REPLACE_GRACE.toNanos();
        return poll(stopping, () -> {
            if (System.nanoTime() >= deadline) {
                return Poll.NO;
            }
            var next = projectContainers.list(project, false, ProjectContainers.OneOff.EXCLUDE, List.of(c.service()))
                    .stream()
                    .filter(n -> n.name().equals(c.name()) && !n.id().equals(c.id()) && n.running())
                    .findFirst();
            if (next.isEmpty()) {
                return Poll.AGAIN;
            }
            followed.remove(c.id());
            followed.add(next.get().id());
            followRun(follower, next.get(), startedAt(next.get()));
            return Poll.YES;
        });
    }

    /** One look at the daemon: found (and followed), given up, or look again in a moment. */
    private enum Poll { YES, NO, AGAIN }

    @FunctionalInterface
    private interface Look {
        Poll next() throws IOException;
    }

    /**
     * Looks every 100 ms until {@code look} decides, while the up is not stopping; a daemon that
     * cannot be asked counts as no.
     */
    private static boolean poll(AtomicReference<Thread> stopping, Look look) {
        try {
            while (stopping.get() == null) {
                Poll answer = look.next();
                if (answer != Poll.AGAIN) {
                    return answer == Poll.YES;
                }
                Thread.sleep(100);
            }
            return false;
        } catch (IOException | RuntimeException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Follows the logs of the container's run that began at {@code started} (inspect's StartedAt). */
    private void followRun(LogFollower follower, ProjectContainer c, String started) throws IOException {
        followedRun.put(c.id(), started);
        Instant at = started.isEmpty() ? Instant.now() : Instant.parse(started);
        String since = at.getEpochSecond() + "." + String.format("%09d", at.getNano());
        follower.follow(c, new LogsOptions(true, true, true, "all", false, since, null, false));
    }

    /** When the container's current (or last) run began, as inspect says it. */
    private String startedAt(ProjectContainer c) {
        try {
            return actions.client().containers().inspectRaw(c.id()).path("State").path("StartedAt").asText("");
        } catch (IOException e) {
            return "";
        }
    }

    /** The containers as they are now: the state decides whether stop has anything to do. */
    private List<ProjectContainer> refreshed() throws IOException {
        Set<String> ids = Set.copyOf(followed);
        String project = containers.getFirst().labels().get(ComposeLabels.PROJECT);
        return new ProjectContainers(actions.client())
                .list(project, true, ProjectContainers.OneOff.EXCLUDE, List.of())
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
