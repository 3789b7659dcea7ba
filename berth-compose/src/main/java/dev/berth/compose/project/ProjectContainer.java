package dev.berth.compose.project;

import dev.berth.api.types.container.ContainerSummary;
import java.util.Map;

/**
 * A container of a project as the daemon lists it, read through compose's labels.
 * {@code number} is -1 for a one-off container; {@code state} is the API's (running, exited...).
 */
public record ProjectContainer(String id, String name, String service, int number, boolean oneOff,
        String configHash, String state, String image, Map<String, String> labels, ContainerSummary summary) {

    static ProjectContainer of(ContainerSummary s) {
        Map<String, String> labels = s.labels() == null ? Map.of() : s.labels();
        String name = s.names() == null || s.names().isEmpty() ? s.id() : ResourceNames.bare(s.names().getFirst());
        return new ProjectContainer(s.id(), name, labels.getOrDefault(ComposeLabels.SERVICE, ""),
                ResourceNames.number(labels.get(ComposeLabels.CONTAINER_NUMBER)),
                "True".equalsIgnoreCase(labels.get(ComposeLabels.ONEOFF)), labels.get(ComposeLabels.CONFIG_HASH),
                s.state(), s.image(), labels, s);
    }

    public boolean running() {
        return "running".equals(state) || "restarting".equals(state) || "paused".equals(state);
    }

    public boolean paused() {
        return "paused".equals(state);
    }

    /**
     * The name compose shows in log prefixes: the container name without the project, or the
     * custom {@code container_name} as it is.
     */
    public String shortName() {
        String project = labels.getOrDefault(ComposeLabels.PROJECT, "");
        String prefix = project + "-";
        return name.startsWith(prefix) ? name.substring(prefix.length()) : name;
    }
}
