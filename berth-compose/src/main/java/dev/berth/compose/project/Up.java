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
 * Convergence, as {@code docker compose up} does it: networks and volumes first, then the
 * images, then each service's containers once its dependencies have converged and met their
 * conditions (independent services in parallel). A container whose config hash and image are unchanged is left alone (only started
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

    /**
     * Converges {@code project}; returns the selected services' containers, by service, as they
     * now are. Services converge concurrently as compose's graph traversal does: each one as
     * soon as every service it depends on has converged (and met its condition), so independent
     * services start together and a chain starts in order. The first failure, in dependency
     * order, is the one thrown; dependents of a failed service do not start.
     */
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
        Map<String, List<String>> after = new LinkedHashMap<>();
        selected.forEach(s -> after.put(s.name(), List.copyOf(s.dependsOn().keySet())));
        Map<String, Converged> converged = ParallelGraph.run(selected.stream().map(Service::name).toList(), after,
                (name, dependencies) -> convergeAfterDependencies(project, project.service(name), imageIds.get(name),
                        observed, dependencies, options));
        Map<String, List<ProjectContainer>> result = new LinkedHashMap<>();
        converged.forEach((name, c) -> result.put(name, c.containers()));
        return result;
    }

    /** What converging one service did: its containers, and whether any was (re)created. */
    private record Converged(List<ProjectContainer> containers, boolean updated) {
    }

    private Converged convergeAfterDependencies(Project project, Service s, String imageId, List<ProjectContainer> observed,
            Map<String, Converged> dependencies, UpOptions options) throws IOException, InterruptedException {
        boolean dependencyUpdated = false;
        for (Map.Entry<String, Dependency> d : s.dependsOn().entrySet()) {
            Converged c = dependencies.get(d.getKey());
            dependencyUpdated |= c != null && c.updated() && d.getValue().restart();
        }
        if (options.start()) {
            awaitDependencies(project, s, dependencies, options);
        }
        boolean updated = converge(project, s, imageId, observed, options, dependencyUpdated);
        return new Converged(containers.list(project.name(), true, ProjectContainers.OneOff.EXCLUDE, List.of(s.name())), updated);
    }

    /**
     * Brings one service's containers to the wanted state; true when any was created or
     * recreated (its dependents with {@code restart: true} are then restarted). A container
     * left as it was is restarted when {@code dependencyUpdated}.
     */
    private boolean converge(Project project, Service service, String imageId, List<ProjectContainer> observed,
            UpOptions options, boolean dependencyUpdated) throws IOException {
        boolean updated = false;
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
                updated = true;
                if (options.start()) {
                    actions.start(id, c.name());
                }
            } else if (options.start() && !c.running()) {
                actions.start(c.id(), c.name());
            } else if (c.running() && dependencyUpdated && options.start()) {
                actions.restart(c.id(), c.name(), options.timeout());
            } else if (c.running()) {
                actions.progress().done("Container " + c.name(), "Running");
            }
        }
        for (int n : ResourceNames.free(taken, want - existing.size())) {
            String name = service.containerName() != null ? service.containerName()
                    : ResourceNames.container(project.name(), service.name(), n);
            String id = actions.create(name, body(project, service, template, n), template.extraNetworks(), "Create");
            updated = true;
            if (options.start()) {
                actions.start(id, name);
            }
        }
        return updated;
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

    private void awaitDependencies(Project project, Service service, Map<String, Converged> converged,
            UpOptions options) throws IOException, InterruptedException {
        for (Map.Entry<String, Dependency> d : service.dependsOn().entrySet()) {
            Converged dep = converged.get(d.getKey());
            List<ProjectContainer> deps = dep == null ? null : dep.containers();
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
