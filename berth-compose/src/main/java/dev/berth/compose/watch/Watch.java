package dev.berth.compose.watch;

import dev.berth.api.build.DockerIgnore;
import dev.berth.api.client.ApiException;
import dev.berth.compose.model.Project;
import dev.berth.compose.model.Service;
import dev.berth.compose.model.WatchAction;
import dev.berth.compose.model.WatchExec;
import dev.berth.compose.model.WatchRule;
import dev.berth.compose.project.ContainerActions;
import dev.berth.compose.project.Lifecycle;
import dev.berth.compose.project.ProjectContainer;
import dev.berth.compose.project.ProjectContainers;
import dev.berth.compose.project.ServiceImages;
import dev.berth.compose.project.ServiceMapper;
import dev.berth.compose.project.ServiceSelection;
import dev.berth.compose.project.Up;
import dev.berth.compose.project.UpOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@code compose watch} once the project is up: watches every rule's path of the selected
 * services, batches the changes ({@link ChangeBatcher}), plans each service's response
 * ({@link WatchPlanner}) and applies it, reporting in compose's words through {@code log}
 * ("Syncing service "web" after 2 changes were detected"). A failed action (a build error, a
 * stopped container) is reported and the watch goes on, as compose's does. Runs until its
 * thread is interrupted; the containers are left running.
 */
public final class Watch {

    private final ContainerActions actions;
    private final ServiceImages images;
    private final ServiceMapper.FileSources files;
    private final Consumer<String> log;
    private final ContainerSync sync;

    public Watch(ContainerActions actions, ServiceImages images, ServiceMapper.FileSources files, Consumer<String> log) {
        this.actions = actions;
        this.images = images;
        this.files = files;
        this.log = log;
        this.sync = new ContainerSync(actions.client());
    }

    /**
     * The rule filters of the selected {@code services} (all when empty) that have watch rules.
     * IllegalArgumentException when none has any, or a rebuild rule's service has no build.
     */
    public static Map<String, List<WatchFilter>> filters(Project project, List<String> services) throws IOException {
        Map<String, List<WatchFilter>> out = new LinkedHashMap<>();
        for (Service s : ServiceSelection.of(project, services, false)) {
            if (s.develop() == null || s.develop().watch().isEmpty()) {
                continue;
            }
            Path context = s.build() == null || s.build().context().contains("://") ? null
                    : Path.of(s.build().context()).toAbsolutePath().normalize();
            DockerIgnore ignore = context != null && Files.isRegularFile(context.resolve(".dockerignore"))
                    ? DockerIgnore.parse(Files.readString(context.resolve(".dockerignore"))) : DockerIgnore.none();
            List<WatchFilter> filters = new ArrayList<>();
            for (WatchRule rule : s.develop().watch()) {
                if (rule.action() == WatchAction.REBUILD && s.build() == null) {
                    throw new IllegalArgumentException("can't watch service \"" + s.name()
                            + "\" with action rebuild without a build context");
                }
                filters.add(new WatchFilter(rule, context, ignore));
            }
            out.put(s.name(), filters);
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("none of the selected services is configured for watch, consider setting a 'develop' section");
        }
        return out;
    }

    /** Watches until interrupted (then returns normally). {@code prune}: remove the image a rebuild replaced. */
    public void run(Project project, List<String> services, boolean prune) throws IOException {
        Map<String, List<WatchFilter>> filters = filters(project, services);
        List<Path> roots = filters.values().stream().flatMap(List::stream).map(f -> f.rule().path()).toList();
        WatchPlanner planner = new WatchPlanner(filters);
        ChangeBatcher batcher = new ChangeBatcher(ChangeBatcher.QUIET, ChangeBatcher.LONGEST);
        try (DirectoryWatcher watcher = new DirectoryWatcher(roots)) {
            initialSync(project, filters);
            log.accept("Watch enabled");
            while (!Thread.currentThread().isInterrupted()) {
                long wait = batcher.nanosUntilReady(System.nanoTime());
                Set<Path> changed = watcher.poll(wait == Long.MAX_VALUE ? 1_000_000_000L : Math.max(wait, 1));
                long now = System.nanoTime();
                changed.forEach(p -> batcher.add(p, now));
                if (batcher.ready(now)) {
                    for (ServicePlan plan : planner.plan(batcher.drain(), p -> Files.exists(p, LinkOption.NOFOLLOW_LINKS))) {
                        apply(project, plan, prune);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The rules with {@code initial_sync}: their whole path copied into the running containers. */
    private void initialSync(Project project, Map<String, List<WatchFilter>> filters) {
        filters.forEach((service, list) -> {
            List<ServicePlan.SyncPath> paths = list.stream()
                    .filter(f -> f.rule().initialSync() && f.rule().action().syncs() && Files.exists(f.rule().path()))
                    .map(f -> new ServicePlan.SyncPath(f, f.rule().path(), f.rule().target(), false)).toList();
            if (!paths.isEmpty()) {
                apply(project, new ServicePlan(service, paths, false, false, List.of()), false);
            }
        });
    }

    private void apply(Project project, ServicePlan plan, boolean prune) {
        String service = plan.service();
        try {
            if (plan.rebuild()) {
                rebuild(project, project.service(service), prune);
                return;
            }
            List<ProjectContainer> running = new ProjectContainers(actions.client())
                    .list(project.name(), false, ProjectContainers.OneOff.EXCLUDE, List.of(service));
            if (!plan.sync().isEmpty()) {
                log.accept("Syncing service \"" + service + "\" after " + plan.sync().size() + " changes were detected");
                sync.sync(running.stream().map(ProjectContainer::id).toList(), plan.sync());
            }
            if (plan.restart()) {
                log.accept("Restarting service \"" + service + "\" after changes were detected");
                new Lifecycle(actions).restart(running, null);
            }
            for (WatchExec exec : plan.execs()) {
                for (ProjectContainer c : running) {
                    int code = sync.exec(c.id(), exec);
                    if (code != 0) {
                        log.accept("Error: " + String.join(" ", exec.command()) + " in " + c.name() + " exited with code " + code);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            log.accept("Error: service \"" + service + "\": " + e.getMessage());
        }
    }

    /** Builds the image and recreates the containers through {@link Up}, as {@code up --build --no-deps SERVICE}. */
    private void rebuild(Project project, Service service, boolean prune) throws IOException {
        String quoted = "[\"" + service.name() + "\"]";
        log.accept("Rebuilding service(s) " + quoted + " after changes were detected...");
        String before = images.id(ServiceImages.reference(project, service));
        try {
            new Up(actions, images, files).run(project, new UpOptions(List.of(service.name()), true, false, false, true,
                    false, false, Map.of(), true, null, null));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        log.accept("service(s) " + quoted + " successfully built");
        String after = images.id(ServiceImages.reference(project, service));
        if (prune && before != null && !before.equals(after)) {
            try {
                actions.client().raw("DELETE", "/images/" + before).close();
            } catch (ApiException e) {
                // still tagged elsewhere or used by another container: not dangling, so kept
            }
        }
    }
}
