package dev.berth.compose.project;

import dev.berth.api.client.ContainerListOptions;
import dev.berth.api.client.EngineClient;
import dev.berth.api.client.Filters;
import dev.berth.api.types.container.ContainerSummary;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Finds a project's containers by label, as compose does: {@code label=com.docker.compose.project=X},
 * so that the daemon is the only state there is (no file of ours says what a project has).
 */
public final class ProjectContainers {

    /** Which containers: one-offs (compose run) are left out unless asked for. */
    public enum OneOff { EXCLUDE, INCLUDE, ONLY }

    private final EngineClient client;

    public ProjectContainers(EngineClient client) {
        this.client = client;
    }

    /**
     * The project's containers (stopped ones too when {@code all}), restricted to
     * {@code services} when that is not empty, sorted by service and number.
     */
    public List<ProjectContainer> list(String project, boolean all, OneOff oneOff, Collection<String> services)
            throws IOException {
        Filters filters = Filters.none().with("label", ComposeLabels.PROJECT + "=" + project);
        if (oneOff == OneOff.ONLY) {
            filters = filters.with("label", ComposeLabels.ONEOFF + "=True");
        }
        List<ProjectContainer> out = new ArrayList<>();
        for (ContainerSummary s : client.containers().list(new ContainerListOptions(all, 0, false, filters))) {
            ProjectContainer c = ProjectContainer.of(s);
            if (oneOff == OneOff.EXCLUDE && c.oneOff()) {
                continue;
            }
            if (services != null && !services.isEmpty() && !services.contains(c.service())) {
                continue;
            }
            out.add(c);
        }
        out.sort(Comparator.comparing(ProjectContainer::service).thenComparingInt(ProjectContainer::number)
                .thenComparing(ProjectContainer::name));
        return out;
    }

    /** All containers of the project, one-offs included, running or not. */
    public List<ProjectContainer> all(String project) throws IOException {
        return list(project, true, OneOff.INCLUDE, List.of());
    }
}
