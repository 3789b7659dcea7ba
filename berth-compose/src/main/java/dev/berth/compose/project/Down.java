package dev.berth.compose.project;

import dev.berth.api.client.ApiException;
import dev.berth.compose.model.Project;
import dev.berth.compose.model.Service;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code down}: the project's containers stopped (dependents first) and removed, then its
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
        doomed.sort(Comparator.comparingInt((ProjectContainer c) -> -rank(model, c.service())));
        for (ProjectContainer c : doomed) {
            if (c.running()) {
                actions.stop(c.id(), c.name(), options.timeout());
            }
        }
        for (ProjectContainer c : doomed) {
            actions.remove(c.id(), c.name(), true, options.volumes());
        }
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

    /** Position in the start order; dependents (higher) go first. Unknown services last started, first stopped. */
    private static int rank(Project model, String service) {
        if (model == null) {
            return 0;
        }
        List<Service> order = model.dependencyOrder();
        for (int i = 0; i < order.size(); i++) {
            if (order.get(i).name().equals(service)) {
                return i;
            }
        }
        return order.size();
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
