package dev.berth.compose.project;

import dev.berth.api.client.ApiException;
import dev.berth.compose.model.Project;
import dev.berth.compose.model.Service;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code down}: the project's containers stopped and removed (dependents first, independent
 * services in parallel), then its
 * networks; named volumes only with {@code -v}; images with {@code --rmi}. Works from the
 * labels alone when there is no file ({@code down -p name}); with a file, containers of
 * services no longer in it are left (with a warning) unless {@code --remove-orphans}.
 */
public final class Down {

    /** Which images {@code --rmi} removes: none, those built for the project, or all the services use. */
    public enum RemoveImages { NONE, LOCAL, ALL }

    public record Options(boolean volumes, RemoveImages images, boolean removeOrphans, Duration timeout) {
    }

    private final ContainerActions actions;
    private final ProjectFiles files;

    public Down(ContainerActions actions, ProjectFiles files) {
        this.actions = actions;
        this.files = files;
    }

    /** {@code model} may be null: then everything labelled with {@code project} goes. */
    public void run(String project, Project model, Options options) throws IOException {
        List<ProjectContainer> all = new ProjectContainers(actions.client()).all(project);
        List<ProjectContainer> doomed = new ArrayList<>();
        List<String> orphans = new ArrayList<>();
        for (ProjectContainer c : all) {
            boolean known = model == null || c.oneOff() || model.services().containsKey(c.service())
                    || model.disabledServices().containsKey(c.service());
            if (known || options.removeOrphans()) {
                doomed.add(c);
            } else {
                orphans.add(c.name());
            }
        }
        if (!orphans.isEmpty()) {
            actions.progress().warning("Found orphan containers (" + orphans + ") for this project. If you removed or renamed"
                    + " this service in your compose file, you can run this command with the --remove-orphans flag to clean it up.");
        }
        stopAndRemove(model, doomed, options);
        ProjectResources resources = new ProjectResources(actions.client(), actions.progress());
        resources.removeNetworks(project, model);
        if (options.volumes()) {
            resources.removeVolumes(project, model);
        }
        if (options.images() != RemoveImages.NONE) {
            removeImages(project, model, all, options.images());
        }
        files.remove(project);
    }

    /**
     * Each service's containers stopped then removed once every service that depends on it is
     * done, services in parallel as compose does (dependents first). The graph comes from the
     * file, or from the containers' depends_on labels when there is none.
     */
    private void stopAndRemove(Project model, List<ProjectContainer> doomed, Options options) throws IOException {
        Map<String, List<ProjectContainer>> byService = new LinkedHashMap<>();
        for (ProjectContainer c : doomed) {
            byService.computeIfAbsent(c.service(), k -> new ArrayList<>()).add(c);
        }
        Map<String, Set<String>> dependents = new LinkedHashMap<>();
        byService.forEach((service, containers) -> {
            for (String dependency : dependencies(model, service, containers)) {
                dependents.computeIfAbsent(dependency, k -> new LinkedHashSet<>()).add(service);
            }
        });
        try {
            ParallelGraph.run(List.copyOf(byService.keySet()), dependents, (service, before) -> {
                for (ProjectContainer c : byService.get(service)) {
                    if (c.running()) {
                        actions.stop(c.id(), c.name(), options.timeout());
                    }
                    actions.remove(c.id(), c.name(), true, options.volumes());
                }
                return service;
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while stopping the project");
        }
    }

    /** What {@code service} depends on: the file's depends_on, else compose's label on its containers. */
    private static Set<String> dependencies(Project model, String service, List<ProjectContainer> containers) {
        Set<String> out = new LinkedHashSet<>();
        Service s = model == null ? null : model.service(service);
        if (s != null) {
            out.addAll(s.dependsOn().keySet());
            return out;
        }
        for (ProjectContainer c : containers) {
            String label = c.labels().getOrDefault(ComposeLabels.DEPENDS_ON, "");
            for (String entry : label.split(",")) {
                if (!entry.isBlank()) {
                    out.add(entry.split(":")[0]);
                }
            }
        }
        return out;
    }

    private void removeImages(String project, Project model, List<ProjectContainer> containers, RemoveImages which)
            throws IOException {
        Set<String> images = new LinkedHashSet<>();
        if (model != null) {
            for (Service s : model.services().values()) {
                if (which == RemoveImages.ALL || s.image() == null) {
                    images.add(ServiceImages.reference(model, s));
                }
            }
        } else {
            for (ProjectContainer c : containers) {
                if (which == RemoveImages.ALL || c.image().equals(project + "-" + c.service())) {
                    images.add(c.image());
                }
            }
        }
        for (String image : images) {
            String resource = "Image " + image;
            actions.progress().working(resource, "Removing");
            try {
                actions.client().images().remove(image, false, false);
                actions.progress().done(resource, "Removed");
            } catch (ApiException e) {
                if (!e.isNotFound()) {
                    actions.progress().event(resource, Progress.State.WARNING, e.getMessage());
                }
            }
        }
    }
}
