package dev.berth.compose.project;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.api.client.EngineClient;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * Waits for a dependency's containers to reach a depends_on condition, polling inspect as
 * compose does: {@code service_started} needs nothing more than the start; {@code service_healthy}
 * waits for {@code State.Health.Status} "healthy" (unhealthy, or no healthcheck at all, is an
 * error); {@code service_completed_successfully} waits for an exit and wants status 0.
 */
public final class DependencyWait {

    /** compose's three conditions, by their file spelling. */
    public enum Condition {
        STARTED("service_started"), HEALTHY("service_healthy"), COMPLETED("service_completed_successfully");

        private final String spelling;

        Condition(String spelling) {
            this.spelling = spelling;
        }

        public String spelling() {
            return spelling;
        }

        public static Condition of(String spelling) {
            for (Condition c : values()) {
                if (c.spelling.equals(spelling)) {
                    return c;
                }
            }
            return STARTED;
        }
    }

    private static final Duration POLL = Duration.ofMillis(100);

    private final EngineClient client;
    private final Progress progress;

    public DependencyWait(EngineClient client, Progress progress) {
        this.client = client;
        this.progress = progress;
    }

    /** Blocks until every container satisfies {@code condition}; IllegalStateException when one cannot. */
    public void await(String service, List<ProjectContainer> containers, Condition condition, Duration timeout)
            throws IOException, InterruptedException {
        if (condition == Condition.STARTED) {
            return;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        for (ProjectContainer c : containers) {
            String resource = "Container " + c.name();
            progress.working(resource, "Waiting");
            try {
                while (!reached(c, condition, service)) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("timeout waiting for dependency " + service + " (" + c.name() + ")");
                    }
                    Thread.sleep(POLL);
                }
            } catch (IllegalStateException e) {
                // compose marks the dependency's line as failed before it reports why
                progress.event(resource, Progress.State.ERROR, "Error");
                throw e;
            }
            progress.done(resource, condition == Condition.HEALTHY ? "Healthy" : "Exited");
        }
    }

    /**
     * {@code up --wait}: every container running, and healthy when it has a healthcheck.
     * A container that exited is an error, as compose reports it.
     */
    public void awaitRunningOrHealthy(List<ProjectContainer> containers, Duration timeout)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (ProjectContainer c : containers) {
            String resource = "Container " + c.name();
            progress.working(resource, "Waiting");
            while (true) {
                JsonNode state = client.containers().inspectRaw(c.id()).path("State");
                String health = state.path("Health").path("Status").asText("");
                if (health.equals("unhealthy")) {
                    throw new IllegalStateException("container " + c.name() + " is unhealthy");
                }
                if (!state.path("Running").asBoolean() && !state.path("Restarting").asBoolean()) {
                    throw new IllegalStateException("container " + c.name() + " exited (" + state.path("ExitCode").asInt() + ")");
                }
                if (health.isEmpty() || health.equals("healthy")) {
                    progress.done(resource, health.isEmpty() ? "Running" : "Healthy");
                    break;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("timeout waiting for " + c.name() + " to be healthy");
                }
                Thread.sleep(POLL);
            }
        }
    }

    private boolean reached(ProjectContainer c, Condition condition, String service) throws IOException {
        JsonNode state = client.containers().inspectRaw(c.id()).path("State");
        return switch (condition) {
            case STARTED -> true;
            case HEALTHY -> {
                JsonNode health = state.path("Health");
                if (health.isMissingNode() || health.isNull()) {
                    throw new IllegalStateException("container " + c.name() + " has no healthcheck configured");
                }
                String status = health.path("Status").asText("");
                if (status.equals("unhealthy")) {
                    throw new IllegalStateException("dependency failed to start: container " + c.name() + " is unhealthy");
                }
                if (!state.path("Running").asBoolean() && status.isEmpty()) {
                    throw new IllegalStateException("dependency failed to start: container " + c.name() + " exited ("
                            + state.path("ExitCode").asInt() + ")");
                }
                yield status.equals("healthy");
            }
            case COMPLETED -> {
                String status = state.path("Status").asText("");
                if (!status.equals("exited") && !status.equals("dead")) {
                    yield false;
                }
                int code = state.path("ExitCode").asInt();
                if (code != 0) {
                    throw new IllegalStateException("service \"" + service + "\" didn't complete successfully: exit " + code);
                }
                yield true;
            }
        };
    }
}
