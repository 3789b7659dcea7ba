package dev.berth.compose.project;

import dev.berth.compose.model.Dependency;
import dev.berth.compose.model.Project;
import dev.berth.compose.model.Service;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Convergence, as {@code docker compose up} does it: networks and volumes first, then for each
 * service in dependency order its image, the wait for its dependencies' conditions, and its
 * containers. A container whose config hash and image are unchanged is left alone (only started
 * if it is not running); a changed one is recreated under the same name and number; replicas
 * beyond the wanted count are removed, highest number first; missing numbers are created.
 */
public final class Up {

    private final ContainerActions actions;
    private final ProjectContainers containers;
    private final ProjectResources resources;
    private final ServiceImages images;
    private final ServiceMapper.FileSources files;
    private final DependencyWait waits;

    public Up(ContainerActions actions, ServiceImages images, ServiceMapper.FileSources files) {
        this.actions = actions;
        this.containers = new ProjectContainers(actions.client());
        this.resources = new ProjectResources(actions.client(), actions.progress());
        this.images = images;
        this.files = files;
        this.waits = new DependencyWait(actions.client(), actions.progress());
    }

    /** Converges {@code project}; returns the selected services' containers, by service, as they now are. */
    public Map<String, List<ProjectContainer>> run(Project project, UpOptions options) throws IOException, InterruptedException {
        List<Service> selected = ServiceSelection.of(project, options.services(), !options.noDeps());
        resources.ensureNetworks(project);
        resources.ensureVolumes(project);
        Map<String, String> imageIds = new LinkedHashMap<>();
        for (Service s : selected) {
            imageIds.put(s.name(), images.ensure(project, s, options.build(), options.noBuild()));
        }
        List<ProjectContainer> observed = containers.list(project.name(), true, ProjectContainers.OneOff.EXCLUDE, List.of());
        orphans(project, observed, options);
        Map<String, List<ProjectContainer>> result = new LinkedHashMap<>();
        for (Service s : selected) {
            if (options.start()) {
                awaitDependencies(project, s, result, options);
            }
            converge(project, s, imageIds.get(s.name()), observed, options);
            result.put(s.name(), containers.list(project.name(), true, ProjectContainers.OneOff.EXCLUDE, List.of(s.name())));
        }
        return result;
    }

    private void converge(Project project, Service service, String imageId, List<ProjectContainer> observed,
            UpOptions options) throws IOException {
        int want = options.scale().getOrDefault(service.name(), service.replicas());
        if (want > 1 && service.containerName() != null) {
            throw new IllegalArgumentException("services.scale: can't set container_name and " + service.name()
                    + " as container name must be unique");
        }
        ContainerTemplate template = ServiceMapper.template(project, service, ServiceImages.reference(project, service), files);
        List<ProjectContainer> existing = new ArrayList<>(observed.stream().filter(c -> c.service().equals(service.name())).toList());
        existing.sort(java.util.Comparator.comparingInt(ProjectContainer::number));
        while (existing.size() > want) {
            actions.stopAndRemove(existing.removeLast(), options.timeout(), false);
        }
        List<Integer> taken = new ArrayList<>();
        for (ProjectContainer c : existing) {
            taken.add(c.number());
            boolean changed = !template.hash().equals(c.configHash())
                    || (imageId != null && c.summary().imageId() != null && !imageId.equals(c.summary().imageId()));
            if (options.forceRecreate() || (changed && !options.noRecreate())) {
                actions.discard(c, options.timeout());
                String id = actions.create(c.name(), body(project, service, template, c.number()), template.extraNetworks(), "Recreate");
                if (options.start()) {
                    actions.start(id, c.name());
                }
            } else if (options.start() && !c.running()) {
                actions.start(c.id(), c.name());
            } else if (c.running()) {
                actions.progress().done("Container " + c.name(), "Running");
            }
        }
        for (int n : ResourceNames.free(taken, want - existing.size())) {
            String name = service.containerName() != null ? service.containerName()
                    : ResourceNames.container(project.name(), service.name(), n);
            String id = actions.create(name, body(project, service, template, n), template.extraNetworks(), "Create");
            if (options.start()) {
                actions.start(id, name);
            }
        }
    }

    /** The template's body with this replica's labels: its number and compose's depends_on. */
    static Map<String, Object> body(Project project, Service service, ContainerTemplate template, int number) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(ComposeLabels.CONTAINER_NUMBER, Integer.toString(number));
        labels.put(ComposeLabels.DEPENDS_ON, dependsOnLabel(service));
        return template.forContainer(labels);
    }

    /** {@code db:service_healthy:false,...}: compose's depends_on label. */
    static String dependsOnLabel(Service service) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, Dependency> d : service.dependsOn().entrySet()) {
            parts.add(d.getKey() + ":" + d.getValue().condition().wireName() + ":" + d.getValue().restart());
        }
        return String.join(",", parts);
    }

    private void awaitDependencies(Project project, Service service, Map<String, List<ProjectContainer>> converged,
            UpOptions options) throws IOException, InterruptedException {
        for (Map.Entry<String, Dependency> d : service.dependsOn().entrySet()) {
            List<ProjectContainer> deps = converged.get(d.getKey());
            if (deps == null) {
                // not brought up by this run (--no-deps): wait on what is there
                deps = containers.list(project.name(), true, ProjectContainers.OneOff.EXCLUDE, List.of(d.getKey()));
            }
            DependencyWait.Condition condition = DependencyWait.Condition.of(d.getValue().condition().wireName());
            try {
                waits.await(d.getKey(), deps, condition, options.waitTimeout());
            } catch (IllegalStateException e) {
                if (d.getValue().required()) {
                    throw e;
                }
                actions.progress().warning(e.getMessage());
            }
        }
    }

    private void orphans(Project project, List<ProjectContainer> observed, UpOptions options) throws IOException {
        Set<String> known = new java.util.HashSet<>(project.services().keySet());
        known.addAll(project.disabledServices().keySet());
        List<ProjectContainer> orphans = observed.stream().filter(c -> !known.contains(c.service())).toList();
        if (orphans.isEmpty()) {
            return;
        }
        if (options.removeOrphans()) {
            for (ProjectContainer c : orphans) {
                actions.stopAndRemove(c, options.timeout(), false);
            }
            return;
        }
        actions.progress().warning("Found orphan containers (" + orphans.stream().map(ProjectContainer::name).toList()
                + ") for this project. If you removed or renamed this service in your compose file, you can run this"
                + " command with the --remove-orphans flag to clean it up.");
    }
}
